/**
 * 评价体系: the presets' documented schemes, read-only (the leadership index, the towns' scoreboard, the two performance
 * reviews: what runs use when no saved scheme is chosen), each to view with its tree and weights or to copy as a new
 * scheme; then the saved schemes (data source, indicators, who changed them last), a new one from a preset or blank,
 * edit, delete.
 */
import { useMemo, useState } from 'react';
import { App, Button, Card, Dropdown, Popconfirm, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { DataTable, PageHeader, errorMessage, formatDateTime, useT } from '@kechuang/platform-web';
import { ROOT, useDeleteScheme, usePresets, usePresetSchemes } from '../api.ts';
import { CopySchemeButton } from '../components/CopySchemeButton.tsx';
import { PersonName, presetLabel } from '../components/Labels.tsx';
import type { PresetCode, PresetScheme, SchemeListItem } from '../types.ts';

export function SchemesPage() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const presets = usePresets();
  const remove = useDeleteScheme();
  const [preset, setPreset] = useState<PresetCode | 'upload'>();

  const columns = useMemo<TableColumnsType<SchemeListItem>>(
    () => [
      {
        title: t('ev.field.name'),
        dataIndex: 'name',
        sorter: true,
        render: (name: string, s) => (
          <div>
            <Link to={`/evaluation/schemes/${s.id}`}>{name}</Link>
            {s.description && <div style={{ fontSize: 12, color: '#8c8c8c' }}>{s.description}</div>}
          </div>
        ),
      },
      {
        title: t('ev.field.preset'),
        dataIndex: 'preset',
        key: 'preset',
        sorter: true,
        width: 200,
        render: (p: PresetCode | null) => <Tag>{presetLabel(t, p)}</Tag>,
      },
      { title: t('ev.schemes.leaves'), dataIndex: 'leafCount', width: 80, align: 'right' },
      {
        title: t('ev.schemes.updated'),
        key: 'updatedAt',
        sorter: true,
        width: 170,
        render: (_: unknown, s) => (
          <span style={{ fontSize: 12 }}>
            {formatDateTime(s.updatedAt)} · <PersonName name={s.updatedByName} username={s.updatedBy} />
          </span>
        ),
      },
      {
        title: t('common.actions'),
        key: 'actions',
        width: 110,
        render: (_: unknown, s) => (
          <Space>
            <Button size="small" type="text" icon={<EditOutlined />} onClick={() => navigate(`/evaluation/schemes/${s.id}`)} title={t('common.edit')} />
            <Popconfirm
              title={t('ev.schemes.deleteConfirm', { name: s.name })}
              onConfirm={() => remove.mutateAsync(s.id).catch((e: unknown) => message.error(errorMessage(e)))}
            >
              <Button size="small" type="text" danger icon={<DeleteOutlined />} title={t('common.delete')} />
            </Popconfirm>
          </Space>
        ),
      },
    ],
    [t, navigate, remove, message],
  );

  const newItems = [
    ...(presets.data?.items ?? []).map((p) => ({ key: p.code, label: t('ev.schemes.fromPreset', { name: p.name }) })),
    { key: 'upload', label: t('ev.schemes.blank') },
  ];

  return (
    <>
      <PageHeader title={t('ev.schemes.title')} subtitle={t('ev.schemes.subtitle')} />
      <PresetSchemes />
      <DataTable<SchemeListItem>
        url={`${ROOT}/schemes`}
        rowKey="id"
        columns={columns}
        exportUrl={false}
        params={{ preset }}
        searchPlaceholder={t('ev.schemes.search')}
        size="small"
        data-testid="scheme-table"
        filters={
          <Select
            allowClear
            placeholder={t('ev.field.preset')}
            style={{ width: 200 }}
            value={preset}
            onChange={setPreset}
            options={(['leadership', 'towns', 'performanceReview', 'upload'] as const).map((p) => ({ value: p, label: t(`ev.preset.${p}`) }))}
          />
        }
        actions={
          <Dropdown menu={{ items: newItems, onClick: ({ key }) => void navigate(`/evaluation/schemes/new${key === 'upload' ? '' : `?preset=${key}`}`) }}>
            <Button type="primary" icon={<PlusOutlined />} data-testid="scheme-new">
              {t('ev.schemes.new')}
            </Button>
          </Dropdown>
        }
      />
    </>
  );
}

/** 预设评价体系（只读）: each preset's documented scheme, to view or to copy as a new scheme */
function PresetSchemes() {
  const t = useT();
  const presets = usePresetSchemes();
  const columns: TableColumnsType<PresetScheme> = [
    {
      title: t('ev.field.name'),
      key: 'name',
      render: (_: unknown, p) => (
        <div>
          <Link to={`/evaluation/schemes/preset/${p.key}`} data-testid="preset-scheme-link">
            {p.name}
          </Link>
          {p.description && <div style={{ fontSize: 12, color: '#8c8c8c' }}>{p.description}</div>}
        </div>
      ),
    },
    { title: t('ev.field.preset'), key: 'preset', width: 200, render: (_: unknown, p) => <Tag>{presetLabel(t, p.preset)}</Tag> },
    { title: t('ev.schemes.leaves'), dataIndex: 'leafCount', width: 80, align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 230,
      render: (_: unknown, p) => (
        <Space>
          <Link to={`/evaluation/schemes/preset/${p.key}`}>
            <EyeOutlined /> {t('ev.schemes.view')}
          </Link>
          <CopySchemeButton preset={p} size="small" />
        </Space>
      ),
    },
  ];
  return (
    <Card size="small" title={t('ev.schemes.presets')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('ev.schemes.presetsHelp')}
      </Typography.Paragraph>
      <div data-testid="preset-schemes">
        <Table<PresetScheme>
          rowKey="key"
          size="small"
          pagination={false}
          loading={presets.isLoading}
          dataSource={presets.data?.items ?? []}
          columns={columns}
        />
      </div>
    </Card>
  );
}
