/** 评价运行: every run (status, source, how many scored), and 发起评价 to compute a new one. */
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Button, Select, Space, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { DataTable, PageHeader, formatDateTime, useT } from '@kechuang/platform-web';
import { ROOT } from '../api.ts';
import { NewRunDialog } from '../components/NewRunDialog.tsx';
import { PersonName, presetLabel, StatusTag } from '../components/Labels.tsx';
import type { PresetCode, RunListItem } from '../types.ts';

const ROW_ATTRS = { 'data-testid': 'run-row' } as HTMLAttributes<HTMLElement>;

export function RunsPage() {
  const t = useT();
  const navigate = useNavigate();
  const [preset, setPreset] = useState<PresetCode | 'upload'>();
  const [status, setStatus] = useState<'computed' | 'published'>();
  const [isCreating, setCreating] = useState(false);

  const columns = useMemo<TableColumnsType<RunListItem>>(
    () => [
      { title: t('ev.field.id'), dataIndex: 'id', width: 70, sorter: true },
      {
        title: t('ev.field.name'),
        dataIndex: 'name',
        sorter: true,
        render: (name: string, r) => (
          <div>
            <Link to={`/evaluation/runs/${r.id}`} data-testid="run-link">
              {name}
            </Link>
            <div style={{ fontSize: 12, color: '#8c8c8c' }}>
              {presetLabel(t, r.preset)}
              {r.rerunOf && <Tag style={{ marginLeft: 6 }}>{t('ev.rerunOf', { id: r.rerunOf })}</Tag>}
            </div>
          </div>
        ),
      },
      { title: t('ev.field.source'), key: 'source', render: (_: unknown, r) => r.source.label },
      { title: t('ev.field.status'), dataIndex: 'status', width: 90, render: (s: RunListItem['status']) => <StatusTag status={s} /> },
      {
        title: t('ev.field.scored'),
        key: 'scoredCount',
        sorter: true,
        width: 110,
        align: 'right',
        render: (_: unknown, r) => `${r.scoredCount} / ${r.inputCount}`,
      },
      { title: t('ev.field.samples'), dataIndex: 'samples', width: 70, align: 'right' },
      {
        title: t('ev.field.computed'),
        key: 'computedAt',
        sorter: true,
        width: 170,
        render: (_: unknown, r) => (
          <div style={{ fontSize: 12 }}>
            {formatDateTime(r.computedAt)}
            <div style={{ color: '#8c8c8c' }}>
              <PersonName name={r.computedByName} username={r.computedBy} />
            </div>
          </div>
        ),
      },
      {
        title: t('ev.field.published'),
        key: 'publishedAt',
        sorter: true,
        width: 150,
        render: (_: unknown, r) => (r.publishedAt ? formatDateTime(r.publishedAt) : '—'),
      },
    ],
    [t],
  );

  return (
    <>
      <PageHeader title={t('ev.runs.title')} subtitle={t('ev.runs.subtitle')} />
      <DataTable<RunListItem>
        url={`${ROOT}/runs`}
        rowKey="id"
        columns={columns}
        exportUrl={false}
        params={{ preset, status }}
        searchPlaceholder={t('ev.runs.search')}
        size="small"
        onRow={() => ROW_ATTRS}
        data-testid="run-table"
        filters={
          <Space>
            <Select
              allowClear
              placeholder={t('ev.field.preset')}
              style={{ width: 200 }}
              value={preset}
              onChange={setPreset}
              options={(['leadership', 'towns', 'performanceReview', 'upload'] as const).map((p) => ({ value: p, label: t(`ev.preset.${p}`) }))}
            />
            <Select
              allowClear
              placeholder={t('ev.field.status')}
              style={{ width: 110 }}
              value={status}
              onChange={setStatus}
              options={(['computed', 'published'] as const).map((s) => ({ value: s, label: t(`ev.status.${s}`) }))}
            />
          </Space>
        }
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="run-new">
            {t('ev.runs.new')}
          </Button>
        }
      />
      <NewRunDialog open={isCreating} onClose={() => setCreating(false)} onCreated={(id) => navigate(`/evaluation/runs/${id}`)} />
    </>
  );
}
