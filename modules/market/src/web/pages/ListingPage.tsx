/**
 * 挂牌详情: one listing's fields, its status (with the bureau's reason), its history, and its matches with the
 * engine's reasons (a demand's achievements, experts and providers; anything else's demands). The owner edits and
 * submits it; the bureau approves, returns or takes it down with a reason.
 */
import { useState } from 'react';
import { App, Alert, Button, Card, Descriptions, Result, Space, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ADMIN_ROLES, BoundAccountButton, PageHeader, errorMessage, useAuth, useT } from '@kechuang/platform-web';
import { useListing, useMatches, useMoveListing, type ListingMove } from '../api.ts';
import { budgetText, ListingLink, priceText, StatusTag } from '../components/labels.tsx';
import { ListingForm } from '../components/ListingForm.tsx';
import { ReasonDialog } from '../components/ReasonDialog.tsx';
import { LISTING_KINDS, type HistoryEntry, type ListingDetail, type ListingKind, type MatchItem } from '../types.ts';

export function ListingPage() {
  const t = useT();
  const params = useParams();
  const kind = (LISTING_KINDS as readonly string[]).includes(params.kind ?? '') ? (params.kind as ListingKind) : null;
  const id = Number(params.id);
  const listing = useListing(kind ?? 'achievement', id);
  const matches = useMatches(kind ?? 'achievement', id, !!kind && listing.isSuccess);
  if (!kind || !Number.isInteger(id)) return <Result status="404" title={t('market.notFound')} />;
  if (listing.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (listing.isError || !listing.data)
    return (
      <Result
        status="warning"
        title={errorMessage(listing.error)}
        extra={
          <Link to="/market" data-testid="listing-back">
            {t('market.back')}
          </Link>
        }
      />
    );
  const l = listing.data;
  return (
    <>
      <PageHeader
        title={<span data-testid="listing-title">{l.title}</span>}
        subtitle={
          <Space>
            {t(`market.kind.${kind}`)}
            <StatusTag status={l.status} t={t} />
            {l.isSynthetic && <Tag>{t('market.synthetic')}</Tag>}
          </Space>
        }
        extra={<ListingActions listing={l} />}
      />
      {l.statusReason && (
        <Alert
          type="warning"
          showIcon
          title={`${t('market.field.statusReason')}：${l.statusReason}`}
          style={{ marginBottom: 12 }}
          data-testid="listing-reason"
        />
      )}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('market.col.owner')}>{l.owner.name || l.affiliation || ''}</Descriptions.Item>
          <Descriptions.Item label={t('market.col.region')}>{l.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('market.field.field')}>{l.field ?? ''}</Descriptions.Item>
          {l.keywords.length > 0 && <Descriptions.Item label={t('market.field.keywords')}>{l.keywords.join('、')}</Descriptions.Item>}
          {kind === 'achievement' && (
            <>
              <Descriptions.Item label={t('market.field.trl')}>{l.trl ?? ''}</Descriptions.Item>
              <Descriptions.Item label={t('market.field.modes')}>{(l.modes ?? []).map((m) => t(`market.mode.${m}`)).join('、')}</Descriptions.Item>
              <Descriptions.Item label={t('market.field.price')}>{priceText(t, l)}</Descriptions.Item>
              <Descriptions.Item label={t('market.field.ip')}>{l.ip}</Descriptions.Item>
            </>
          )}
          {kind === 'demand' && (
            <>
              <Descriptions.Item label={t('market.field.budget')}>{budgetText(t, l)}</Descriptions.Item>
              <Descriptions.Item label={t('market.field.deadline')}>{l.deadline ?? ''}</Descriptions.Item>
            </>
          )}
          {kind === 'expert' && (
            <>
              <Descriptions.Item label={t('market.field.proTitle')}>{l.proTitle}</Descriptions.Item>
              <Descriptions.Item label={t('market.field.affiliation')}>{l.affiliation}</Descriptions.Item>
            </>
          )}
          {kind === 'broker' && (
            <>
              <Descriptions.Item label={t('market.field.certificateKind')}>
                {l.certificateKind ? t(`market.certificate.${l.certificateKind}`) : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('market.field.certificateNo')}>{l.certificateNo}</Descriptions.Item>
              <Descriptions.Item label={t('market.field.organisation')}>{l.organisation}</Descriptions.Item>
            </>
          )}
          {kind === 'provider' && (
            <Descriptions.Item label={t('market.field.providerKind')}>{l.providerKind ? t(`market.providerKind.${l.providerKind}`) : ''}</Descriptions.Item>
          )}
          {l.contact && <Descriptions.Item label={t('market.field.contact')}>{l.contact}</Descriptions.Item>}
          {l.publishedAt && <Descriptions.Item label={t('market.field.publishedAt')}>{l.publishedAt.slice(0, 16)}</Descriptions.Item>}
        </Descriptions>
        {l.text && (
          <Typography.Paragraph style={{ marginTop: 8, whiteSpace: 'pre-wrap' }} data-testid="listing-text">
            {l.text}
          </Typography.Paragraph>
        )}
      </Card>
      <Card
        size="small"
        title={t('market.matches')}
        extra={<Typography.Text type="secondary">{t('market.matches.hint')}</Typography.Text>}
        style={{ marginBottom: 12 }}
      >
        {matches.isLoading && <Spin />}
        {matches.isError && <Alert type="error" showIcon title={errorMessage(matches.error)} />}
        {matches.data?.groups.map((g) => (
          <MatchTable key={g.kind} kind={g.kind} items={g.items} />
        ))}
      </Card>
      <Card size="small" title={t('market.history')}>
        <HistoryTable entries={l.history} />
      </Card>
    </>
  );
}

