/**
 * An event's page: its details and status; the listings attached (an auction's lots with start → final price and
 * premium, and the auction's totals); the sign-ups (all of them for the region's users, one's own for others);
 * the outcome. An account signs itself up while sign-up is open; the bureau moves the event on, attaches and
 * detaches listings, enters a sign-up it was given and records the outcome (an auction's final prices).
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { PageHeader, errorMessage, formatDateTime, formatNumber, useT } from '@kechuang/platform-web';
import { EDITABLE_STATUSES, EVENT_MOVES, OUTCOME_STATUSES, type EventStatus } from '../../contract/event-kinds.ts';
import { KIND_PATHS, LISTING_KINDS, type ListingKind } from '../../contract/kinds.ts';
import { useAttachListing, useCancelSignUp, useDetachListing, useEvent, useMoveEvent, useRecordOutcomes, useSignUp, type EventDetail } from '../events-api.ts';
import { EVENT_KIND_COLORS, EVENT_STATUS_COLORS, premiumText } from './EventsPage.tsx';

type Lot = EventDetail['listings'][number];
type Signup = EventDetail['signups'][number];

const numberOrNull = (x: unknown): number | null => (typeof x === 'number' ? x : null);
const price = (x: number | null) => (x === null ? '—' : formatNumber(x, 2));

function useReport() {
  const { message } = App.useApp();
  return async (work: () => Promise<unknown>) => {
    try {
      await work();
      return true;
    } catch (e) {
      void message.error(errorMessage(e));
      return false;
    }
  };
}

function MoveButtons({ e }: { e: EventDetail }) {
  const t = useT();
  const move = useMoveEvent();
  const report = useReport();
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <>
      {EVENT_MOVES[e.status].map((s: EventStatus) =>
        s === 'cancelled' ? (
          <Button key={s} danger onClick={() => setCancelling(true)}>
            {t('market.event.move.cancelled')}
          </Button>
        ) : (
          <Button key={s} type="primary" loading={move.isPending} onClick={() => void report(() => move.mutateAsync({ id: e.id, status: s }))}>
            {t(`market.event.move.${s}`)}
          </Button>
        ),
      )}
      <Modal
        open={cancelling}
        title={t('market.event.move.cancelled')}
        onCancel={() => setCancelling(false)}
        okButtonProps={{ disabled: !reason.trim(), danger: true }}
        onOk={() => void report(() => move.mutateAsync({ id: e.id, status: 'cancelled', reason })).then((ok) => ok && setCancelling(false))}
      >
        <Input.TextArea rows={3} maxLength={500} placeholder={t('market.event.reason')} value={reason} onChange={(x) => setReason(x.target.value)} />
      </Modal>
    </>
  );
}

function AttachForm({ e }: { e: EventDetail }) {
  const t = useT();
  const attach = useAttachListing();
  const report = useReport();
  const [form] = Form.useForm<{ listingKind: ListingKind; listingId: number; startPrice?: number }>();
  const auction = e.kind === 'auction';
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={{ listingKind: 'achievement' }}
      onFinish={(v) =>
        void report(() => attach.mutateAsync({ id: e.id, listingKind: v.listingKind, listingId: v.listingId, startPrice: auction ? v.startPrice : null })).then(
          (ok) => ok && form.resetFields(['listingId', 'startPrice']),
        )
      }
      style={{ marginTop: 12 }}
    >
      <Form.Item name="listingKind" label={t('market.event.listingKind')}>
        <Select style={{ width: 110 }} options={LISTING_KINDS.map((k) => ({ value: k, label: t(`market.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="listingId" label={t('market.event.listingId')} rules={[{ required: true }]}>
        <InputNumber min={1} precision={0} style={{ width: 110 }} />
      </Form.Item>
      {auction && (
        <Form.Item name="startPrice" label={t('market.event.startPrice')} rules={[{ required: true }]}>
          <InputNumber min={0.01} precision={2} style={{ width: 110 }} />
        </Form.Item>
      )}
      <Button htmlType="submit" loading={attach.isPending}>
        {t('market.event.attach')}
      </Button>
    </Form>
  );
}

/** the dialog's fields: the event's figures, and each lot's final price (final<id>) and sold (sold<id>) */
type OutcomeValues = { contactsMade?: number | null; intentionsSigned?: number | null; note?: string } & Record<
  string,
  number | boolean | string | null | undefined
>;

