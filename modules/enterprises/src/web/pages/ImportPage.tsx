/**
 * 企业库导入: choose what the file holds (企业名录 · 年度数据 · 资质名单), download its template, upload
 * with progress, then the summary or every bad row — a file with one bad row imports nothing.
 * Town officers import their own town's enterprises and years; qualification lists are the bureau's.
 */
import { useState } from 'react';
import { App, Button, Card, Col, Progress, Row, Segmented, Steps, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, BUREAU_ROLES, FileDrop, PageHeader, downloadFile, errorMessage, listQueryKey, uploadFile, useAuth, useT } from '@kechuang/platform-web';
import { ROOT } from '../api.ts';
import { IMPORT_KINDS, ImportHistory } from '../components/ImportHistory.tsx';
import { ImportFailure, ImportSummary } from '../components/ImportOutcome.tsx';
import type { RegistryImportKind, RegistryImportResult } from '../types.ts';

type ImportState =
  | { step: 'idle' }
  | { step: 'uploading'; fileName: string; share: number }
  | { step: 'processing'; fileName: string }
  | { step: 'done'; fileName: string; result: RegistryImportResult }
  | { step: 'failed'; fileName: string; error: ApiError };

export function ImportPage() {
  const t = useT();
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const queryClient = useQueryClient();
  const kinds = hasRole(...BUREAU_ROLES) ? IMPORT_KINDS : IMPORT_KINDS.filter((k) => k !== 'qualifications');
  const [kind, setKind] = useState<RegistryImportKind>('enterprises');
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const isBusy = state.step === 'uploading' || state.step === 'processing';

  const upload = async (file: File) => {
    const fileName = file.name;
    setState({ step: 'uploading', fileName, share: 0 });
    try {
      const result = await uploadFile<RegistryImportResult>(`${ROOT}/import?kind=${kind}`, file, {
        onProgress: (share) => setState((s) => (s.step === 'uploading' ? { ...s, share } : s)),
        onUploaded: () => setState({ step: 'processing', fileName }),
      });
      setState({ step: 'done', fileName, result });
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, { code: 'CLIENT', message: errorMessage(e) });
      setState({ step: 'failed', fileName, error });
    } finally {
      // the registry, its lists and counts may have changed; refused runs are in the history too
      void queryClient.invalidateQueries({ queryKey: ['enterprises'] });
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'list' && String(q.queryKey[1]).startsWith(ROOT) });
      void queryClient.invalidateQueries({ queryKey: listQueryKey(`${ROOT}/import-runs`) });
    }
  };

  return (
    <>
      <PageHeader title={t('ent.import.title')} subtitle={t('ent.import.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card size="small" style={{ height: '100%' }}>
            <Steps
              orientation="vertical"
              current={state.step === 'idle' ? 1 : 2}
              status={state.step === 'failed' ? 'error' : state.step === 'done' ? 'finish' : 'process'}
              items={[
                {
                  title: t('ent.import.step0'),
                  content: (
                    <div style={{ paddingBottom: 12 }}>
                      <Segmented<RegistryImportKind>
                        value={kind}
                        disabled={isBusy}
                        onChange={(k) => {
                          setKind(k);
                          setState({ step: 'idle' });
                        }}
                        options={kinds.map((k) => ({ value: k, label: t(`ent.import.kind.${k}`) }))}
                        data-testid="import-kind"
                      />
                      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                        {t(`ent.import.kindHint.${kind}`)}
                      </Typography.Paragraph>
                    </div>
                  ),
                },
                {
                  title: t('ent.import.step1'),
                  content: (
                    <div style={{ paddingBottom: 12 }}>
                      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                        {t('ent.import.step1Hint')}
                      </Typography.Paragraph>
                      <Button icon={<DownloadOutlined />} onClick={() => downloadFile(`${ROOT}/template`, { kind }).catch((e: unknown) => message.error(errorMessage(e)))} data-testid="import-template">
                        {t('ent.import.download', { kind: t(`ent.import.kind.${kind}`) })}
                      </Button>
                    </div>
                  ),
                },
                { title: t('ent.import.step2'), content: <Typography.Text type="secondary">{t('ent.import.step2Hint')}</Typography.Text> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <Card size="small" title={`${t('ent.import.step2')} · ${t(`ent.import.kind.${kind}`)}`}>
            <FileDrop accept=".xlsx,.csv" title={t('ent.import.drop')} hint={t('ent.import.dropHint')} disabled={isBusy} onFile={(f) => void upload(f)} />
            {state.step === 'uploading' && (
              <div style={{ marginTop: 16 }} data-testid="import-progress">
                <Typography.Text>
                  {t('ent.import.uploading')} {state.fileName}
                </Typography.Text>
                <Progress percent={Math.round(state.share * 100)} status="active" />
              </div>
            )}
            {state.step === 'processing' && (
              <div style={{ marginTop: 16 }} data-testid="import-progress">
                <Typography.Text>
                  {t('ent.import.processing')} {state.fileName}
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
      <Card size="small" title={t('ent.import.history')} style={{ marginTop: 16 }}>
        <ImportHistory />
      </Card>
    </>
  );
}
