/**
 * 评价结果: one run — its source, scheme, options, who computed and published it; re-run (reproduced or
 * not, said plainly), publish (bureau roles; replacing the period's published list only when asked) and withdraw
 * a published list with a reason; tabs for the results, rank stability, weights, the
 * entities not scored and the data treatment. A run graded by quota (绩效评价) shows its count per grade.
 */
import { useState } from 'react';
import { App, Alert, Button, Descriptions, Input, Modal, Popconfirm, Result, Space, Spin, Tabs, Tag } from 'antd';
import { RedoOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, PageHeader, errorMessage, formatDateTime, useT } from '@kechuang/platform-web';
import { usePublish, useRerun, useRun, useWithdraw } from '../api.ts';
import { GradeSummary } from '../components/Grades.tsx';
import { presetLabel, StatusTag } from '../components/Labels.tsx';
import { ResultsTable } from '../components/ResultsTable.tsx';
import { SensitivityPanel } from '../components/SensitivityPanel.tsx';
import { ExcludedTable, TreatmentPanel } from '../components/TreatmentPanel.tsx';
import { WeightsPanel } from '../components/WeightsPanel.tsx';

export function RunPage() {
  const t = useT();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const run = useRun(id);
  const rerun = useRerun();
  const publish = usePublish();
  const withdraw = useWithdraw();
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');

  if (run.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (run.isError || !run.data) return <Result status="404" title="404" subTitle={errorMessage(run.error)} />;
  const r = run.data;
  const s = r.summary;
  const mc = s.sensitivity;
  const schemeName = typeof r.scheme.name === 'string' ? r.scheme.name : '';
  // the preset's documented scheme, read-only under 评价体系 (a run with no saved scheme ran it)
  const presetKey = r.preset === 'performanceReview' ? (r.source.carrierKind ? `performanceReview.${r.source.carrierKind}` : null) : r.preset;

  const onRerun = async () => {
    try {
      const out = await rerun.mutateAsync(r.id);
      modal[out.reproduced ? 'success' : 'warning']({
        title: out.reproduced ? t('ev.run.rerunOk', { n: out.compared }) : t('ev.run.rerunDiff', { n: out.differences.length }),
        content: out.reproduced ? undefined : (
          <pre style={{ fontSize: 12 }}>{out.differences.map((d) => `${d.entityId} ${d.field}: ${String(d.before)} → ${String(d.after)}`).join('\n')}</pre>
        ),
        okText: t('ev.run.openRerun'),
        onOk: () => navigate(`/evaluation/runs/${out.runId}`),
      });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const onPublish = async (supersede = false) => {
    try {
      const out = await publish.mutateAsync({ id: r.id, supersede });
      message.success(t('ev.run.published', { count: out.count }));
    } catch (e) {
      // the period already has a published list: say which, and replace it only if the user says so
      const inTheWay = e instanceof ApiError && e.status === 409 ? (e.details as { publishedRunId?: number } | null)?.publishedRunId : undefined;
      if (inTheWay)
        modal.confirm({
          title: t('ev.run.supersedeTitle'),
          content: e instanceof Error ? e.message : '',
          okText: t('ev.run.supersede'),
          onOk: () => onPublish(true),
        });
      else message.error(errorMessage(e));
    }
  };

  const onWithdraw = async () => {
    try {
      await withdraw.mutateAsync({ id: r.id, reason: reason.trim() });
      message.success(t('ev.run.withdrawn'));
      setWithdrawing(false);
      setReason('');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <PageHeader
        title={<span data-testid="run-name">{r.name}</span>}
        subtitle={r.source.label}
        extra={
          <Space>
            <StatusTag status={r.status} />
            <Button icon={<RedoOutlined />} loading={rerun.isPending} onClick={() => void onRerun()} data-testid="run-rerun">
              {t('ev.run.rerun')}
            </Button>
            {r.canPublish && (
              <Popconfirm title={t('ev.run.publishConfirm')} onConfirm={() => void onPublish()}>
                <Button type="primary" icon={<SendOutlined />} loading={publish.isPending} data-testid="run-publish">
                  {t('ev.run.publish')}
                </Button>
              </Popconfirm>
            )}
            {r.canWithdraw && (
              <Button danger icon={<RollbackOutlined />} onClick={() => setWithdrawing(true)} data-testid="run-withdraw">
                {t('ev.run.withdraw')}
              </Button>
            )}
          </Space>
        }
      />
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('ev.field.preset')}>{presetLabel(t, r.preset)}</Descriptions.Item>
        <Descriptions.Item label={t('ev.run.scheme')}>
          {r.schemeId ? (
            <Link to={`/evaluation/schemes/${r.schemeId}`}>{schemeName || r.schemeId}</Link>
          ) : presetKey ? (
            <Link to={`/evaluation/schemes/preset/${presetKey}`}>{`${schemeName}（${t('ev.run.schemeDefault')}）`}</Link>
          ) : (
            `${schemeName}（${t('ev.run.schemeDefault')}）`
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('ev.field.scored')}>
          {r.scoredCount} / {r.inputCount}
        </Descriptions.Item>
        <Descriptions.Item label={t('ev.field.computed')}>
          <span data-testid="run-computed">
            {t('ev.run.computedBy', { user: r.computedByName ?? r.computedBy ?? '', at: formatDateTime(r.computedAt), ms: r.computeMs })}
          </span>
          {r.rerunOf && (
            <Link to={`/evaluation/runs/${r.rerunOf}`} style={{ marginLeft: 8 }}>
              <Tag>{t('ev.rerunOf', { id: r.rerunOf })}</Tag>
            </Link>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('ev.field.samples')}>
          {mc
            ? `${t('ev.run.options', { samples: mc.samples, seed: mc.seed, perturbation: Math.round(mc.perturbation * 100) })} · ${t(`ev.run.thread.${mc.thread}`)}`
            : t('ev.run.noMc')}
        </Descriptions.Item>
        {r.publishedAt && (
          <Descriptions.Item label={t('ev.field.published')}>
            <span data-testid="run-published">
              {t('ev.run.publishedBy', { user: r.publishedByName ?? r.publishedBy ?? '', at: formatDateTime(r.publishedAt) })}
            </span>
          </Descriptions.Item>
        )}
        {r.withdrawnAt && (
          <Descriptions.Item label={t('ev.run.withdrawnField')}>
            <span data-testid="run-withdrawn">
              {t('ev.run.withdrawnBy', { user: r.withdrawnByName ?? r.withdrawnBy ?? '', at: formatDateTime(r.withdrawnAt), reason: r.withdrawReason ?? '' })}
              {r.supersededBy && (
                <Link to={`/evaluation/runs/${r.supersededBy}`} style={{ marginLeft: 8 }}>
                  #{r.supersededBy}
                </Link>
              )}
            </span>
          </Descriptions.Item>
        )}
        {s.tiers && <Descriptions.Item label={t('ev.run.tiers')}>{s.tiers.map((x) => `${x.name} ${x.count}/${x.size}`).join(' · ')}</Descriptions.Item>}
        {s.grades && s.grades.length > 0 && (
          <Descriptions.Item label={t('ev.review.grades')}>
            <GradeSummary grades={s.grades} />
          </Descriptions.Item>
        )}
      </Descriptions>
      <Modal
        open={withdrawing}
        title={t('ev.run.withdrawTitle')}
        okText={t('ev.run.withdraw')}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: withdraw.isPending }}
        onOk={() => void onWithdraw()}
        onCancel={() => setWithdrawing(false)}
        destroyOnHidden
      >
        <p>{t('ev.run.withdrawHint')}</p>
        <Input.TextArea
          rows={3}
          maxLength={500}
          showCount
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('ev.run.withdrawReason')}
          data-testid="withdraw-reason"
        />
      </Modal>
      {s.tiers
        ?.filter((x) => x.overfull)
        .map((x) => (
          <Alert key={x.name} type="warning" showIcon style={{ marginBottom: 8 }} title={t('ev.run.overfull', { tier: x.name })} />
        ))}
      {s.warnings.length > 0 && <Alert type="info" showIcon style={{ marginBottom: 8 }} title={s.warnings.join('；')} />}
      <Tabs
        destroyOnHidden
        items={[
          { key: 'results', label: t('ev.run.tab.results'), children: <ResultsTable run={r} /> },
          { key: 'sensitivity', label: <span data-testid="tab-sensitivity">{t('ev.run.tab.sensitivity')}</span>, children: <SensitivityPanel run={r} /> },
          { key: 'weights', label: t('ev.run.tab.weights'), children: <WeightsPanel run={r} /> },
          { key: 'excluded', label: `${t('ev.run.tab.excluded')}（${r.inputCount - r.scoredCount}）`, children: <ExcludedTable run={r} /> },
          { key: 'treatment', label: t('ev.run.tab.treatment'), children: <TreatmentPanel run={r} /> },
        ]}
      />
    </>
  );
}
