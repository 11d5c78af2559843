/**
 * A run's results: rank, name (to the breakdown), score, the tier — or, for a run graded by quota (绩效评价), the
 * grade A/B/C — the rank band in words, and every group's score; server-paged, exported to Excel. It fits a
 * 1440-pixel screen without scrolling sideways: narrow columns whose headers wrap, the name taking what is left,
 * and a scheme with more groups than fit shows their scores in an expandable row instead of columns.
 */
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Select, Switch, Space, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { DataTable, useT } from '@kechuang/platform-web';
import { ROOT } from '../api.ts';
import type { ResultItem, Run } from '../types.ts';
import { GradeTag } from './Grades.tsx';
import { RankBand, score, TierTag } from './Labels.tsx';

const ROW_ATTRS = { 'data-testid': 'result-row' } as HTMLAttributes<HTMLElement>;
const GROUP_WIDTH = 80;
/** the fixed columns and the group columns together may take this much; the name gets the rest (about 1,170 px at 1440) */
const FIXED_BUDGET = 960;

export function ResultsTable({ run }: { run: Run }) {
  const t = useT();
  const tiers = useMemo(() => (run.summary.tiers ?? []).map((x) => x.name), [run.summary.tiers]);
  // a graded run keeps its grade in the result's tier
  const grades = useMemo(() => (tiers.length ? [] : (run.summary.grades ?? []).map((x) => x.grade)), [tiers, run.summary.grades]);
  const [isFinalistsOnly, setFinalistsOnly] = useState(false);
  const [tier, setTier] = useState<string>();
  const hasMc = !!run.summary.sensitivity;
  const hasRegion = run.preset === 'leadership' || run.preset === 'performanceReview';

  const { columns, groupsInline } = useMemo(() => {
    const fixed: TableColumnsType<ResultItem> = [
      ...(hasRegion
        ? [{ title: t('ev.res.region'), dataIndex: 'regionName', key: 'regionName', sorter: true, width: 100, render: (v: string | null) => v ?? '—' }]
        : []),
      { title: t('ev.res.score'), dataIndex: 'score', key: 'score', sorter: true, width: 76, align: 'right', render: (v: number) => <b>{score(v)}</b> },
      ...(tiers.length
        ? [
            {
              title: t('ev.res.tier'),
              dataIndex: 'tier',
              key: 'place',
              sorter: true,
              width: 168,
              render: (v: string | null, r: ResultItem) => <TierTag tier={v} tiers={tiers} tied={r.tiedAtCutoff} />,
            },
          ]
        : []),
      ...(grades.length
        ? [
            {
              title: t('ev.review.grade'),
              dataIndex: 'tier',
              key: 'place',
              sorter: true,
              width: 70,
              align: 'center' as const,
              render: (v: string | null) => <GradeTag grade={v} grades={grades} />,
            },
          ]
        : []),
      ...(hasMc
        ? [
            {
              title: t('ev.res.interval'),
              key: 'medianRank',
              sorter: true,
              width: 136,
              render: (_: unknown, r: ResultItem) => <RankBand median={r.medianRank} p05={r.rankP05} p95={r.rankP95} />,
            },
          ]
        : []),
    ];
    const used = 64 + fixed.reduce((a, c) => a + (typeof c.width === 'number' ? c.width : 0), 0);
    const inline = used + run.groups.length * GROUP_WIDTH <= FIXED_BUDGET;
    const cols: TableColumnsType<ResultItem> = [
      { title: t('ev.res.rank'), dataIndex: 'rank', key: 'rank', sorter: true, width: 64, align: 'right' },
      {
        title: t('ev.res.label'),
        dataIndex: 'label',
        key: 'label',
        sorter: true,
        render: (label: string, r) => (
          <Link to={`/evaluation/runs/${run.id}/entities/${encodeURIComponent(r.entityId)}`} data-testid="result-link">
            {label}
          </Link>
        ),
      },
      ...fixed,
      ...(inline
        ? run.groups.map((g) => ({
            title: g.name,
            key: `groups.${g.id}`,
            sorter: true,
            width: GROUP_WIDTH,
            align: 'right' as const,
            render: (_: unknown, r: ResultItem) => score(r.groups[g.id]),
          }))
        : []),
    ];
    return { columns: cols, groupsInline: inline };
  }, [t, run, tiers, grades, hasMc, hasRegion]);

  const filters = grades.length ? (
    <Select
      allowClear
      placeholder={t('ev.review.grade')}
      style={{ width: 120 }}
      value={tier}
      onChange={setTier}
      options={grades.map((x) => ({ value: x, label: x }))}
      data-testid="grade-filter"
    />
  ) : (
    tiers.length > 0 && (
      <Space>
        <Switch checked={isFinalistsOnly} onChange={setFinalistsOnly} data-testid="finalists-only" />
        <span>{t('ev.res.finalistsOnly')}</span>
        <Select
          allowClear
          placeholder={t('ev.res.tier')}
          style={{ width: 200 }}
          value={tier}
          onChange={setTier}
          options={tiers.map((x) => ({ value: x, label: x }))}
        />
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
      onRow={() => ROW_ATTRS}
      data-testid="result-table"
      filters={filters}
      expandable={
        groupsInline
          ? undefined
          : {
              expandedRowRender: (r: ResultItem) => (
                <Space size={[16, 4]} wrap data-testid="result-groups">
                  {run.groups.map((g) => (
                    <span key={g.id}>
                      {g.name} <b>{score(r.groups[g.id])}</b>
                    </span>
                  ))}
                </Space>
              ),
            }
      }
    />
  );
}