function MatchTable({ kind, items }: { kind: ListingKind; items: MatchItem[] }) {
  const t = useT();
  const columns: TableColumnsType<MatchItem> = [
    { key: 'title', title: t('market.col.title'), render: (_, m) => <ListingLink kind={m.kind} id={m.id} title={m.title} /> },
    { key: 'owner', title: t('market.col.owner'), dataIndex: 'ownerName', width: 200 },
    { key: 'score', title: t('market.col.score'), dataIndex: 'score', width: 80 },
    {
      key: 'reasons',
      title: t('market.col.reasons'),
      render: (_, m) => (
        <Space size={[0, 4]} wrap>
          {m.reasons.map((r) => (
            <Tag key={r}>{r}</Tag>
          ))}
        </Space>
      ),
    },
  ];
  return (
    <div style={{ marginBottom: 12 }} data-testid={`matches-${kind}`}>
      <Typography.Text strong>{t(`market.kind.${kind}`)}</Typography.Text>
      <Table<MatchItem>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={items}
        locale={{ emptyText: t('market.matches.none', { kind: t(`market.kind.${kind}`) }) }}
        onRow={() => ({ 'data-testid': 'match-row' }) as object}
      />
    </div>
  );
}

function HistoryTable({ entries }: { entries: HistoryEntry[] }) {
  const t = useT();
  const columns: TableColumnsType<HistoryEntry> = [
    { key: 'at', title: t('market.history.at'), width: 160, render: (_, h) => h.at.slice(0, 16) },
    { key: 'action', title: t('market.col.actions'), width: 110, render: (_, h) => t(`market.action.${h.action}`) },
    { key: 'status', title: t('market.col.status'), width: 120, render: (_, h) => (h.toStatus ? t(`market.status.${h.toStatus}`) : '') },
    { key: 'who', title: t('market.history.actor'), width: 180, render: (_, h) => h.actor ?? t('market.history.system') },
    {
      key: 'what',
      title: t('market.field.statusReason'),
      render: (_, h) =>
        h.reason ??
        Object.keys(h.changes)
          .map((k) => (t(`market.field.${k}`) === `market.field.${k}` ? k : t(`market.field.${k}`)))
          .join('、'),
    },
  ];
  return (
    <Table<HistoryEntry>
      rowKey="id"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={entries}
      onRow={() => ({ 'data-testid': 'history-row' }) as object}
    />
  );
}

/** the owner's edit and submit, the bureau's approve, return and take down */
function ListingActions({ listing: l }: { listing: ListingDetail }) {
  const t = useT();
  const { user } = useAuth();
  const isAdmin = !!user && ADMIN_ROLES.includes(user.role);
  const { message } = App.useApp();
  const move = useMoveListing();
  const [editing, setEditing] = useState(false);
  const [asking, setAsking] = useState<'return' | 'takeDown' | null>(null);
  const run = async (m: ListingMove, reason?: string) => {
    try {
      await move.mutateAsync({ kind: l.kind, id: l.id, move: m, reason });
      void message.success(t('market.moved', { title: l.title }));
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  return (
    <Space>
      {l.canEdit && (
        <Button onClick={() => setEditing(true)} data-testid="listing-edit">
          {t('market.edit')}
        </Button>
      )}
      {l.canSubmit && (
        <Button type="primary" onClick={() => void run('submit')} loading={move.isPending} data-testid="listing-submit">
          {t('market.submit')}
        </Button>
      )}
      {l.canModerate && l.status === 'pending' && (
        <>
          <Button type="primary" onClick={() => void run('approve')} loading={move.isPending} data-testid="listing-approve">
            {t('market.approve')}
          </Button>
          <Button onClick={() => setAsking('return')} data-testid="listing-return">
            {t('market.return')}
          </Button>
        </>
      )}
      {l.canModerate && l.status === 'published' && (
        <Button danger onClick={() => setAsking('takeDown')} data-testid="listing-take-down">
          {t('market.takeDown')}
        </Button>
      )}
      {isAdmin && l.kind === 'broker' && (
        <BoundAccountButton
          url={`/api/market/brokers/${l.id}/accounts`}
          recordName={l.title}
          label={t('market.account.open')}
          title={t('market.account.title', { name: l.title })}
          hint={t('market.account.brokerHint')}
          testId="broker-account"
        />
      )}
      <ListingForm kind={l.kind} listing={l} bureau={l.canModerate} open={editing} onClose={() => setEditing(false)} />
      <ReasonDialog
        title={asking ? t(`market.reasonTitle.${asking}`, { title: l.title }) : ''}
        open={asking !== null}
        onClose={() => setAsking(null)}
        onOk={async (reason) => {
          await run(asking === 'return' ? 'return' : 'take-down', reason);
          setAsking(null);
        }}
      />
    </Space>
  );
}
