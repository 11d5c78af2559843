/**
 * Top10 评选: the lists the bureau has published — the leadership index's finalists by tier (科技创新引领Top10,
 * then 科技创新引领优秀企业) with score, rank band in words ("第 3–7 名之间"), stability and what moves each finalist,
 * or a towns' scoreboard; exported to Excel. Leaders
 * see the whole list, a town officer the entries of their town. A performance review's list shows each carrier's grade.
 */
import { useEffect, useState } from 'react';
import { Card, Empty, Segmented, Select, Space, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { ExportButton, PageHeader, formatDateTime, useT } from '@kechuang/platform-web';
import { ROOT, usePublished, usePublishedList } from '../api.ts';
import { GradeTag } from '../components/Grades.tsx';
import { PersonName, RankBand, score, Stability, TierTag } from '../components/Labels.tsx';
import type { PresetCode, PublishedListEntry } from '../types.ts';

export function TopListPage() {
  const t = useT();
  const [preset, setPreset] = useState<PresetCode>('leadership');
  const published = usePublished(preset);
  const [runId, setRunId] = useState<number>();
  const items = published.data?.items ?? [];
  const chosen = runId && items.some((p) => p.runId === runId) ? runId : items[0]?.runId;
  const list = usePublishedList(chosen);
  useEffect(() => setRunId(undefined), [preset]);
  // the list query keeps the previous list while the next loads: show it only if it is this tab's chosen list,
  // so a tab with nothing published says so instead of showing another tab's list
  const shown = chosen !== undefined && list.data?.runId === chosen ? list.data : undefined;

  const tierNames = (shown?.tiers ?? []).map((x) => x.name);
  const gradeNames = shown?.grades?.map((g) => g.grade) ?? [];
  const mc = shown?.sensitivity ?? null;
  const columns: TableColumnsType<PublishedListEntry> = [
    ...(tierNames.length
      ? [{ title: t('ev.top.place'), dataIndex: 'place', width: 70, align: 'right' as const }]
      : [{ title: t('ev.res.rank'), dataIndex: 'rank', width: 70, align: 'right' as const }]),
    ...(gradeNames.length
      ? [{ title: t('ev.review.grade'), dataIndex: 'tier', width: 70, render: (v: string | null) => <GradeTag grade={v} grades={gradeNames} /> }]
      : []),
    { title: t('ev.res.label'), dataIndex: 'label', render: (v: string) => <span data-testid="top-name">{v}</span> },
    { title: t('ev.res.region'), dataIndex: 'regionName', width: 170, render: (v: string | null) => v ?? '—' },
    { title: t('ev.res.score'), dataIndex: 'score', width: 80, align: 'right', render: (v: number) => score(v) },
    ...(mc
      ? [
          {
            title: t('ev.res.interval'),
            key: 'interval',
            width: 130,
            render: (_: unknown, r: PublishedListEntry) => <RankBand median={r.medianRank} p05={r.rankP05} p95={r.rankP95} />,
          },
          {
            title: t('ev.mc.stability'),
            key: 'stability',
            width: 420,
            render: (_: unknown, r: PublishedListEntry) => (
              <Stability isStable={r.isStable} explanation={r.explanation} perturbation={mc.perturbation} columnNames={mc.columnNames} />
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('ev.top.title')}
        subtitle={t(`ev.top.subtitle.${preset}`)}
        extra={
          <Space wrap>
            <Segmented<PresetCode>
              value={preset}
              onChange={setPreset}
              options={(['leadership', 'towns', 'performanceReview'] as const).map((p) => ({ value: p, label: t(`ev.preset.${p}`) }))}
            />
            <Select
              style={{ width: 400 }}
              placeholder={t('ev.top.pick')}
              value={chosen}
              onChange={setRunId}
              loading={published.isLoading}
              options={items.map((p) => ({ value: p.runId, label: `${p.name}（${formatDateTime(p.publishedAt).slice(0, 10)}）` }))}
              data-testid="top-pick"
            />
            {chosen && <ExportButton url={`${ROOT}/published/${chosen}/export`} />}
          </Space>
        }
      />
      {published.isLoading || (chosen !== undefined && !shown && !list.isError) ? (
        <Spin style={{ display: 'block', margin: '80px auto' }} />
      ) : !shown ? (
        <Empty description={t('ev.top.empty')} style={{ marginTop: 80 }} />
      ) : (
        <div data-testid="top-list">
          <Typography.Paragraph type="secondary">
            {shown.source.label} · <PersonName name={shown.publishedByName} username={shown.publishedBy} />{' '}
            {t('ev.top.publishedAt', { at: formatDateTime(shown.publishedAt) })}
            {shown.items.length < shown.count && <> · {t('ev.top.scoped', { n: shown.items.length, count: shown.count })}</>}
          </Typography.Paragraph>
          {mc && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="top-stability-help">
              {t('ev.top.stabilityHelp', { samples: mc.samples })}
            </Typography.Paragraph>
          )}
          {shown.grades && (
            <Space size={12} wrap style={{ marginBottom: 12 }} data-testid="top-grades">
              {shown.grades.map((g) => (
                <span key={g.grade}>
                  <GradeTag grade={g.grade} grades={gradeNames} />
                  {t('ev.review.gradeCount', { count: g.count })}
                </span>
              ))}
            </Space>
          )}
          {tierNames.length > 0 ? (
            tierNames.map((tier) => (
              <Card key={tier} size="small" style={{ marginBottom: 12 }} title={<TierTag tier={tier} tiers={tierNames} />} data-testid="top-tier">
                <Table<PublishedListEntry>
                  rowKey="entityId"
                  size="small"
                  pagination={false}
                  columns={columns}
                  dataSource={shown.items.filter((e) => e.tier === tier)}
                />
              </Card>
            ))
          ) : (
            <Table<PublishedListEntry> rowKey="entityId" size="small" pagination={false} columns={columns} dataSource={shown.items} />
          )}
        </div>
      )}
    </>
  );
}
