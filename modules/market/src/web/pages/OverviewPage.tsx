/**
 * 科技大市场 · 成效, the market's page for leaders (the bureau, leaders, town officers in their region): the period's
 * headline figures, listings per month by kind, matches, leads and deals per month, registered contracts per month
 * with their amounts, leads by stage, and the town table with its Excel export.
 */
import { useMemo, useState } from 'react';
import { Alert, Card, Col, Empty, Row, Select, Spin, Statistic, Table, type TableColumnsType } from 'antd';
import { Chart, type ChartOption } from '@kechuang/platform-web/chart';
import { ExportButton, PageHeader, bureauYear, errorMessage, formatNumber, useT, type TFunction } from '@kechuang/platform-web';
import { LISTING_KINDS, type ListingKind } from '../../contract/kinds.ts';
import { LEAD_STATUSES } from '../../contract/lead-stages.ts';
import { useMarketOverview, type MarketOverview, type OverviewFigures, type OverviewPeriod } from '../overview-api.ts';

const KIND_KEYS: Record<ListingKind, string> = {
  achievement: 'market.overview.achievements',
  demand: 'market.overview.demands',
  expert: 'market.overview.experts',
  broker: 'market.overview.brokers',
  provider: 'market.overview.providers',
};

const wan = (yuan: number) => formatNumber(yuan / 10_000, 2);
const toWan = (yuan: number) => Math.round(yuan / 100) / 100;
const leadsOf = (f: OverviewFigures) => LEAD_STATUSES.reduce((s, k) => s + f.leads[k], 0);

function sum(cells: MarketOverview['cells'], pick: (c: OverviewFigures) => number, keep: (c: MarketOverview['cells'][number]) => boolean) {
  return cells.reduce((s, c) => (keep(c) ? s + pick(c) : s), 0);
}

const base = (): ChartOption => ({
  grid: { left: 16, right: 16, top: 40, bottom: 8, containLabel: true },
  legend: { top: 0 },
  tooltip: { trigger: 'axis' },
});

function listingsOption(o: MarketOverview, t: TFunction): ChartOption {
  return {
    ...base(),
    xAxis: { type: 'category', data: o.months },
    yAxis: { type: 'value' },
    series: LISTING_KINDS.map((k) => ({
      name: t(KIND_KEYS[k]),
      type: 'bar' as const,
      stack: 'listings',
      data: o.months.map((m) =>
        sum(
          o.cells,
          (c) => c.listings[k],
          (c) => c.month === m,
        ),
      ),
    })),
  };
}

function flowOption(o: MarketOverview, t: TFunction): ChartOption {
  const by = (pick: (c: OverviewFigures) => number) => o.months.map((m) => sum(o.cells, pick, (c) => c.month === m));
  return {
    ...base(),
    xAxis: { type: 'category', data: o.months },
    yAxis: { type: 'value' },
    series: [
      { name: t('market.overview.matches'), type: 'bar', data: by((c) => c.matches) },
      { name: t('market.overview.leadsOpened'), type: 'bar', data: by(leadsOf) },
      { name: t('market.overview.signed'), type: 'line', data: by((c) => c.signed) },
    ],
  };
}

function dealsOption(o: MarketOverview, t: TFunction): ChartOption {
  const by = (pick: (c: OverviewFigures) => number) => o.months.map((m) => sum(o.cells, pick, (c) => c.month === m));
  return {
    ...base(),
    xAxis: { type: 'category', data: o.months },
    yAxis: [
      { type: 'value', name: t('market.overview.contractAmount') },
      { type: 'value', name: t('market.overview.contracts'), splitLine: { show: false }, minInterval: 1 },
    ],
    series: [
      { name: t('market.overview.contractAmount'), type: 'bar', data: by((c) => toWan(c.contractAmount)) },
      { name: t('market.overview.techAmount'), type: 'bar', data: by((c) => toWan(c.techAmount)) },
      { name: t('market.overview.contracts'), type: 'line', yAxisIndex: 1, data: by((c) => c.contracts) },
    ],
  };
}

function stagesOption(o: MarketOverview, t: TFunction): ChartOption {
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        top: -16,
        // a stage without leads draws no slice (ECharts shares the circle evenly among zeros)
        data: LEAD_STATUSES.filter((s) => o.totals.leads[s] > 0).map((s) => ({ name: t(`market.lead.${s}`), value: o.totals.leads[s] })),
      },
    ],
  };
}

interface TownRow {
  code: string;
  name: string;
  f: OverviewFigures;
}