function OutcomesDialog({ e, onClose }: { e: EventDetail; onClose: () => void }) {
  const t = useT();
  const record = useRecordOutcomes();
  const report = useReport();
  const [form] = Form.useForm<OutcomeValues>();
  const lots = e.kind === 'auction' ? e.listings : [];
  const submit = async () => {
    const v = await form.validateFields();
    const ok = await report(() =>
      record.mutateAsync({
        id: e.id,
        contactsMade: numberOrNull(v.contactsMade),
        intentionsSigned: numberOrNull(v.intentionsSigned),
        note: typeof v.note === 'string' ? v.note : '',
        ...(lots.length ? { lots: lots.map((l) => ({ entryId: l.id, finalPrice: numberOrNull(v[`final${l.id}`]), sold: v[`sold${l.id}`] === true })) } : {}),
      }),
    );
    if (ok) onClose();
  };
  const initial: OutcomeValues = {
    contactsMade: e.contactsMade,
    intentionsSigned: e.intentionsSigned,
    note: e.outcomeNote,
    ...Object.fromEntries<number | boolean | null>(
      lots.flatMap((l): [string, number | boolean | null][] => [
        [`final${l.id}`, l.finalPrice],
        [`sold${l.id}`, l.sold === true],
      ]),
    ),
  };
  return (
    <Modal open width={640} title={t('market.event.recordOutcomes')} onCancel={onClose} onOk={() => void submit()} confirmLoading={record.isPending}>
      <Form form={form} layout="vertical" initialValues={initial}>
        <Space>
          <Form.Item name="contactsMade" label={t('market.event.contactsMade')}>
            <InputNumber min={0} precision={0} />
          </Form.Item>
          <Form.Item name="intentionsSigned" label={t('market.event.intentionsSigned')}>
            <InputNumber min={0} precision={0} />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t('market.event.note')}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
        {lots.map((l) => (
          <Space key={l.id} align="baseline" wrap>
            <Typography.Text style={{ width: 260 }} ellipsis>
              {l.lotNo}. {l.title}（{t('market.event.startPrice')} {price(l.startPrice)}）
            </Typography.Text>
            <Form.Item name={`final${l.id}`} label={t('market.event.finalPrice')} style={{ marginBottom: 8 }}>
              <InputNumber min={0} precision={2} />
            </Form.Item>
            <Form.Item name={`sold${l.id}`} valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox>{t('market.event.sold')}</Checkbox>
            </Form.Item>
          </Space>
        ))}
      </Form>
    </Modal>
  );
}

function TypedSignup({ e }: { e: EventDetail }) {
  const t = useT();
  const signUp = useSignUp();
  const report = useReport();
  const [form] = Form.useForm<{ name: string; contact?: string }>();
  return (
    <Form
      form={form}
      layout="inline"
      style={{ marginTop: 12 }}
      onFinish={(v) => void report(() => signUp.mutateAsync({ id: e.id, name: v.name, contact: v.contact ?? '' })).then((ok) => ok && form.resetFields())}
    >
      <Form.Item name="name" rules={[{ required: true, max: 200 }]}>
        <Input placeholder={t('market.event.signupName')} />
      </Form.Item>
      <Form.Item name="contact">
        <Input placeholder={t('market.event.signupContact')} maxLength={200} />
      </Form.Item>
      <Button htmlType="submit" loading={signUp.isPending}>
        {t('market.event.addSignup')}
      </Button>
    </Form>
  );
}

