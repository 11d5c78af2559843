/**
 * 技术合同统计: registered contracts per registration year, or per year and town, field or type — 输出 (the seller
 * in the user's region) and 吸纳 (the buyer) — as a table and an ECharts chart (by year: bars of both amounts and a
 * line of the technology amount; otherwise one bar series a year over the towns, fields or types).
 */
import { useMemo, useState } from 'react';
import { Alert, Card, Empty, Segmented, Spin, Table, type TableColumnsType } from 'antd';
import { Chart, type ChartOption } from '@kechuang/platform-web/chart';
import { PageHeader, useT, type TFunction } from '@kechuang/platform-web';
import { STATS_BY } from '../../contract/stats-by.ts';
import { useStats } from '../api.ts';
import { wan } from '../components/ContractLabels.tsx';
import type { Stats, StatsBy } from '../types.ts';

type StatsRow = Stats['rows'][number];

const labelOf = (t: TFunction, by: StatsBy, r: StatsRow) =>
  by === 'year' ? t('tc.stats.all') : by === 'town' ? r.label : by === 'field' ? t(`tc.field.${r.key}`) : t(`tc.type.${r.key}`);

function statsOption(stats: Stats, t: TFunction): ChartOption {
  const toWan = (yuan: number) => Math.round(yuan / 100) / 100;
  const years = [...new Set(stats.rows.map((r) => r.year))].sort();
  const base = {
    grid: { left: 16, right: 16, top: 48, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' as const },
    yAxis: { type: 'value' as const, name: t('tc.stats.contractAmount') },
  };
  if (stats.by === 'year')
    return {
      ...base,
      xAxis: { type: 'category', data: years.map(String) },
      series: [
        {
          name: t('tc.stats.exported'),
          type: 'bar',
          barMaxWidth: 48,
          data: years.map((y) => toWan(stats.rows.find((r) => r.year === y)?.exported.contractAmount ?? 0)),
        },
        {
          name: t('tc.stats.absorbed'),
          type: 'bar',
          barMaxWidth: 48,
          data: years.map((y) => toWan(stats.rows.find((r) => r.year === y)?.absorbed.contractAmount ?? 0)),
        },
        {
          name: `${t('tc.stats.exported')} · ${t('tc.techAmount')}`,
          type: 'line',
          data: years.map((y) => toWan(stats.rows.find((r) => r.year === y)?.exported.techAmount ?? 0)),
        },
      ],
    };
  const keys = [...new Set(stats.rows.map((r) => r.key))];
  const label = new Map(stats.rows.map((r) => [r.key, labelOf(t, stats.by, r)]));
  return {
    ...base,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: keys.map((k) => label.get(k) ?? k), axisLabel: { interval: 0, rotate: keys.length > 6 ? 30 : 0 } },
    series: years.map((y) => ({
      name: String(y),
      type: 'bar' as const,
      barMaxWidth: 36,
      data: keys.map((k) => toWan(stats.rows.find((r) => r.year === y && r.key === k)?.exported.contractAmount ?? 0)),
    })),
  };
}

export function StatsPage() {
  const t = useT();
  const [by, setBy] = useState<StatsBy>('year');
  const stats = useStats(by);
  const option = useMemo(() => (stats.data ? statsOption(stats.data, t) : null), [stats.data, t]);
  const columns: TableColumnsType<StatsRow> = [
    { title: t('tc.stats.year'), dataIndex: 'year', width: 80 },
    ...(by === 'year' ? [] : [{ title: t('tc.stats.key'), key: 'key', render: (_: unknown, r: StatsRow) => labelOf(t, by, r) }]),
    ...(['exported', 'absorbed'] as const).map((side) => ({
      title: t(`tc.stats.${side}`),
      children: [
        { title: t('tc.stats.count'), key: `${side}.count`, align: 'right' as const, render: (_: unknown, r: StatsRow) => r[side].count },
        {
          title: t('tc.stats.contractAmount'),
          key: `${side}.amount`,
          align: 'right' as const,
          render: (_: unknown, r: StatsRow) => wan(r[side].contractAmount),
        },
        { title: t('tc.stats.techAmount'), key: `${side}.tech`, align: 'right' as const, render: (_: unknown, r: StatsRow) => wan(r[side].techAmount) },
      ],
    })),
  ];
  return (
    <>
      <PageHeader
        title={t('tc.stats.title')}
        extra={
          <Segmented
            value={by}
            onChange={(v) => setBy(v)}
            options={STATS_BY.map((b) => ({ value: b, label: t(`tc.stats.by.${b}`) }))}
            data-testid="tc-stats-by"
          />
        }
      />
      <Alert type="info" showIcon title={t('tc.stats.note')} style={{ marginBottom: 12 }} />
      {stats.isLoading ? (
        <Spin style={{ display: 'block', margin: '80px auto' }} />
      ) : !stats.data?.rows.length ? (
        <Empty />
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 12 }}>
            {option && <Chart option={option} height={360} data-testid="tc-stats-chart" />}
          </Card>
          <Table
            size="small"
            bordered
            rowKey={(r) => `${r.year}|${r.key}`}
            columns={columns}
            dataSource={stats.data.rows}
            pagination={false}
            data-testid="tc-stats-table"
          />
        </>
      )}
    </>
  );
}
