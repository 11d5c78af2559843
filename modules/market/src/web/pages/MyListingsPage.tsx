/**
 * 我的发布: the listings of the user's own organisation (an enterprise's demands; an institute's achievements and
 * experts; a broker's own listing) of every status, a new one created here, submitted for review from its page.
 */
import { useState } from 'react';
import { Button, Result, Space, Spin, Table, Tabs, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { PageHeader, useT } from '@kechuang/platform-web';
import { useListings, useMarketMe } from '../api.ts';
import { ListingLink, listingPath, StatusTag } from '../components/labels.tsx';
import { ListingForm } from '../components/ListingForm.tsx';
import type { Listing, ListingKind } from '../types.ts';

export function MyListingsPage() {
  const t = useT();
  const me = useMarketMe();
  const navigate = useNavigate();
  const kinds: ListingKind[] = me.data ? (me.data.owner?.kind === 'broker' ? ['broker'] : me.data.creates) : [];
  const [chosen, setChosen] = useState<ListingKind | null>(null);
  const kind = chosen && kinds.includes(chosen) ? chosen : (kinds[0] ?? 'demand');
  const [creating, setCreating] = useState(false);
  const list = useListings(kind, { mine: true, pageSize: 100 });

  if (me.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (kinds.length === 0) return <Result status="info" title={t('market.mine.none')} />;
  const columns: TableColumnsType<Listing> = [
    { key: 'title', title: t('market.col.title'), render: (_, l) => <ListingLink kind={l.kind} id={l.id} title={l.title} /> },
    { key: 'status', title: t('market.col.status'), width: 100, render: (_, l) => <StatusTag status={l.status} t={t} /> },
    { key: 'reason', title: t('market.field.statusReason'), render: (_, l) => l.statusReason ?? '' },
    { key: 'updated', title: t('market.col.updated'), width: 170, render: (_, l) => l.updatedAt.slice(0, 16) },
  ];
  return (
    <>
      <PageHeader
        title={t('nav.marketMine')}
        subtitle={me.data?.owner?.name ? `${me.data.owner.name} · ${t('market.mine.subtitle')}` : t('market.mine.subtitle')}
        extra={
          me.data?.creates.includes(kind) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="listing-new">
              {t('market.new', { kind: t(`market.kind.${kind}`) })}
            </Button>
          )
        }
      />
      {kinds.length > 1 && (
        <Tabs
          activeKey={kind}
          onChange={(k) => setChosen(k as ListingKind)}
          items={kinds.map((k) => ({ key: k, label: <span data-testid={`mine-tab-${k}`}>{t(`market.kind.${k}`)}</span> }))}
        />
      )}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Table<Listing>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('market.empty') }}
          onRow={() => ({ 'data-testid': 'mine-row' }) as object}
          pagination={false}
          data-testid="mine-table"
        />
      </Space>
      <ListingForm
        kind={kind}
        listing={null}
        bureau={!!me.data?.moderator}
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(l) => navigate(listingPath(l.kind, l.id))}
      />
    </>
  );
}