export function EventPage() {
  const t = useT();
  const id = Number(useParams().id);
  const event = useEvent(id);
  const signUp = useSignUp();
  const cancel = useCancelSignUp();
  const detach = useDetachListing();
  const report = useReport();
  const [outcomes, setOutcomes] = useState(false);
  const e = event.data;
  if (event.isError) return <Alert type="error" showIcon title={errorMessage(event.error)} />;
  if (!e) return <Card loading />;
  const auction = e.kind === 'auction';
  const editable = e.mayManage && EDITABLE_STATUSES.includes(e.status);

  const lotColumns = [
    ...(auction ? [{ title: t('market.event.lotNo'), dataIndex: 'lotNo', width: 70 }] : []),
    {
      title: t('market.event.listing'),
      dataIndex: 'title',
      render: (title: string, l: Lot) => (
        <Space size={4}>
          <Tag>{t(`market.kind.${l.listingKind}`)}</Tag>
          <Link to={`/market/${KIND_PATHS[l.listingKind]}/${l.listingId}`}>{title}</Link>
        </Space>
      ),
    },
    ...(auction
      ? [
          { title: t('market.event.startPrice'), dataIndex: 'startPrice', align: 'right' as const, render: price },
          { title: t('market.event.finalPrice'), dataIndex: 'finalPrice', align: 'right' as const, render: price },
          {
            title: t('market.events.premium'),
            dataIndex: 'premium',
            align: 'right' as const,
            render: (p: number | null, l: Lot) =>
              l.sold === null ? (
                <Typography.Text type="secondary">{t('market.event.pending')}</Typography.Text>
              ) : l.sold ? (
                <Tag color="gold">{premiumText(p)}</Tag>
              ) : (
                <Tag>{t('market.event.unsold')}</Tag>
              ),
          },
        ]
      : []),
    ...(editable
      ? [
          {
            key: 'actions',
            width: 80,
            render: (_: unknown, l: Lot) => (
              <Button size="small" type="link" danger onClick={() => void report(() => detach.mutateAsync({ id: e.id, entryId: l.id }))}>
                {t('market.event.detach')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const signupColumns = [
    { title: t('market.event.signupName'), dataIndex: 'name' },
    { title: t('market.event.signupContact'), dataIndex: 'contact', render: (c: string) => c || '—' },
    { title: t('market.event.signupBy'), dataIndex: 'byAccount', render: (b: boolean) => t(b ? 'market.event.byAccount' : 'market.event.typed') },
    { title: t('market.event.signupAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at) },
    ...(e.status === 'open'
      ? [
          {
            key: 'actions',
            width: 100,
            render: (_: unknown, s: Signup) =>
              (e.mayManage || s.id === e.mySignupId) && (
                <Button size="small" type="link" danger onClick={() => void report(() => cancel.mutateAsync({ id: e.id, signupId: s.id }))}>
                  {t('market.event.cancelSignUp')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {e.title}
            <Tag color={EVENT_KIND_COLORS[e.kind]}>{t(`market.events.kind.${e.kind}`)}</Tag>
            <Tag color={EVENT_STATUS_COLORS[e.status]}>{t(`market.events.status.${e.status}`)}</Tag>
            {e.isSynthetic && <Tag>{t('market.event.synthetic')}</Tag>}
          </Space>
        }
        subtitle={<Link to="/market/events">{t('market.event.back')}</Link>}
        extra={
          <>
            {e.status === 'open' &&
              (e.mySignupId === null ? (
                <Button type="primary" loading={signUp.isPending} onClick={() => void report(() => signUp.mutateAsync({ id: e.id }))}>
                  {t('market.event.signUp')}
                </Button>
              ) : (
                <>
                  <Tag color="success">{t('market.event.signedUpOk')}</Tag>
                  <Button onClick={() => void report(() => cancel.mutateAsync({ id: e.id, signupId: e.mySignupId! }))}>{t('market.event.cancelSignUp')}</Button>
                </>
              ))}
            {e.mayManage && <MoveButtons e={e} />}
            {e.mayManage && OUTCOME_STATUSES.includes(e.status) && <Button onClick={() => setOutcomes(true)}>{t('market.event.recordOutcomes')}</Button>}
          </>
        }
      />
      {e.status === 'cancelled' && e.cancelReason && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('market.event.cancelReason', { reason: e.cancelReason })} />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('market.events.date')}>{`${e.date}${e.time ? ` ${e.time}` : ''}`}</Descriptions.Item>
          <Descriptions.Item label={t('market.events.place')}>{e.place || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('market.events.onlineLink')}>
            {e.onlineLink ? (
              <a href={e.onlineLink} target="_blank" rel="noreferrer noopener">
                {e.onlineLink}
              </a>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('market.events.organiser')}>{e.organiser || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('market.events.region')}>{e.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('market.events.outcome')}>
            {e.contactsMade === null && e.intentionsSigned === null ? (
              <Typography.Text type="secondary">{t('market.event.noOutcome')}</Typography.Text>
            ) : (
              <Space wrap>
                {e.contactsMade !== null && t('market.events.contacts', { n: e.contactsMade })}
                {e.intentionsSigned !== null && t('market.events.intentions', { n: e.intentionsSigned })}
              </Space>
            )}
          </Descriptions.Item>
          {e.description && (
            <Descriptions.Item label={t('market.events.description')} span={3}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{e.description}</Typography.Paragraph>
            </Descriptions.Item>
          )}
          {e.outcomeNote && (
            <Descriptions.Item label={t('market.event.note')} span={3}>
              {e.outcomeNote}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card
        size="small"
        title={t(auction ? 'market.event.lots' : 'market.event.attached')}
        style={{ marginBottom: 16 }}
        extra={
          e.auction &&
          e.auction.sold > 0 && (
            <Space>
              <Typography.Text>
                {t('market.event.totals', {
                  sold: e.auction.sold,
                  lots: e.auction.lots,
                  start: formatNumber(e.auction.startTotal, 2),
                  final: formatNumber(e.auction.finalTotal, 2),
                })}
              </Typography.Text>
              <Tag color="gold" data-testid="auction-premium">
                {t('market.events.premium')} {premiumText(e.auction.premium)}
              </Tag>
            </Space>
          )
        }
      >
        <Table<Lot> rowKey="id" size="small" dataSource={e.listings} columns={lotColumns} pagination={false} data-testid="event-listings" />
        {editable && <AttachForm e={e} />}
      </Card>
      <Card size="small" title={`${t('market.events.signups')}（${e.signupCount}）`}>
        <Table<Signup> rowKey="id" size="small" dataSource={e.signups} columns={signupColumns} pagination={{ pageSize: 20, hideOnSinglePage: true }} />
        {e.mayManage && e.status === 'open' && <TypedSignup e={e} />}
      </Card>
      {outcomes && <OutcomesDialog e={e} onClose={() => setOutcomes(false)} />}
    </>
  );
}
