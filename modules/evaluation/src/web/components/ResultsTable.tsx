/**
 * A run's results: rank, name (to the breakdown), score, every group's score, the tier — or, for a run graded
 * by quota (绩效评价), the grade A/B/C — the rank interval; server-paged, exported to Excel.
 */
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Select, Switch, Space, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { DataTable, useT } from '@kechuang/platform-web';
import { ROOT } from '../api.ts';
import type { ResultItem, Run } from '../types.ts';
import { GradeTag } from './grades.tsx';
import { RankInterval, score, TierTag } from './labels.tsx';

const ROW_ATTRS = { 'data-testid': 'result-row' } as HTMLAttributes<HTMLElement>;

export function ResultsTable({ run }: { run: Run }) {
  const t = useT();
  const tiers = useMemo(() => (run.summary.tiers ?? []).map((x) => x.name), [run.summary.tiers]);
  // a graded run keeps its grade in the result's tier
  const grades = useMemo(() => (tiers.length ? [] : (run.summary.grades ?? []).map((x) => x.grade)), [tiers, run.summary.grades]);
  const [isFinalistsOnly, setFinalistsOnly] = useState(false);
  const [tier, setTier] = useState<string>();
  const hasMc = !!run.summary.sensitivity;

  const columns = useMemo<TableColumnsType<ResultItem>>(
    () => [
      { title: t('ev.res.rank'), dataIndex: 'rank', key: 'rank', sorter: true, width: 70, align: 'right', fixed: 'left' },
      {
        title: t('ev.res.label'),
        dataIndex: 'label',
        key: 'label',
        sorter: true,
        fixed: 'left',
        width: 240,
        render: (label: string, r) => (
          <Link to={`/evaluation/runs/${run.id}/entities/${encodeURIComponent(r.entityId)}`} data-testid="result-link">
            {label}
          </Link>
        ),
      },
      ...(run.preset !== 'leadership' && run.preset !== 'performanceReview' ? [] : [{ title: t('ev.res.region'), dataIndex: 'regionName', key: 'regionName', sorter: true, width: 110, render: (v: string | null) => v ?? '—' }]),
      { title: t('ev.res.score'), dataIndex: 'score', key: 'score', sorter: true, width: 90, align: 'right', render: (v: number) => <b>{score(v)}</b> },
      ...(tiers.length
        ? [{ title: t('ev.res.tier'), dataIndex: 'tier', key: 'place', sorter: true, width: 180, render: (v: string | null, r: ResultItem) => <TierTag tier={v} tiers={tiers} tied={r.tiedAtCutoff} /> }]
        : []),
      ...(grades.length
        ? [{ title: t('ev.review.grade'), dataIndex: 'tier', key: 'place', sorter: true, width: 80, align: 'center' as const, render: (v: string | null) => <GradeTag grade={v} grades={grades} /> }]
        : []),
      ...(hasMc
        ? [{ title: t('ev.res.interval'), key: 'medianRank', sorter: true, width: 150, render: (_: unknown, r: ResultItem) => <RankInterval median={r.medianRank} p05={r.rankP05} p95={r.rankP95} /> }]
        : []),
      ...run.groups.map((g) => ({
        title: g.name,
        key: `groups.${g.id}`,
        sorter: true,
        width: 96,
        align: 'right' as const,
        render: (_: unknown, r: ResultItem) => score(r.groups[g.id]),
      })),
    ],
    [t, run, tiers, grades, hasMc],
  );

  const filters = grades.length ? (
    <Select allowClear placeholder={t('ev.review.grade')} style={{ width: 120 }} value={tier} onChange={setTier} options={grades.map((x) => ({ value: x, label: x }))} data-testid="grade-filter" />
  ) : (
    tiers.length > 0 && (
      <Space>
        <Switch checked={isFinalistsOnly} onChange={setFinalistsOnly} data-testid="finalists-only" />
        <span>{t('ev.res.finalistsOnly')}</span>
        <Select allowClear placeholder={t('ev.res.tier')} style={{ width: 200 }} value={tier} onChange={setTier} options={tiers.map((x) => ({ value: x, label: x }))} />
      </Space>
    )
  );

  return (
    <DataTable<ResultItem>
      url={`${ROOT}/runs/${run.id}/results`}
      rowKey="entityId"
      columns={columns}
      params={{ finalists: isFinalistsOnly ? 'true' : undefined, tier }}
      defaultSort={{ field: 'rank', order: 'ascend' }}
      searchPlaceholder={t('ev.res.search')}
      size="small"
      scrollX={columns.reduce((a, c) => a + (typeof c.width === 'number' ? c.width : 120), 0)}
      onRow={() => ROW_ATTRS}
      data-testid="result-table"
      filters={filters}
    />
  );
}
