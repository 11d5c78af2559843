/** What a registry import did: the summary, or the refusal with every bad row (nothing was imported). */
import { App, Alert, Button, Card, Col, Flex, Row, Statistic, Table, Typography } from 'antd';
import { CheckCircleFilled, DownloadOutlined } from '@ant-design/icons';
import { downloadFile, errorMessage, useT, type ApiError } from '@kechuang/platform-web';
import { ROOT } from '../api.ts';
import type { ImportRowError, RegistryImportResult } from '../types.ts';

export function ImportSummary({ result, fileName }: { result: RegistryImportResult; fileName: string }) {
  const t = useT();
  return (
    <Card size="small" data-testid="import-result" style={{ borderColor: '#b7eb8f', background: '#f6ffed' }}>
      <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
        <CheckCircleFilled style={{ color: '#52c41a', fontSize: 20 }} />
        <Typography.Text strong style={{ fontSize: 16 }}>
          {t('ent.import.success', { file: fileName, kind: t(`ent.import.kind.${result.kind}`) })}
        </Typography.Text>
      </Flex>
      <Row gutter={16}>
        {(['rows', 'inserted', 'updated', 'unchanged', 'rechecked'] as const).map((k) => (
          <Col key={k} flex={1}>
            <Statistic title={t(`ent.import.${k}`)} value={result[k]} data-testid={`import-${k}`} />
          </Col>
        ))}
      </Row>
      {result.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={t('ent.import.warnings')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {result.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          }
        />
      )}
    </Card>
  );
}

interface InvalidDetails {
  importRunId?: number;
  errorCount?: number;
  errors?: ImportRowError[];
}

export function ImportFailure({ error }: { error: ApiError }) {
  const t = useT();
  const { message } = App.useApp();
  const details = (error.details ?? {}) as InvalidDetails;
  const errors = Array.isArray(details.errors) ? details.errors : [];
  const count = details.errorCount ?? errors.length;
  const runId = details.importRunId;
  return (
    <Card size="small" style={{ borderColor: '#ffccc7' }}>
      <Alert type="error" showIcon title={t('ent.import.failed')} description={error.message} style={{ marginBottom: errors.length ? 12 : 0 }} data-testid="import-error-message" />
      {errors.length > 0 && (
        <>
          <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
            <Typography.Text strong>{t('ent.import.errorsTitle', { count })}</Typography.Text>
            {runId !== undefined && (
              <Button icon={<DownloadOutlined />} onClick={() => downloadFile(`${ROOT}/import-runs/${runId}/errors`).catch((e: unknown) => message.error(errorMessage(e)))}>
                {t('ent.import.downloadErrors')}
              </Button>
            )}
          </Flex>
          <div data-testid="import-errors">
            <Table<ImportRowError>
              size="small"
              rowKey={(r) => `${r.row}|${r.column}|${r.reason}`}
              dataSource={errors}
              pagination={errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              columns={[
                { title: t('ent.import.row'), dataIndex: 'row', width: 80 },
                { title: t('ent.import.column'), dataIndex: 'column', width: 150 },
                { title: t('ent.import.value'), dataIndex: 'value', width: 200, ellipsis: true, render: (v: string) => <Typography.Text code>{v === '' ? ' ' : v}</Typography.Text> },
                { title: t('ent.import.reason'), dataIndex: 'reason', render: (r: string) => <Typography.Text type="danger">{r}</Typography.Text> },
              ]}
            />
          </div>
        </>
      )}
    </Card>
  );
}
