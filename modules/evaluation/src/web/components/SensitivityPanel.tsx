/** 排名稳定性: the Monte Carlo's plan, the interval chart and a table of each finalist's median rank, interval and stability. */
import { Alert, Empty, Table, Tag, Typography } from 'antd';
import { useT } from '@kechuang/platform-web';
import { useSensitivity } from '../api.ts';
import type { Run, SensitivityItem } from '../types.ts';
import { RankInterval, TierTag } from './labels.tsx';
import { SensitivityChart } from './SensitivityChart.tsx';

export function SensitivityPanel({ run }: { run: Run }) {
  const t = useT();
  const mc = run.summary.sensitivity;
  const s = useSensitivity(run.id, !!mc);
  if (!mc) return <Empty description={t('ev.mc.none')} />;
  const tiers = (run.summary.tiers ?? []).map((x) => x.name);
  const cutoffs = (run.summary.tiers ?? []).reduce<number[]>((acc, x) => [...acc, (acc.at(-1) ?? 0) + x.size], []);
  const items = s.data?.items ?? [];
  const stable = items.filter((i) => i.isStable).length;
  return (
    <div data-testid="sensitivity-panel">
      <Typography.Paragraph type="secondary">{t('ev.mc.help')}</Typography.Paragraph>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('ev.mc.summary', {
          samples: mc.samples, seed: mc.seed, perturbation: Math.round(mc.perturbation * 100),
          normalisation: mc.alternatives.normalisation.join('/'), aggregation: mc.alternatives.aggregation.join('/'), imputation: mc.alternatives.imputation.join('/'),
        })}
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
        columns={[
          { title: t('ev.res.rank'), dataIndex: 'rank', width: 70, align: 'right' },
          { title: t('ev.res.label'), dataIndex: 'label' },
          { title: t('ev.res.region'), dataIndex: 'regionName', width: 110, render: (v: string | null) => v ?? '—' },
          ...(tiers.length ? [{ title: t('ev.res.tier'), dataIndex: 'tier', width: 190, render: (v: string | null) => <TierTag tier={v} tiers={tiers} /> }] : []),
          { title: t('ev.res.interval'), key: 'interval', width: 150, render: (_: unknown, r: SensitivityItem) => <RankInterval median={r.medianRank} p05={r.rankP05} p95={r.rankP95} /> },
          { title: '', dataIndex: 'isStable', width: 80, render: (v: boolean) => (v ? <Tag color="green">{t('ev.mc.stable')}</Tag> : <Tag color="orange">{t('ev.mc.unstable')}</Tag>) },
        ]}
      />
    </div>
  );
}
