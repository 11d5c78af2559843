/** 数据导入: download the template, upload with progress, then the summary or the row-by-row errors. */
import { useState } from 'react';
import { App, Button, Card, Col, Progress, Row, Steps, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { ApiError, FileDrop, PageHeader, downloadFile, errorMessage, uploadFile, useT } from '@kechuang/platform-web';
import { useInvalidateIndicators } from '../api.ts';
import { ImportHistory } from '../components/ImportHistory.tsx';
import { ImportFailure, ImportSummary } from '../components/ImportOutcome.tsx';
import type { ImportResult } from '../types.ts';

type ImportState =
  | { step: 'idle' }
  | { step: 'uploading'; fileName: string; share: number }
  | { step: 'processing'; fileName: string }
  | { step: 'done'; fileName: string; result: ImportResult }
  | { step: 'failed'; fileName: string; error: ApiError };

export function ImportPage() {
  const t = useT();
  const { message } = App.useApp();
  const invalidate = useInvalidateIndicators();
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const isBusy = state.step === 'uploading' || state.step === 'processing';

  const upload = async (file: File) => {
    const fileName = file.name;
    setState({ step: 'uploading', fileName, share: 0 });
    try {
      const result = await uploadFile<ImportResult>('/api/indicators/import', file, {
        onProgress: (share) => setState((s) => (s.step === 'uploading' ? { ...s, share } : s)),
        onUploaded: () => setState({ step: 'processing', fileName }),
      });
      setState({ step: 'done', fileName, result });
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, { code: 'CLIENT', message: errorMessage(e) });
      setState({ step: 'failed', fileName, error });
    } finally {
      // refused runs are in the history too
      void invalidate();
    }
  };

  // two steps: the template (0), then the upload (1), which carries the outcome — an index past the last step
  // would mark every step done, a refused file included
  const current = 1;
  return (
    <>
      <PageHeader title={t('import.title')} subtitle={t('import.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card size="small" style={{ height: '100%' }}>
            <Steps
              orientation="vertical"
              current={current}
              status={state.step === 'failed' ? 'error' : state.step === 'done' ? 'finish' : 'process'}
              data-testid="import-steps"
              items={[
                {
                  title: t('import.step1'),
                  content: (
                    <div style={{ paddingBottom: 12 }}>
                      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                        {t('import.step1Hint')}
                      </Typography.Paragraph>
                      <Button icon={<DownloadOutlined />} onClick={() => downloadFile('/api/indicators/template').catch((e: unknown) => message.error(errorMessage(e)))}>
                        {t('import.download')}
                      </Button>
                    </div>
                  ),
                },
                { title: t('import.step2'), content: <Typography.Text type="secondary">.xlsx / .csv</Typography.Text> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('import.step2')}>
            <FileDrop accept=".xlsx,.csv" title={t('import.drop')} hint={t('import.dropHint')} disabled={isBusy} onFile={(f) => void upload(f)} />
            {state.step === 'uploading' && (
              <div style={{ marginTop: 16 }} data-testid="import-progress">
                <Typography.Text>
                  {t('import.uploading')} {state.fileName}
                </Typography.Text>
                <Progress percent={Math.round(state.share * 100)} status="active" />
              </div>
            )}
            {state.step === 'processing' && (
              <div style={{ marginTop: 16 }} data-testid="import-progress">
                <Typography.Text>
                  {t('import.processing')} {state.fileName}
                </Typography.Text>
                <Progress percent={100} status="active" format={() => ''} />
              </div>
            )}
            {state.step === 'done' && (
              <div style={{ marginTop: 16 }}>
                <ImportSummary result={state.result} fileName={state.fileName} />
              </div>
            )}
            {state.step === 'failed' && (
              <div style={{ marginTop: 16 }}>
                <ImportFailure error={state.error} />
              </div>
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('import.history')} style={{ marginTop: 16 }}>
        <ImportHistory />
      </Card>
    </>
  );
}
