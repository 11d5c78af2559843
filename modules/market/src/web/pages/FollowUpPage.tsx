/**
 * 对接跟进: the matches the push kept and what became of them.
 * - the bureau, a leader, a town officer: the region's figures (time to a useful match, demands contacted within
 *   10 days, leads by stage, feedback by side), its matches and leads;
 * - an enterprise's or an institute's account: its own matches, each marked 有用 / 没用;
 * - a broker's account: the matches to take up (跟进) and its leads, moved on to 洽谈中, 已签约 (with the registered
 *   contract's number) or 已终止 (with a reason).
 * A broker's notification links here with `?match=`, which shows that match alone.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { BUREAU_ROLES, PageHeader, errorMessage, formatDateTime, useAuth, useT } from '@kechuang/platform-web';
import { KIND_PATHS } from '../../contract/kinds.ts';
import { LEAD_MOVES, type LeadStatus } from '../../contract/lead-stages.ts';
import {
  useFeedback,
  useFollowUpFigures,
  useFollowUpMatches,
  useLeads,
  useMoveLead,
  useTakeLead,
  type MarketLead,
  type MarketMatch,
  type MatchFilter,
} from '../follow-up-api.ts';

const LEAD_COLORS: Record<LeadStatus, string> = { contacted: 'processing', negotiating: 'warning', signed: 'success', dropped: 'default' };

function Figures() {
  const t = useT();
  const figures = useFollowUpFigures(true);
  const f = figures.data;
  if (figures.isError) return <Alert type="error" showIcon title={errorMessage(figures.error)} />;
  const pct = (x: number | null | undefined) => (x == null ? '—' : `${(x * 100).toFixed(0)}%`);
  return (
    <Card
      size="small"
      title={t('market.followUp.figures', { since: f?.since ?? '' })}
      loading={!f}
      style={{ marginBottom: 16 }}
      data-testid="follow-up-figures"
    >
      {f && (
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic title={t('market.followUp.demandsPublished')} value={f.demandsPublished} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('market.followUp.demandsWithMatch')} value={f.demandsWithMatch} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('market.followUp.medianDays')}
              value={f.medianDaysToUsefulMatch == null ? '—' : f.medianDaysToUsefulMatch.toFixed(1)}
              suffix={f.medianDaysToUsefulMatch == null ? undefined : t('market.followUp.days')}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('market.followUp.contacted10')}
              value={pct(f.shareContactedWithin10Days)}
              suffix={<Typography.Text type="secondary">({f.demandsContactedWithin10Days})</Typography.Text>}
            />
          </Col>
          <Col xs={24} md={12}>
            <Space wrap>
              {t('market.followUp.leads')}
              {(['contacted', 'negotiating', 'signed', 'dropped'] as const).map((s) => (
                <Tag key={s} color={LEAD_COLORS[s]}>
                  {t(`market.lead.${s}`)} {f.leads[s] ?? 0}
                </Tag>
              ))}
            </Space>
          </Col>
          <Col xs={24} md={12}>
            <Space wrap>
              {t('market.followUp.feedback')}
              <Tag color="success">{t('market.followUp.demandUseful', { n: f.feedback.demandUseful })}</Tag>
              <Tag>{t('market.followUp.demandNotUseful', { n: f.feedback.demandNotUseful })}</Tag>
              <Tag color="success">{t('market.followUp.counterpartUseful', { n: f.feedback.counterpartUseful })}</Tag>
              <Tag>{t('market.followUp.counterpartNotUseful', { n: f.feedback.counterpartNotUseful })}</Tag>
              <Tag>{t('market.followUp.noFeedback', { n: f.feedback.none })}</Tag>
            </Space>
          </Col>
        </Row>
      )}
    </Card>
  );
}

function MoveDialog({ lead, onClose }: { lead: MarketLead | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const move = useMoveLead();
  const [form] = Form.useForm<{ status: LeadStatus; reason?: string; contractId?: number }>();
  const status = Form.useWatch('status', form);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await move.mutateAsync({ id: lead!.id, ...v });
      onClose();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  return (
    <Modal open={!!lead} title={t('market.followUp.move')} onOk={() => void submit()} onCancel={onClose} confirmLoading={move.isPending} destroyOnHidden>
      {lead && (
        <Form form={form} layout="vertical" preserve={false} initialValues={{ status: LEAD_MOVES[lead.status][0] }}>
          <Form.Item name="status" label={t('market.followUp.status')} rules={[{ required: true }]}>
            <Select options={LEAD_MOVES[lead.status].map((s) => ({ value: s, label: t(`market.lead.${s}`) }))} data-testid="lead-status" />
          </Form.Item>
          {status === 'dropped' && (
            <Form.Item
              name="reason"
              label={t('market.followUp.reason')}
              rules={[{ required: true, whitespace: true, message: t('market.followUp.reasonRequired') }]}
            >
              <Input.TextArea maxLength={500} rows={3} />
            </Form.Item>
          )}
          {status === 'signed' && (
            <Form.Item name="contractId" label={t('market.followUp.contractId')} extra={t('market.followUp.contractHelp')}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="lead-contract" />
            </Form.Item>
          )}
        </Form>
      )}
    </Modal>
  );
}

export function FollowUpPage() {
  const t = useT();
  const { message } = App.useApp();
  const { user } = useAuth();
  const [search, setSearch] = useSearchParams();
  const matchParam = Number(search.get('match')) || undefined;
  const [filter, setFilter] = useState<Omit<MatchFilter, 'id'>>({ page: 1, pageSize: 20 });
  const matches = useFollowUpMatches({ ...filter, id: matchParam });
  const leads = useLeads();
  const feedback = useFeedback();
  const take = useTakeLead();
  const [moving, setMoving] = useState<MarketLead | null>(null);
  if (!user) return null;
  const isSide = user.role === 'enterpriseUser' || user.role === 'institutionUser';
  const isBroker = user.role === 'brokerUser';
  const isRegion = user.scope.kind === 'region';
  const isBureau = isRegion && BUREAU_ROLES.includes(user.role);

  const act = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  const side = (m: MarketMatch) => (user.role === 'enterpriseUser' ? m.demandFeedback : m.counterpartFeedback);
  const feedbackTag = (f: MarketMatch['demandFeedback']) =>
    f ? <Tag color={f === 'useful' ? 'success' : 'default'}>{t(`market.feedback.${f}`)}</Tag> : <Typography.Text type="secondary">—</Typography.Text>;

  return (
    <>
      <PageHeader
        title={t('nav.marketFollowUp')}
        subtitle={t(isBroker ? 'market.followUp.subtitleBroker' : isSide ? 'market.followUp.subtitleSide' : 'market.followUp.subtitle')}
      />
      {isRegion && <Figures />}
      <Card
        size="small"
        title={t('market.followUp.matches')}
        style={{ marginBottom: 16 }}
        extra={
          <Space wrap>
            {matchParam && (
              <Tag
                closable
                onClose={() => {
                  search.delete('match');
                  setSearch(search);
                }}
              >
                {t('market.followUp.oneMatch', { id: matchParam })}
              </Tag>
            )}
            <Select
              allowClear
              placeholder={t('market.followUp.feedbackFilter')}
              style={{ width: 150 }}
              value={filter.feedback}
              onChange={(v) => setFilter({ ...filter, feedback: v, page: 1 })}
              options={(['useful', 'notUseful', 'none'] as const).map((v) => ({ value: v, label: t(`market.feedback.${v}`) }))}
            />
            <Select
              allowClear
              placeholder={t('market.followUp.leadFilter')}
              style={{ width: 150 }}
              value={filter.lead}
              onChange={(v) => setFilter({ ...filter, lead: v, page: 1 })}
              options={(['with', 'without'] as const).map((v) => ({ value: v, label: t(`market.followUp.lead.${v}`) }))}
            />
          </Space>
        }
      >
        {matches.isError && <Alert type="error" showIcon title={errorMessage(matches.error)} />}
        <Table<MarketMatch>
          rowKey="id"
          size="small"
          loading={matches.isLoading}
          dataSource={matches.data?.items ?? []}
          data-testid="follow-up-matches"
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: matches.data?.total ?? 0,
            onChange: (page, pageSize) => setFilter({ ...filter, page, pageSize }),
          }}
          columns={[
            {
              title: t('market.followUp.demand'),
              key: 'demand',
              render: (_, m) => <Link to={`/market/${KIND_PATHS.demand}/${m.demandId}`}>{m.demandTitle}</Link>,
            },
            {
              title: t('market.followUp.counterpart'),
              key: 'counterpart',
              render: (_, m) => (
                <Space size={4}>
                  <Tag>{t(`market.kind.${m.counterpartKind}`)}</Tag>
                  <Link to={`/market/${KIND_PATHS[m.counterpartKind]}/${m.counterpartId}`}>{m.counterpartTitle}</Link>
                </Space>
              ),
            },
            {
              title: t('market.followUp.score'),
              dataIndex: 'score',
              align: 'right',
              render: (s: number, m) => (
                <Tooltip title={<div style={{ whiteSpace: 'pre-line' }}>{m.reasons.join('\n')}</div>}>
                  <span>{s.toFixed(1)}</span>
                </Tooltip>
              ),
            },
            { title: t('market.followUp.pushedAt'), dataIndex: 'pushedAt', render: (v: string) => formatDateTime(v) },
            { title: t('market.followUp.demandFeedback'), dataIndex: 'demandFeedback', render: feedbackTag },
            { title: t('market.followUp.counterpartFeedback'), dataIndex: 'counterpartFeedback', render: feedbackTag },
            {
              title: t('market.followUp.leadCol'),
              key: 'lead',
              render: (_, m) =>
                m.leadStatus ? (
                  <Tag color={LEAD_COLORS[m.leadStatus]}>
                    {t(`market.lead.${m.leadStatus}`)} · {m.brokerName}
                  </Tag>
                ) : (
                  <Typography.Text type="secondary">—</Typography.Text>
                ),
            },
            {
              title: t('market.followUp.actions'),
              key: 'actions',
              render: (_, m) => (
                <Space size={0}>
                  {isSide &&
                    (['useful', 'notUseful'] as const).map((f) => (
                      <Button
                        key={f}
                        type={side(m) === f ? 'primary' : 'link'}
                        size="small"
                        data-testid={`match-${f}`}
                        onClick={() => void act(feedback.mutateAsync({ id: m.id, feedback: f }))}
                      >
                        {t(`market.feedback.${f}`)}
                      </Button>
                    ))}
                  {isBroker && !m.leadId && (
                    <Button type="link" size="small" data-testid="match-take" onClick={() => void act(take.mutateAsync(m.id))}>
                      {t('market.followUp.take')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {(isBroker || isRegion) && (
        <Card size="small" title={t(isBroker ? 'market.followUp.myLeads' : 'market.followUp.leadsTitle')}>
          <Table<MarketLead>
            rowKey="id"
            size="small"
            loading={leads.isLoading}
            dataSource={leads.data?.items ?? []}
            data-testid="follow-up-leads"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('market.followUp.demand'), dataIndex: 'demandTitle' },
              { title: t('market.followUp.counterpart'), dataIndex: 'counterpartTitle' },
              { title: t('market.followUp.broker'), dataIndex: 'brokerName' },
              { title: t('market.followUp.status'), dataIndex: 'status', render: (s: LeadStatus) => <Tag color={LEAD_COLORS[s]}>{t(`market.lead.${s}`)}</Tag> },
              { title: t('market.followUp.reason'), dataIndex: 'reason', render: (r: string | null) => r ?? '' },
              {
                title: t('market.followUp.contractId'),
                dataIndex: 'contractId',
                render: (id: number | null) => (id ? <Link to={`/tech-contracts/${id}`}>{id}</Link> : ''),
              },
              { title: t('market.followUp.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => formatDateTime(v) },
              {
                title: t('market.followUp.actions'),
                key: 'move',
                render: (_, l) =>
                  (isBroker || isBureau) &&
                  LEAD_MOVES[l.status].length > 0 && (
                    <Button type="link" size="small" data-testid="lead-move" onClick={() => setMoving(l)}>
                      {t('market.followUp.move')}
                    </Button>
                  ),
              },
            ]}
          />
        </Card>
      )}
      <MoveDialog lead={moving} onClose={() => setMoving(null)} />
    </>
  );
}