export function OverviewPage() {
  const t = useT();
  const thisYear = bureauYear();
  const [year, setYear] = useState<number | 'recent'>('recent');
  const period: OverviewPeriod = year === 'recent' ? {} : { from: `${year}-01`, to: `${year}-12` };
  const overview = useMarketOverview(period);
  const o = overview.data;
  const charts = useMemo(
    () => (o ? { listings: listingsOption(o, t), flow: flowOption(o, t), deals: dealsOption(o, t), stages: stagesOption(o, t) } : null),
    [o, t],
  );
  const rows: TownRow[] = useMemo(() => {
    if (!o) return [];
    return o.towns.map((town) => {
      const f = structuredClone(emptyFigures);
      for (const c of o.cells) {
        if (c.town !== town.code) continue;
        for (const k of LISTING_KINDS) f.listings[k] += c.listings[k];
        for (const s of LEAD_STATUSES) f.leads[s] += c.leads[s];
        f.matches += c.matches;
        f.signed += c.signed;
        f.contracts += c.contracts;
        f.contractAmount += c.contractAmount;
        f.techAmount += c.techAmount;
      }
      return { code: town.code, name: town.name === '区本级' ? t('market.overview.districtLevel') : town.name, f };
    });
  }, [o, t]);
  const num = (pick: (f: OverviewFigures) => number, amount = false) => ({
    align: 'right' as const,
    sorter: (a: TownRow, b: TownRow) => pick(a.f) - pick(b.f),
    render: (_: unknown, r: TownRow) => (amount ? wan(pick(r.f)) : pick(r.f)),
  });
  const columns: TableColumnsType<TownRow> = [
    { title: t('market.overview.town'), dataIndex: 'name', key: 'name', fixed: 'left', width: 120 },
    ...LISTING_KINDS.map((k) => ({ title: t(KIND_KEYS[k]), key: k, ...num((f) => f.listings[k]) })),
    { title: t('market.overview.matches'), key: 'matches', ...num((f) => f.matches) },
    { title: t('market.overview.leadsOpened'), key: 'leads', ...num(leadsOf) },
    { title: t('market.overview.signed'), key: 'signed', ...num((f) => f.signed) },
    { title: t('market.overview.contracts'), key: 'contracts', ...num((f) => f.contracts) },
    { title: t('market.overview.contractAmount'), key: 'contractAmount', ...num((f) => f.contractAmount, true) },
    { title: t('market.overview.techAmount'), key: 'techAmount', ...num((f) => f.techAmount, true) },
  ];
  const headline: [string, number | string][] = o
    ? [
        ['market.overview.achievements', o.totals.listings.achievement],
        ['market.overview.demands', o.totals.listings.demand],
        ['market.overview.matches', o.totals.matches],
        ['market.overview.leadsOpened', leadsOf(o.totals)],
        ['market.overview.signed', o.totals.signed],
        ['market.overview.contracts', o.totals.contracts],
        ['market.overview.contractAmount', wan(o.totals.contractAmount)],
        ['market.overview.techAmount', wan(o.totals.techAmount)],
      ]
    : [];
  return (
    <>
      <PageHeader
        title={t('market.overview.title')}
        subtitle={o ? `${t('market.overview.subtitle')}（${o.from} — ${o.to}）` : t('market.overview.subtitle')}
        extra={
          <>
            <Select
              value={year}
              onChange={setYear}
              style={{ width: 140 }}
              aria-label={t('market.overview.period')}
              data-testid="market-overview-period"
              options={[
                { value: 'recent' as const, label: t('market.overview.recent') },
                ...[0, 1, 2, 3, 4].map((d) => ({ value: thisYear - d, label: t('market.overview.year', { year: thisYear - d }) })),
              ]}
            />
            <ExportButton url="/api/market/overview/export" query={{ ...period }} label={t('market.overview.export')} testId="market-overview-export" />
          </>
        }
      />
      {overview.isError && <Alert type="error" showIcon title={errorMessage(overview.error)} style={{ marginBottom: 12 }} />}
      {!o ? (
        overview.isLoading && <Spin style={{ display: 'block', margin: '80px auto' }} />
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 12 }} data-testid="market-overview-headline">
            <Row gutter={[16, 16]}>
              {headline.map(([key, value]) => (
                <Col key={key} xs={12} md={6} xl={3}>
                  <Statistic title={t(key)} value={value} />
                </Col>
              ))}
            </Row>
          </Card>
          {charts && (
            <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
              <Col xs={24} xl={12}>
                <Card size="small" title={t('market.overview.listingsByMonth')}>
                  <Chart option={charts.listings} height={300} data-testid="market-overview-listings" />
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card size="small" title={t('market.overview.flowByMonth')}>
                  <Chart option={charts.flow} height={300} data-testid="market-overview-flow" />
                </Card>
              </Col>
              <Col xs={24} xl={16}>
                <Card size="small" title={t('market.overview.dealsByMonth')}>
                  <Chart option={charts.deals} height={300} data-testid="market-overview-deals" />
                </Card>
              </Col>
              <Col xs={24} xl={8}>
                <Card size="small" title={t('market.overview.leadsByStage')}>
                  {leadsOf(o.totals) > 0 ? (
                    <Chart option={charts.stages} height={300} data-testid="market-overview-stages" />
                  ) : (
                    <Empty style={{ height: 268, paddingTop: 80 }} />
                  )}
                </Card>
              </Col>
            </Row>
          )}
          <Card size="small" title={t('market.overview.byTown')} style={{ marginBottom: 12 }}>
            <Table
              size="small"
              bordered
              rowKey="code"
              columns={columns}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 1100 }}
              data-testid="market-overview-towns"
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('market.overview.total')}</Table.Summary.Cell>
                  {[
                    ...LISTING_KINDS.map((k) => o.totals.listings[k]),
                    o.totals.matches,
                    leadsOf(o.totals),
                    o.totals.signed,
                    o.totals.contracts,
                    wan(o.totals.contractAmount),
                    wan(o.totals.techAmount),
                  ].map((v, i) => (
                    <Table.Summary.Cell key={i} index={i + 1} align="right">
                      {v}
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              )}
            />
          </Card>
          <Alert type="info" showIcon title={t('market.overview.note')} />
        </>
      )}
    </>
  );
}

const emptyFigures: OverviewFigures = {
  listings: { achievement: 0, demand: 0, expert: 0, broker: 0, provider: 0 },
  matches: 0,
  leads: { contacted: 0, negotiating: 0, signed: 0, dropped: 0 },
  signed: 0,
  contracts: 0,
  contractAmount: 0,
  techAmount: 0,
};
