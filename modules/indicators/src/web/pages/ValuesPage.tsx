/** 指标数据: every baseline, target and actual, filterable, exportable, editable by the bureau and towns. */
import { useMemo, useState } from 'react';
import { Button, Input, Select, Tag, type TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { DataTable, PageHeader, VALUE_WRITE_ROLES, formatDateTime, useAuth, useCurrentUser, useDebouncedValue, useT } from '@kechuang/platform-web';
import { ValueDialog } from '../components/ValueDialog.tsx';
import { IndicatorSelect, RegionSelect } from '../components/Selectors.tsx';
import { SourceTag } from '../components/SourceTag.tsx';
import type { ValueKind, ValueRow, ValueSource } from '../types.ts';

const KINDS: ValueKind[] = ['baseline', 'target', 'actual'];
const SOURCES: ValueSource[] = ['plan', 'import', 'manual', 'synthetic', 'computed'];
const KIND_COLOURS: Record<ValueKind, string> = { baseline: 'default', target: 'blue', actual: 'green' };

export function ValuesPage() {
  const t = useT();
  const user = useCurrentUser();
  const { hasRole } = useAuth();
  const [region, setRegion] = useState<string>();
  const [indicator, setIndicator] = useState<string>();
  const [period, setPeriod] = useState('');
  const [kind, setKind] = useState<ValueKind>();
  const [source, setSource] = useState<ValueSource>();
  const [editing, setEditing] = useState<{ row: ValueRow | null } | null>(null);
  const debouncedPeriod = useDebouncedValue(period.trim());
  const canWrite = hasRole(...VALUE_WRITE_ROLES);

  const columns = useMemo<TableColumnsType<ValueRow>>(() => {
    // a town officer may change only the actuals of their own town
    const canEdit = (r: ValueRow) => canWrite && (user.role !== 'townOfficer' || (r.kind === 'actual' && r.regionCode === user.scope.regionCode));
    return [
      { title: t('ind.field.region'), key: 'regionCode', dataIndex: 'regionName', sorter: true, width: 130 },
      { title: t('ind.field.indicator'), key: 'indicatorCode', dataIndex: 'indicatorName', sorter: true, ellipsis: true },
      {
        title: t('ind.field.kind'),
        dataIndex: 'kind',
        sorter: true,
        width: 90,
        render: (k: ValueKind) => <Tag color={KIND_COLOURS[k]}>{t(`ind.kind.${k}`)}</Tag>,
      },
      { title: t('ind.field.period'), dataIndex: 'period', sorter: true, width: 90 },
      {
        title: t('ind.field.value'),
        dataIndex: 'value',
        sorter: true,
        align: 'right',
        width: 140,
        render: (v: string, r) => (
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>
            <b>{v}</b> <span style={{ color: '#8c8c8c' }}>{r.unit}</span>
          </span>
        ),
      },
      { title: t('ind.field.source'), dataIndex: 'source', sorter: true, width: 150, render: (s: ValueSource) => <SourceTag source={s} /> },
      { title: t('ind.field.updatedAt'), dataIndex: 'updatedAt', sorter: true, width: 140, render: formatDateTime },
      { title: t('ind.field.updatedBy'), dataIndex: 'updatedBy', width: 100, render: (u: string | null) => u ?? '—' },
      ...(canWrite
        ? [
            {
              title: t('common.actions'),
              key: 'actions',
              width: 90,
              render: (_: unknown, r: ValueRow) =>
                canEdit(r) ? (
                  <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ row: r })}>
                    {t('common.edit')}
                  </Button>
                ) : null,
            },
          ]
        : []),
    ];
  }, [t, canWrite, user]);

  return (
    <>
      <PageHeader title={t('ind.values.title')} subtitle={t('ind.values.subtitle')} />
      <DataTable<ValueRow>
        url="/api/indicators/values"
        rowKey={(r) => `${r.regionCode}|${r.indicatorCode}|${r.kind}|${r.period}`}
        columns={columns}
        params={{ region, indicator, period: debouncedPeriod, kind, source }}
        defaultSort={{ field: 'updatedAt', order: 'descend' }}
        searchPlaceholder={t('ind.values.searchPlaceholder')}
        size="small"
        filters={
          <>
            <RegionSelect value={region} onChange={setRegion} allowClear placeholder={t('ind.field.region')} width={170} hideWhenSingle />
            <IndicatorSelect value={indicator} onChange={setIndicator} allowClear width={260} />
            <Input allowClear placeholder={t('ind.field.period')} style={{ width: 100 }} value={period} onChange={(e) => setPeriod(e.target.value)} />
            <Select
              allowClear
              placeholder={t('ind.field.kind')}
              style={{ width: 110 }}
              value={kind}
              onChange={setKind}
              options={KINDS.map((k) => ({ value: k, label: t(`ind.kind.${k}`) }))}
            />
            <Select
              allowClear
              placeholder={t('ind.field.source')}
              style={{ width: 160 }}
              value={source}
              onChange={setSource}
              options={SOURCES.map((s) => ({ value: s, label: t(`ind.source.${s}`) }))}
            />
          </>
        }
        actions={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ row: null })}>
              {t('ind.values.add')}
            </Button>
          )
        }
      />
      <ValueDialog open={!!editing} row={editing?.row ?? null} onClose={() => setEditing(null)} />
    </>
  );
}
