/**
 * 对接活动: matchmaking fairs, roadshows and achievement auctions, newest first, with filters by kind, status and
 * year; each row shows its listings, sign-ups and, once held, its outcome (an auction's premium). The bureau
 * creates events here; everyone opens an event's page to sign up.
 */
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, TimePicker, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { BUREAU_ROLES, PageHeader, errorMessage, formatPercent, useAuth, useT } from '@kechuang/platform-web';
import { EVENT_KINDS, EVENT_STATUSES, type EventKind, type EventStatus } from '../../contract/event-kinds.ts';
import { useCreateEvent, useEvents, type EventFilter, type EventInput, type MarketEvent } from '../events-api.ts';

export const EVENT_STATUS_COLORS: Record<EventStatus, string> = {
  planned: 'default',
  open: 'processing',
  held: 'success',
  closed: 'default',
  cancelled: 'error',
};
export const EVENT_KIND_COLORS: Record<EventKind, string> = { fair: 'blue', roadshow: 'purple', auction: 'gold' };

const THIS_YEAR = new Date().getFullYear();
const YEARS = [THIS_YEAR + 1, THIS_YEAR, THIS_YEAR - 1, THIS_YEAR - 2];

/** +28%: an auction's premium with its sign */
export const premiumText = (p: number | null | undefined) => (p == null ? '—' : `${p >= 0 ? '+' : ''}${formatPercent(p, 0)}`);

interface FormValues {
  kind: EventKind;
  title: string;
  date: { format: (f: string) => string };
  time?: { format: (f: string) => string } | null;
  place?: string;
  onlineLink?: string;
  organiser?: string;
  description?: string;
}

function CreateEvent({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateEvent();
  const submit = async () => {
    const v = await form.validateFields();
    const body: EventInput = {
      kind: v.kind,
      title: v.title,
      date: v.date.format('YYYY-MM-DD'),
      time: v.time ? v.time.format('HH:mm') : null,
      place: v.place ?? '',
      onlineLink: v.onlineLink?.trim() || null,
      organiser: v.organiser ?? '',
      description: v.description ?? '',
    };
    try {
      await create.mutateAsync(body);
      onClose();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  return (
    <Modal open title={t('market.events.new')} onCancel={onClose} onOk={() => void submit()} confirmLoading={create.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'fair' }}>
        <Form.Item name="kind" label={t('market.events.kind')} rules={[{ required: true }]}>
          <Select options={EVENT_KINDS.map((k) => ({ value: k, label: t(`market.events.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('market.events.title')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Space>
          <Form.Item name="date" label={t('market.events.date')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="time" label={t('market.events.time')}>
            <TimePicker format="HH:mm" minuteStep={5} />
          </Form.Item>
        </Space>
        <Form.Item name="place" label={t('market.events.place')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="onlineLink" label={t('market.events.onlineLink')}>
          <Input maxLength={500} placeholder="https://" />
        </Form.Item>
        <Form.Item name="organiser" label={t('market.events.organiser')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('market.events.description')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function EventsPage() {
  const t = useT();
  const { user } = useAuth();
  const isBureau = !!user && user.scope.kind === 'region' && BUREAU_ROLES.includes(user.role);
  const [filter, setFilter] = useState<EventFilter>({});
  const [creating, setCreating] = useState(false);
  const events = useEvents(filter);

  const columns = [
    { title: t('market.events.date'), dataIndex: 'date', width: 110, render: (d: string, e: MarketEvent) => `${d}${e.time ? ` ${e.time}` : ''}` },
    {
      title: t('market.events.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (k: EventKind) => <Tag color={EVENT_KIND_COLORS[k]}>{t(`market.events.kind.${k}`)}</Tag>,
    },
    {
      title: t('market.events.title'),
      dataIndex: 'title',
      render: (title: string, e: MarketEvent) => (
        <Space size={4} wrap>
          <Link to={`/market/events/${e.id}`}>{title}</Link>
          {e.mySignupId !== null && <Tag color="success">{t('market.events.signedUp')}</Tag>}
          {e.isSynthetic && <Tag>{t('market.event.synthetic')}</Tag>}
        </Space>
      ),
    },
    { title: t('market.events.region'), dataIndex: 'regionName', width: 110 },
    {
      title: t('market.events.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: EventStatus) => <Tag color={EVENT_STATUS_COLORS[s]}>{t(`market.events.status.${s}`)}</Tag>,
    },
    { title: t('market.events.listings'), dataIndex: 'listingCount', width: 70, align: 'right' as const },
    { title: t('market.events.signups'), dataIndex: 'signupCount', width: 70, align: 'right' as const },
    {
      title: t('market.events.outcome'),
      key: 'outcome',
      render: (_: unknown, e: MarketEvent) => (
        <Space size={4} wrap>
          {e.contactsMade !== null && <Typography.Text>{t('market.events.contacts', { n: e.contactsMade })}</Typography.Text>}
          {e.intentionsSigned !== null && <Typography.Text>{t('market.events.intentions', { n: e.intentionsSigned })}</Typography.Text>}
          {e.auction?.premium != null && (
            <Tag color="gold">
              {t('market.events.premium')} {premiumText(e.auction.premium)}
            </Tag>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.marketEvents')}
        subtitle={t('market.events.subtitle')}
        extra={
          <>
            <Select
              allowClear
              placeholder={t('market.events.kind')}
              style={{ width: 130 }}
              value={filter.kind}
              onChange={(kind) => setFilter({ ...filter, kind })}
              options={EVENT_KINDS.map((k) => ({ value: k, label: t(`market.events.kind.${k}`) }))}
              data-testid="events-kind"
            />
            <Select
              allowClear
              placeholder={t('market.events.status')}
              style={{ width: 130 }}
              value={filter.status}
              onChange={(status) => setFilter({ ...filter, status })}
              options={EVENT_STATUSES.map((s) => ({ value: s, label: t(`market.events.status.${s}`) }))}
            />
            <Select
              allowClear
              placeholder={t('market.events.year')}
              style={{ width: 110 }}
              value={filter.year}
              onChange={(year) => setFilter({ ...filter, year })}
              options={YEARS.map((y) => ({ value: y, label: String(y) }))}
            />
            {isBureau && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('market.events.new')}
              </Button>
            )}
          </>
        }
      />
      <Table<MarketEvent>
        rowKey="id"
        size="small"
        loading={events.isLoading}
        dataSource={events.data?.items ?? []}
        columns={columns}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: events.isError ? errorMessage(events.error) : t('market.events.empty') }}
        scroll={{ x: 900 }}
        data-testid="events-table"
      />
      {creating && <CreateEvent onClose={() => setCreating(false)} />}
    </>
  );
}
