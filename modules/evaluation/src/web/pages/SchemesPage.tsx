/** 评价体系: the saved schemes (data source, indicators, who changed them last), a new one from a preset or blank, edit, delete. */
import { useMemo, useState } from 'react';
import { App, Button, Dropdown, Popconfirm, Select, Space, Tag, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { DataTable, PageHeader, errorMessage, formatDateTime, useT } from '@kechuang/platform-web';
import { ROOT, useDeleteScheme, usePresets } from '../api.ts';
import { presetLabel } from '../components/labels.tsx';
import type { PresetCode, SchemeListItem } from '../types.ts';

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
      { title: t('ev.field.preset'), dataIndex: 'preset', key: 'preset', sorter: true, width: 200, render: (p: PresetCode | null) => <Tag>{presetLabel(t, p)}</Tag> },
      { title: t('ev.schemes.leaves'), dataIndex: 'leafCount', width: 80, align: 'right' },
      { title: t('ev.schemes.updated'), key: 'updatedAt', sorter: true, width: 170, render: (_: unknown, s) => <span style={{ fontSize: 12 }}>{formatDateTime(s.updatedAt)} · {s.updatedBy}</span> },
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
            options={(['leadership', 'towns', 'upload'] as const).map((p) => ({ value: p, label: t(`ev.preset.${p}`) }))}
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
