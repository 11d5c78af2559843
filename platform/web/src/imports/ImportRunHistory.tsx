/** 导入记录: the runs of some kinds (a town officer's own), from the platform's /api/import-runs; errors as a file, and a room's own columns (its changes). */
import { useMemo } from 'react';
import { App, Badge, Button, Tag, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ImportRun } from '@kechuang/platform-core';
import { errorMessage } from '../api.ts';
import { DataTable } from '../DataTable.tsx';
import { formatDateTime } from '../format.ts';
import { useT } from '../i18n.ts';
import { downloadImportErrors } from './ImportOutcome.tsx';
import './messages.ts';

export interface ImportRunHistoryProps {
  kinds: readonly string[];
  /** a kind's words, when the history shows several kinds */
  kindLabel?: (kind: string) => string;
  /** the room's columns after the platform's (e.g. its changes) */
  extraColumns?: TableColumnsType<ImportRun>;
  filters?: React.ReactNode;
  /** a room's export of its runs (.xlsx); none by default */
  exportUrl?: string;
}

export function ImportRunHistory({ kinds, kindLabel, extraColumns = [], filters, exportUrl }: ImportRunHistoryProps) {
  const t = useT();
  const { message } = App.useApp();
  const columns = useMemo<TableColumnsType<ImportRun>>(
    () => [
      { title: t('imp.at'), dataIndex: 'at', sorter: true, width: 150, render: formatDateTime },
      ...(kindLabel ? [{ title: t('imp.kind'), dataIndex: 'kind', width: 100, render: (k: string) => <Tag>{kindLabel(k)}</Tag> }] : []),
      { title: t('imp.fileName'), dataIndex: 'fileName', sorter: true, ellipsis: true },
      { title: t('imp.user'), dataIndex: 'username', sorter: true, width: 110, render: (u: string | null) => u ?? '—' },
      {
        title: t('imp.status'),
        dataIndex: 'status',
        sorter: true,
        width: 100,
        render: (s: ImportRun['status']) => <Badge status={s === 'accepted' ? 'success' : 'error'} text={t(`imp.${s}`)} />,
      },
      { title: t('imp.rows'), dataIndex: 'rowCount', sorter: true, width: 80, align: 'right' },
      { title: t('imp.inserted'), dataIndex: 'inserted', width: 70, align: 'right' },
      { title: t('imp.updated'), dataIndex: 'updated', width: 70, align: 'right' },
      { title: t('imp.unchanged'), dataIndex: 'unchanged', width: 80, align: 'right' },
      {
        title: t('imp.errorCount'),
        dataIndex: 'errorCount',
        width: 100,
        render: (n: number, r) =>
          n > 0 ? (
            <Button
              size="small"
              type="link"
              danger
              icon={<DownloadOutlined />}
              onClick={() => downloadImportErrors(r.id).catch((e: unknown) => message.error(errorMessage(e)))}
            >
              {n}
            </Button>
          ) : (
            0
          ),
      },
      ...extraColumns,
    ],
    [t, message, kindLabel, extraColumns],
  );
  return (
    <DataTable<ImportRun>
      url="/api/import-runs"
      exportUrl={exportUrl ?? false}
      rowKey="id"
      columns={columns}
      params={{ kind: kinds.join(',') }}
      size="small"
      defaultPageSize={10}
      searchPlaceholder={t('imp.searchPlaceholder')}
      filters={filters}
      data-testid="import-history"
    />
  );
}
