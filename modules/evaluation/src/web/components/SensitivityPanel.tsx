/**
 * 排名稳定性: what the Monte Carlo varied, in words (各组权重上下浮动 25%；标准化：极差标准化、百分位标准化 …), the chart of each
 * finalist's rank band, and a table of each finalist's band ("第 3–7 名之间"), how often it stays within its tier's
 * places and the change of method (or of weights) that moves it most.
 */
import { Alert, Empty, Table, Typography } from 'antd';
import { useT } from '@kechuang/platform-web';
import { useSensitivity } from '../api.ts';
import type { Run, SensitivityItem } from '../types.ts';
import { RankBand, Stability, TierTag, useMethodLabel } from './Labels.tsx';
import { SensitivityChart } from './SensitivityChart.tsx';

export function SensitivityPanel({ run }: { run: Run }) {
  const t = useT();
  const label = useMethodLabel();
  const mc = run.summary.sensitivity;
  const s = useSensitivity(run.id, !!mc);
  if (!mc) return <Empty description={t('ev.mc.none')} />;
  const tiers = (run.summary.tiers ?? []).map((x) => x.name);
  const cutoffs = (run.summary.tiers ?? []).reduce<number[]>((acc, x) => [...acc, (acc.at(-1) ?? 0) + x.size], []);
  const items = s.data?.items ?? [];
  const stable = items.filter((i) => i.isStable).length;
  const columnNames = s.data?.columnNames ?? {};
  const byName = (c: string) => columnNames[c] ?? run.columns[c]?.name ?? c;
  const alternatives = [
    t('ev.mc.weights', { perturbation: Math.round(mc.perturbation * 100) }),
    ...(mc.alternatives.normalisation.length > 1
      ? [t('ev.mc.normalisations', { methods: mc.alternatives.normalisation.map((m) => label('normalisation', m)).join(t('ev.list.sep')) })]
      : []),
    ...(mc.alternatives.aggregation.length > 1
      ? [t('ev.mc.aggregations', { methods: mc.alternatives.aggregation.map((m) => label('aggregation', m)).join(t('ev.list.sep')) })]
      : []),
    ...(mc.alternatives.imputation.length > 1
      ? [t('ev.mc.imputations', { methods: mc.alternatives.imputation.map((m) => label('imputation', m, byName)).join(t('ev.list.sep')) })]
      : []),
  ];
  return (
    <div data-testid="sensitivity-panel">
      <Typography.Paragraph type="secondary">{t('ev.mc.help')}</Typography.Paragraph>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={<span data-testid="mc-summary">{t('ev.mc.summary', { samples: mc.samples, seed: mc.seed, varied: alternatives.join(t('ev.list.sep2')) })}</span>}
        description={items.length > 0 ? t('ev.mc.stableCount', { stable, total: items.length }) : undefined}
      />
      {items.length > 0 && <SensitivityChart items={items} cutoffs={cutoffs.length ? cutoffs : [s.data!.cutoff]} />}
      <Table<SensitivityItem>
        rowKey="entityId"
        size="small"
        loading={s.isLoading}
        pagination={false}
        dataSource={items}
        style={{ marginTop: 12 }}
        data-testid="sensitivity-table"
        columns={[
          { title: t('ev.res.rank'), dataIndex: 'rank', width: 64, align: 'right' },
          { title: t('ev.res.label'), dataIndex: 'label' },
          { title: t('ev.res.region'), dataIndex: 'regionName', width: 110, render: (v: string | null) => v ?? '—' },
          ...(tiers.length
            ? [{ title: t('ev.res.tier'), dataIndex: 'tier', width: 168, render: (v: string | null) => <TierTag tier={v} tiers={tiers} /> }]
            : []),
          {
            title: t('ev.res.interval'),
            key: 'interval',
            width: 136,
            render: (_: unknown, r: SensitivityItem) => <RankBand median={r.medianRank} p05={r.rankP05} p95={r.rankP95} />,
          },
          {
            title: t('ev.mc.stability'),
            key: 'stability',
            width: 380,
            render: (_: unknown, r: SensitivityItem) => (
              <Stability isStable={r.isStable} explanation={r.explanation} perturbation={mc.perturbation} columnNames={columnNames} />
            ),
          },
        ]}
      />
    </div>
  );
}
