/** 导入记录: the import runs (a town officer sees their own). */
import { useMemo, useState } from 'react';
import { App, Badge, Button, type TableColumnsType } from 'antd';
import { DownloadOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { DataTable, downloadFile, errorMessage, formatDateTime, useT } from '@kechuang/platform-web';
import type { ImportRun } from '../types.ts';
import { ImportChanges } from './ImportChanges.tsx';

export function ImportHistory() {
  const t = useT();
  const { message } = App.useApp();
  const [shown, setShown] = useState<ImportRun | null>(null);
  const columns = useMemo<TableColumnsType<ImportRun>>(
    () => [
      { title: t('import.at'), dataIndex: 'at', width: 160, render: formatDateTime },
      { title: t('import.fileName'), dataIndex: 'fileName', ellipsis: true },
      { title: t('import.user'), dataIndex: 'username', width: 110, render: (u: string | null) => u ?? '—' },
      {
        title: t('import.status'),
        dataIndex: 'status',
        width: 100,
        render: (s: ImportRun['status']) => <Badge status={s === 'accepted' ? 'success' : 'error'} text={t(`import.${s}`)} />,
      },
      { title: t('import.rows'), dataIndex: 'rowCount', width: 80, align: 'right' },
      { title: t('import.inserted'), dataIndex: 'inserted', width: 80, align: 'right' },
      { title: t('import.updated'), dataIndex: 'updated', width: 80, align: 'right' },
      { title: t('import.unchanged'), dataIndex: 'unchanged', width: 80, align: 'right' },
      {
        title: t('import.errorCount'),
        dataIndex: 'errorCount',
        width: 150,
        render: (n: number, r) =>
          n > 0 ? (
            <Button size="small" type="link" danger icon={<DownloadOutlined />} onClick={() => downloadFile(`/api/indicators/imports/${r.id}/errors`).catch((e: unknown) => message.error(errorMessage(e)))}>
              {n}
            </Button>
          ) : (
            0
          ),
      },
      {
        title: t('import.changes'),
        key: 'changes',
        width: 100,
        render: (_: unknown, r) =>
          r.status === 'accepted' && r.inserted + r.updated > 0 ? (
            <Button size="small" type="link" icon={<UnorderedListOutlined />} onClick={() => setShown(r)}>
              {t('import.changes')}
            </Button>
          ) : null,
      },
    ],
    [t, message],
  );
  return (
    <>
      <DataTable<ImportRun> url="/api/indicators/imports" rowKey="id" columns={columns} size="small" defaultPageSize={10} />
      <ImportChanges run={shown} onClose={() => setShown(null)} />
    </>
  );
}
