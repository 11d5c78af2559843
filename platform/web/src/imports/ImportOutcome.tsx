/**
 * A refused import: the reason, every row error (the answer's first 1,000 shown at once; a run with more is
 * read page by page from /api/import-runs/:id/errors) and the error report to download.
 */
import { App, Alert, Button, Card, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ImportRefusalDetails, ImportRowError } from '@kechuang/platform-core';
import { downloadFile, errorMessage, type ApiError } from '../api.ts';
import { DataTable } from '../DataTable.tsx';
import { useT, type TFunction } from '../i18n.ts';
import './messages.ts';

const errorColumns = (t: TFunction): TableColumnsType<ImportRowError> => [
  { title: t('imp.row'), dataIndex: 'row', width: 80 },
  { title: t('imp.column'), dataIndex: 'column', width: 150 },
  {
    title: t('imp.value'),
    dataIndex: 'value',
    width: 200,
    ellipsis: true,
    render: (v: string) => <Typography.Text code>{v === '' ? ' ' : v}</Typography.Text>,
  },
  { title: t('imp.reason'), dataIndex: 'reason', render: (r: string) => <Typography.Text type="danger">{r}</Typography.Text> },
];

export function downloadImportErrors(runId: number): Promise<void> {
  return downloadFile(`/api/import-runs/${runId}/errors/export`);
}

export function ImportRefusal({ error, testId = 'import' }: { error: ApiError; testId?: string }) {
  const t = useT();
  const { message } = App.useApp();
  const details = (error.details ?? {}) as Partial<ImportRefusalDetails>;
  const errors = Array.isArray(details.errors) ? details.errors : [];
  const count = details.errorCount ?? errors.length;
  const runId = details.importRunId;
  const columns = errorColumns(t);
  return (
    <Card size="small" style={{ borderColor: '#ffccc7' }} data-testid={`${testId}-failed`}>
      <Alert
        type="error"
        showIcon
        title={t('imp.failed')}
        description={error.message}
        style={{ marginBottom: errors.length ? 12 : 0 }}
        data-testid={`${testId}-error-message`}
      />
      {errors.length > 0 && (
        <>
          <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
            <Typography.Text strong>{t('imp.errorsTitle', { count })}</Typography.Text>
            {runId !== undefined && (
              <Button icon={<DownloadOutlined />} onClick={() => downloadImportErrors(runId).catch((e: unknown) => message.error(errorMessage(e)))}>
                {t('imp.downloadErrors')}
              </Button>
            )}
          </Flex>
          <div data-testid={`${testId}-errors`}>
            {runId !== undefined && count > errors.length ? (
              <DataTable<ImportRowError>
                url={`/api/import-runs/${runId}/errors`}
                exportUrl={false}
                searchPlaceholder={false}
                rowKey={(r) => `${r.row}|${r.column}|${r.reason}`}
                columns={columns}
                size="small"
                defaultPageSize={10}
              />
            ) : (
              <Table<ImportRowError>
                size="small"
                rowKey={(r) => `${r.row}|${r.column}|${r.reason}`}
                dataSource={errors}
                pagination={errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                columns={columns}
              />
            )}
          </div>
        </>
      )}
    </Card>
  );
}
