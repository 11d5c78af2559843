/**
 * 导入 Excel: one file of carriers and their figures for the year — the summary when it is taken, or every
 * bad cell (row, column, value, reason) when it is refused (a file with one bad cell imports nothing).
 */
import { useState } from 'react';
import { Alert, Button, Card, Col, Flex, Modal, Progress, Row, Statistic, Table, Typography } from 'antd';
import { CheckCircleFilled, DownloadOutlined } from '@ant-design/icons';
import { ApiError, FileDrop, downloadFile, errorMessage, useT } from '@kechuang/platform-web';
import { CARRIERS, useImportCarriers } from '../api.ts';
import type { CarrierImportError, CarrierImportResult, ReviewKind } from '../types.ts';

type State =
  | { step: 'idle' }
  | { step: 'uploading'; fileName: string; share: number }
  | { step: 'done'; fileName: string; result: CarrierImportResult }
  | { step: 'failed'; error: ApiError };

const COUNTS = ['rows', 'carriersCreated', 'figuresWritten', 'figuresUnchanged', 'carriers'] as const;

function Summary({ result, fileName }: { result: CarrierImportResult; fileName: string }) {
  const t = useT();
  return (
    <Card size="small" data-testid="carrier-import-result" style={{ borderColor: '#b7eb8f', background: '#f6ffed' }}>
      <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
        <CheckCircleFilled style={{ color: '#52c41a', fontSize: 20 }} />
        <Typography.Text strong>{t('carrier.import.success', { file: fileName, year: result.year })}</Typography.Text>
      </Flex>
      <Row gutter={12}>
        {COUNTS.map((k) => (
          <Col key={k} flex={1}>
            <Statistic title={t(`carrier.import.${k}`)} value={k === 'carriers' ? result.carriers.length : result[k]} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function Failure({ error }: { error: ApiError }) {
  const t = useT();
  const details = error.details as { errors?: unknown; errorCount?: unknown } | null;
  const errors = Array.isArray(details?.errors) ? (details.errors as CarrierImportError[]) : [];
  // the answer carries the first 1,000; the run keeps them all
  const count = typeof details?.errorCount === 'number' ? details.errorCount : errors.length;
  return (
    <div data-testid="carrier-import-failed">
      <Alert type="error" showIcon title={t('carrier.import.failed')} description={error.message} style={{ marginBottom: 12 }} />
      {errors.length > 0 && (
        <>
          <Typography.Text strong>{t('carrier.import.errorsTitle', { count })}</Typography.Text>
          <Table<CarrierImportError>
            data-testid="carrier-import-errors"
            size="small"
            style={{ marginTop: 8 }}
            rowKey={(r, i) => `${r.row}|${r.column}|${i ?? 0}`}
            dataSource={errors}
            pagination={errors.length > 8 ? { pageSize: 8, showSizeChanger: false } : false}
            columns={[
              { title: t('carrier.import.row'), dataIndex: 'row', width: 60 },
              { title: t('carrier.import.column'), dataIndex: 'column', width: 140 },
              { title: t('carrier.import.value'), dataIndex: 'value', width: 120, ellipsis: true, render: (v: string) => <Typography.Text code>{v === '' ? ' ' : v}</Typography.Text> },
              { title: t('carrier.import.message'), dataIndex: 'reason', render: (m: string) => <Typography.Text type="danger">{m}</Typography.Text> },
            ]}
          />
        </>
      )}
    </div>
  );
}

export function CarrierImportDialog({ open, review, year, onClose }: { open: boolean; review: ReviewKind; year: number; onClose: () => void }) {
  const t = useT();
  const [state, setState] = useState<State>({ step: 'idle' });
  const importer = useImportCarriers();

  const upload = async (file: File) => {
    const fileName = file.name;
    setState({ step: 'uploading', fileName, share: 0 });
    try {
      const result = await importer.mutateAsync({ file, year, onProgress: (share) => setState((s) => (s.step === 'uploading' ? { ...s, share } : s)) });
      setState({ step: 'done', fileName, result });
    } catch (e) {
      setState({ step: 'failed', error: e instanceof ApiError ? e : new ApiError(0, { code: 'CLIENT', message: errorMessage(e) }) });
    }
  };
  const close = () => {
    setState({ step: 'idle' });
    onClose();
  };
  const template = () => downloadFile(`${CARRIERS}/import-template`, { review, year }).catch((e: unknown) => setState({ step: 'failed', error: e instanceof ApiError ? e : new ApiError(0, { code: 'CLIENT', message: errorMessage(e) }) }));

  return (
    <Modal open={open} title={t('carrier.import.title', { year })} onCancel={close} footer={null} width={720} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('carrier.import.hint')}</Typography.Paragraph>
      <Button icon={<DownloadOutlined />} onClick={() => void template()} style={{ marginBottom: 12 }}>
        {t('carrier.template')}
      </Button>
      {state.step === 'idle' || state.step === 'uploading' ? (
        <>
          <FileDrop accept=".xlsx,.csv" title={t('carrier.import.drop')} hint={t('carrier.import.dropHint')} disabled={state.step === 'uploading'} onFile={(f) => void upload(f)} />
          {state.step === 'uploading' && (
            <div style={{ marginTop: 12 }}>
              <Typography.Text>
                {t('carrier.import.uploading')} {state.fileName}
              </Typography.Text>
              <Progress percent={Math.round(state.share * 100)} status="active" />
            </div>
          )}
        </>
      ) : (
        <>
          {state.step === 'done' ? <Summary result={state.result} fileName={state.fileName} /> : <Failure error={state.error} />}
          <Button style={{ marginTop: 12 }} onClick={() => setState({ step: 'idle' })}>
            {t('carrier.import.again')}
          </Button>
        </>
      )}
    </Modal>
  );
}
