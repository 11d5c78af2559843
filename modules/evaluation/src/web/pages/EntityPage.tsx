/**
 * 得分分解: one entity's score as a tree down to the raw figure — each group's and indicator's weight (in its
 * group and overall), the figure as read (with its denominator) in its unit, the figure it is scored on in its
 * unit (a ratio as a percentage; a logged figure as the figure, marked 对数变换后计分), its normalised score and its
 * contribution to the total — with contribution bars and the entity's rank band. Codes only on hover.
 */
import { useMemo } from 'react';
import { Alert, Card, Col, Descriptions, Result, Row, Spin, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { Chart, type ChartOption } from '@kechuang/platform-web/chart';
import { PageHeader, errorMessage, formatNumber, useT, type TFunction } from '@kechuang/platform-web';
import { useBreakdown, useRun } from '../api.ts';
import { beforeLog, formatFigure, leafFigure } from '../../domain/figures.ts';
import { RankBand, score, TierTag } from '../components/Labels.tsx';
import type { BreakdownNode } from '../types.ts';

type Row = BreakdownNode & { children?: Row[] };

function toTree(nodes: BreakdownNode[]): Row[] {
  const byId = new Map<string, Row>(nodes.map((n) => [n.id, { ...n }]));
  const roots: Row[] = [];
  for (const n of nodes) {
    const row = byId.get(n.id)!;
    const parent = n.parent === null ? undefined : byId.get(n.parent);
    if (parent) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  return roots;
}

const pct = (x: number) => `${formatNumber(x * 100, 1)}%`;

/** the figure a leaf is scored on, in its unit, and what was done to it: a log, winsorisation, an imputed value */
function treated(n: BreakdownNode): { text: string; note: 'logged' | 'winsorised' | 'imputed' | null } {
  const units = { unit: n.unit, denominator: n.denominator, denominatorUnit: n.denominatorUnit };
  const x = beforeLog(n.value, n.transform);
  if (n.imputed) return { text: leafFigure(x, units), note: 'imputed' };
  const read = n.denominator ? (n.raw ?? NaN) / (n.denominatorRaw ?? NaN) : (n.raw ?? NaN);
  // winsorised when it differs from the figure as read by more than the log's round trip (exp(ln x) is x to ~1e-12)
  const moved = x !== null && Number.isFinite(read) && Math.abs(x - read) > 1e-9 * Math.max(1, Math.abs(read));
  if (moved) return { text: leafFigure(x, units), note: 'winsorised' };
  return { text: leafFigure(Number.isFinite(read) ? read : x, units), note: n.transform ? 'logged' : null };
}

function contributionOption(leaves: BreakdownNode[], scaleHigh: number | null, t: TFunction): ChartOption {
  const names = leaves.map((l) => l.name ?? l.id);
  return {
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', splitLine: { lineStyle: { type: 'dashed', color: '#f0f0f0' } } },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { interval: 0 } },
    series: [
      ...(scaleHigh !== null
        ? [
            {
              name: t('ev.bd.full'),
              type: 'bar' as const,
              barWidth: 14,
              barGap: '-100%',
              itemStyle: { color: '#f0f0f0' },
              data: leaves.map((l) => Number((l.globalWeight * scaleHigh).toFixed(3))),
            },
          ]
        : []),
      {
        name: t('ev.bd.actual'),
        type: 'bar' as const,
        barWidth: 14,
        itemStyle: { color: '#1664d9' },
        data: leaves.map((l) => Number((l.contribution ?? 0).toFixed(3))),
      },
    ],
  };
}

export function EntityPage() {
  const t = useT();
  const params = useParams();
  const runId = Number(params.id);
  const entityId = params.entityId;
  const run = useRun(runId);
  const b = useBreakdown(runId, entityId);
  const tree = useMemo(() => toTree(b.data?.nodes ?? []), [b.data]);
  const leaves = useMemo(() => (b.data?.nodes ?? []).filter((n) => n.kind === 'leaf'), [b.data]);
  const maxContribution = Math.max(1e-9, ...leaves.map((l) => l.contribution ?? 0));
  const option = useMemo(() => contributionOption(leaves, b.data?.scale?.[1] ?? null, t), [leaves, b.data, t]);

  const columns = useMemo<TableColumnsType<Row>>(
    () => [
      {
        title: t('ev.bd.node'),
        key: 'node',
        width: 320,
        render: (_: unknown, n) => (
          <span data-testid={`bd-node-${n.id}`}>
            <Tooltip
              title={t('ev.bd.code', { code: n.kind === 'leaf' && n.indicator ? `${n.indicator}${n.denominator ? ` ÷ ${n.denominator}` : ''}` : n.id })}
              placement="topLeft"
            >
              {n.kind === 'group' ? <b>{n.name ?? n.id}</b> : <span>{n.name ?? n.indicatorName ?? n.id}</span>}
            </Tooltip>
            {n.direction === -1 && <Tag style={{ marginLeft: 6 }}>{t('ev.bd.lowerBetter')}</Tag>}
            {n.imputed && (
              <Tag color="orange" style={{ marginLeft: 6 }}>
                {t('ev.bd.imputed')}
              </Tag>
            )}
          </span>
        ),
      },
      {
        title: `${t('ev.bd.weight')} / ${t('ev.bd.globalWeight')}`,
        key: 'weight',
        width: 130,
        align: 'right',
        render: (_: unknown, n) => (
          <span style={{ whiteSpace: 'nowrap' }}>
            {pct(n.weight)} <span style={{ color: '#8c8c8c' }}>/ {pct(n.globalWeight)}</span>
          </span>
        ),
      },
      {
        title: t('ev.bd.raw'),
        key: 'raw',
        width: 230,
        align: 'right',
        render: (_: unknown, n) =>
          n.kind === 'leaf' && (
            <Tooltip title={n.denominator ? `${n.indicatorName ?? n.indicator} ÷ ${n.denominatorName ?? n.denominator}` : n.indicatorName}>
              <span data-testid="bd-raw">
                <span style={{ whiteSpace: 'nowrap' }}>{formatFigure(n.raw, n.unit ?? '')}</span>
                {n.denominator && (
                  <span style={{ color: '#8c8c8c', whiteSpace: 'nowrap' }}>
                    {' '}
                    {t('ev.bd.perDenominator', { denominator: formatFigure(n.denominatorRaw, n.denominatorUnit ?? '') })}
                  </span>
                )}
              </span>
            </Tooltip>
          ),
      },
      {
        title: t('ev.bd.value'),
        key: 'value',
        width: 130,
        align: 'right',
        render: (_: unknown, n) => {
          if (n.kind !== 'leaf') return null;
          const v = treated(n);
          return (
            <Tooltip title={n.transform ? t(`ev.m.transform.${n.transform}`) : undefined}>
              <span data-testid="bd-value">{v.text}</span>
              {v.note && <div style={{ color: '#8c8c8c', fontSize: 12 }}>{t(`ev.bd.note.${v.note}`)}</div>}
            </Tooltip>
          );
        },
      },
      { title: t('ev.bd.score'), dataIndex: 'score', width: 90, align: 'right', render: (v: number | null) => score(v) },
      {
        title: t('ev.bd.contribution'),
        dataIndex: 'contribution',
        width: 170,
        render: (v: number | null, n) => (
          <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            {n.kind === 'leaf' && (
              <div style={{ width: 70, height: 8, background: '#f0f0f0', borderRadius: 4 }}>
                <div style={{ width: `${Math.max(0, Math.round(((v ?? 0) / maxContribution) * 100))}%`, height: 8, background: '#1664d9', borderRadius: 4 }} />
              </div>
            )}
            <span style={{ fontWeight: n.kind === 'group' ? 600 : 400 }}>{score(v, 3)}</span>
          </div>
        ),
      },
    ],
    [t, maxContribution],
  );

  if (b.isLoading || run.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (b.isError || !b.data) return <Result status="404" title="404" subTitle={errorMessage(b.error)} />;
  const d = b.data;
  const tiers = (run.data?.summary.tiers ?? []).map((x) => x.name);
  return (
    <>
      <PageHeader
        title={<span data-testid="bd-label">{d.label}</span>}
        subtitle={run.data ? `${run.data.name} · ${run.data.source.label}` : undefined}
        extra={
          <Link to={`/evaluation/runs/${runId}`}>
            <ArrowLeftOutlined /> {t('ev.bd.back')}
          </Link>
        }
      />
      {!d.scored ? (
        <Alert type="warning" showIcon title={t('ev.bd.notScored')} description={d.excluded} data-testid="bd-excluded" />
      ) : (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 4 }} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('ev.res.score')}>
              <b data-testid="bd-score">{score(d.score)}</b>
            </Descriptions.Item>
            <Descriptions.Item label={t('ev.res.rank')}>{t('ev.bd.rank', { rank: d.rank ?? '—', n: d.scoredCount })}</Descriptions.Item>
            <Descriptions.Item label={t('ev.res.interval')}>
              <RankBand median={d.medianRank} p05={d.rankP05} p95={d.rankP95} />
            </Descriptions.Item>
            <Descriptions.Item label={t('ev.res.region')}>
              {d.regionName ?? '—'} <TierTag tier={d.tier} tiers={tiers} />
            </Descriptions.Item>
          </Descriptions>
          <Row gutter={[12, 12]}>
            <Col xs={24} xxl={16}>
              <Card size="small">
                <Table<Row>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  columns={columns}
                  dataSource={tree}
                  expandable={{ defaultExpandAllRows: true }}
                  data-testid="bd-table"
                />
              </Card>
            </Col>
            <Col xs={24} xxl={8}>
              <Card size="small" title={t('ev.bd.chart')} style={{ marginTop: 0 }}>
                <Chart option={option} height={Math.max(240, 60 + leaves.length * 28)} data-testid="bd-chart" />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
