/**
 * The one import workbench every room's import uses (issue 10): the steps (the room's own first steps, such as
 * what the file holds; the template; the upload), the file drop with its progress, the outcome — the room's
 * summary of an accepted file, or the refusal with every row error and its report — and the history of runs
 * (GET /api/import-runs of the room's kinds). `layout="dialog"` stacks it for a modal: no steps, a button to
 * try another file. Parameterised by the room: its upload URL, template, kinds, words and summary.
 */
import { useState, type ReactNode } from 'react';
import { App, Button, Card, Col, Progress, Row, Steps, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { DownloadOutlined } from '@ant-design/icons';
import { ApiError, downloadFile, errorMessage, uploadFile, type QueryParams } from '../api.ts';
import { listQueryKey } from '../DataTable.tsx';
import { FileDrop } from '../FileDrop.tsx';
import { useT } from '../i18n.ts';
import { ImportRefusal } from './ImportOutcome.tsx';
import { ImportRunHistory, type ImportRunHistoryProps } from './ImportRunHistory.tsx';
import './messages.ts';

type ImportState<R> =
  | { step: 'idle' }
  | { step: 'uploading'; fileName: string; share: number }
  | { step: 'processing'; fileName: string }
  | { step: 'done'; fileName: string; result: R }
  | { step: 'failed'; fileName: string; error: ApiError };

export interface ImportWorkbenchProps<R> {
  /** POST of the file (multipart field "file"), its query included */
  uploadUrl: string;
  template?: { url: string; params?: QueryParams; label: string; hint?: ReactNode };
  /** the room's steps before the template (e.g. what the file holds); a function of whether a file is being uploaded or checked */
  steps?: { title: string; content: ReactNode | ((busy: boolean) => ReactNode) }[];
  /** the upload card's title; default 上传文件 */
  uploadTitle?: string;
  drop?: { title?: string; hint?: string };
  summary: (result: R, fileName: string) => ReactNode;
  /** after every attempt, accepted or refused (refused runs are in the history too): the room refreshes its data */
  onSettled?: () => void;
  /** the history of runs; omitted: none shown */
  history?: ImportRunHistoryProps & { title?: string };
  layout?: 'page' | 'dialog';
  disabled?: boolean;
  /** data-testid prefix of the outcome: `${testId}-failed`, `${testId}-errors` … */
  testId?: string;
  /** a change of it (another kind of file) clears the outcome */
  resetKey?: string;
}

export function ImportWorkbench<R>(props: ImportWorkbenchProps<R>) {
  const { uploadUrl, template, layout = 'page', testId = 'import' } = props;
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [state, setState] = useState<ImportState<R>>({ step: 'idle' });
  const [shownFor, setShownFor] = useState(props.resetKey);
  if (shownFor !== props.resetKey) {
    setShownFor(props.resetKey);
    setState({ step: 'idle' });
  }
  const isBusy = state.step === 'uploading' || state.step === 'processing';

  const upload = async (file: File) => {
    const fileName = file.name;
    setState({ step: 'uploading', fileName, share: 0 });
    try {
      const result = await uploadFile<R>(uploadUrl, file, {
        onProgress: (share) => setState((s) => (s.step === 'uploading' ? { ...s, share } : s)),
        onUploaded: () => setState({ step: 'processing', fileName }),
      });
      setState({ step: 'done', fileName, result });
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, { code: 'CLIENT', message: errorMessage(e) });
      setState({ step: 'failed', fileName, error });
    } finally {
      // refused runs are in the history too
      void queryClient.invalidateQueries({ queryKey: listQueryKey('/api/import-runs') });
      props.onSettled?.();
    }
  };
  const templateButton = template && (
    <Button
      icon={<DownloadOutlined />}
      onClick={() => downloadFile(template.url, template.params).catch((e: unknown) => message.error(errorMessage(e)))}
      data-testid="import-template"
    >
      {template.label}
    </Button>
  );
  const progress = (state.step === 'uploading' || state.step === 'processing') && (
    <div style={{ marginTop: 16 }} data-testid="import-progress">
      <Typography.Text>
        {t(state.step === 'uploading' ? 'imp.uploading' : 'imp.processing')} {state.fileName}
      </Typography.Text>
      {state.step === 'uploading' ? (
        <Progress percent={Math.round(state.share * 100)} status="active" />
      ) : (
        <Progress percent={100} status="active" format={() => ''} />
      )}
    </div>
  );
  const outcome = (state.step === 'done' || state.step === 'failed') && (
    <div style={{ marginTop: 16 }}>
      {state.step === 'done' ? props.summary(state.result, state.fileName) : <ImportRefusal error={state.error} testId={testId} />}
    </div>
  );
  const drop = (
    <FileDrop
      accept=".xlsx,.csv"
      title={props.drop?.title ?? t('imp.drop')}
      hint={props.drop?.hint ?? t('imp.dropHint')}
      disabled={isBusy || props.disabled}
      onFile={(f) => void upload(f)}
    />
  );
  const history = props.history && (
    <Card size="small" title={props.history.title ?? t('imp.history')} style={{ marginTop: 16 }}>
      <ImportRunHistory {...props.history} />
    </Card>
  );

  if (layout === 'dialog') {
    const finished = state.step === 'done' || state.step === 'failed';
    return (
      <>
        {template?.hint && <Typography.Paragraph type="secondary">{template.hint}</Typography.Paragraph>}
        {templateButton && <div style={{ marginBottom: 12 }}>{templateButton}</div>}
        {finished ? (
          <>
            {outcome}
            <Button style={{ marginTop: 12 }} onClick={() => setState({ step: 'idle' })}>
              {t('imp.again')}
            </Button>
          </>
        ) : (
          <>
            {drop}
            {progress}
          </>
        )}
        {history}
      </>
    );
  }

  const own = props.steps ?? [];
  // the room's steps, the template, then the upload, which carries the outcome — an index past the last step
  // would mark every step done, a refused file included
  const items = [
    ...own.map((s) => ({ title: s.title, content: typeof s.content === 'function' ? s.content(isBusy) : s.content })),
    ...(template
      ? [
          {
            title: t('imp.stepTemplate'),
            content: (
              <div style={{ paddingBottom: 12 }}>
                {template.hint && (
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                    {template.hint}
                  </Typography.Paragraph>
                )}
                {templateButton}
              </div>
            ),
          },
        ]
      : []),
    { title: t('imp.stepUpload'), content: <Typography.Text type="secondary">{t('imp.stepUploadHint')}</Typography.Text> },
  ];
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card size="small" style={{ height: '100%' }}>
            <Steps
              orientation="vertical"
              current={items.length - 1}
              status={state.step === 'failed' ? 'error' : state.step === 'done' ? 'finish' : 'process'}
              data-testid="import-steps"
              items={items}
            />
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <Card size="small" title={props.uploadTitle ?? t('imp.stepUpload')}>
            {drop}
            {progress}
            {outcome}
          </Card>
        </Col>
      </Row>
      {history}
    </>
  );
}
