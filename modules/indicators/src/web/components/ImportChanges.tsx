/** 变更明细: what one accepted import inserted and updated, with the value before (for the auditor). */
import { useMemo } from 'react';
import { Drawer, Tag, type TableColumnsType } from 'antd';
import { DataTable, useT } from '@kechuang/platform-web';
import type { ImportChange, ImportRun, ValueKind } from '../types.ts';

export function ImportChanges({ run, onClose }: { run: ImportRun | null; onClose: () => void }) {
  const t = useT();
  const columns = useMemo<TableColumnsType<ImportChange>>(
    () => [
      { title: t('ind.field.region'), key: 'regionCode', dataIndex: 'regionName', sorter: true, width: 120 },
      { title: t('ind.field.indicator'), key: 'indicatorCode', dataIndex: 'indicatorName', sorter: true, ellipsis: true },
      { title: t('ind.field.kind'), dataIndex: 'kind', width: 90, render: (k: ValueKind) => t(`ind.kind.${k}`) },
      { title: t('ind.field.period'), dataIndex: 'period', sorter: true, width: 90 },
      { title: t('ind.import.oldValue'), dataIndex: 'oldValue', align: 'right', width: 110, render: (v: string | null) => v ?? '—' },
      { title: t('ind.import.newValue'), dataIndex: 'newValue', align: 'right', width: 110 },
      {
        title: t('ind.import.change'),
        dataIndex: 'change',
        sorter: true,
        width: 90,
        render: (c: ImportChange['change']) => <Tag color={c === 'inserted' ? 'green' : 'blue'}>{t(`ind.import.change.${c}`)}</Tag>,
      },
    ],
    [t],
  );
  return (
    <Drawer
      open={run !== null}
      onClose={onClose}
      width={920}
      title={run ? t('ind.import.changesTitle', { id: run.id, file: run.fileName }) : ''}
      destroyOnHidden
    >
      {run && (
        <DataTable<ImportChange>
          url={`/api/indicators/imports/${run.id}/changes`}
          rowKey={(c) => `${c.regionCode}|${c.indicatorCode}|${c.kind}|${c.period}`}
          columns={columns}
          size="small"
          searchPlaceholder={false}
        />
      )}
    </Drawer>
  );
}
