/**
 * 技术市场: the listings of each kind in a tab (成果 / 需求 / 专家 / 经纪人 / 服务机构), a search box (a text of two
 * characters or more is ranked by the matching engine, with its reasons) and filters. Everyone signed in sees the
 * published listings; owners their own too, the bureau everything in its jurisdiction (status filter), a town
 * officer its town's.
 */
import { useState } from 'react';
import { Alert, Input, InputNumber, Select, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { PageHeader, errorMessage, useT, useUnits } from '@kechuang/platform-web';
import { useListings, useMarketMe } from '../api.ts';
import { budgetText, ListingLink, priceText, StatusTag } from '../components/labels.tsx';
import {
  LISTING_KINDS,
  LISTING_STATUSES,
  MARKET_FIELDS,
  QUERY_MAX,
  QUERY_MIN,
  TRANSFER_MODES,
  type Listing,
  type ListingKind,
  type ListingSearch,
} from '../types.ts';

const PAGE_SIZE = 20;

export function MarketPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const kind = (LISTING_KINDS as readonly string[]).includes(params.get('kind') ?? '') ? (params.get('kind') as ListingKind) : 'achievement';
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState<Omit<ListingSearch, 'q' | 'page' | 'pageSize'>>({});
  const [page, setPage] = useState(1);
  const me = useMarketMe();
  const units = useUnits();
  const search: ListingSearch = { ...filters, page, pageSize: PAGE_SIZE, ...(q.trim().length >= QUERY_MIN ? { q: q.trim() } : {}) };
  const list = useListings(kind, search);
  const ranked = list.data?.ranked ?? false;

  const setKind = (k: string) => {
    setParams({ kind: k });
    setPage(1);
    setFilters((f) => ({ field: f.field, status: f.status }));
  };
  const filter = (patch: Partial<ListingSearch>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  const columns: TableColumnsType<Listing> = [
    { key: 'title', title: t('market.col.title'), width: 260, render: (_, l) => <ListingLink kind={l.kind} id={l.id} title={l.title} /> },
    { key: 'owner', title: t('market.col.owner'), width: 200, render: (_, l) => l.owner.name || l.affiliation || l.organisation || '' },
    { key: 'field', title: t('market.col.field'), dataIndex: 'field', width: 100 },
    ...(kind === 'achievement'
      ? [
          { key: 'trl', title: t('market.col.trl'), width: 80, render: (_: unknown, l: Listing) => (l.trl ? `TRL ${l.trl}` : '') },
          { key: 'price', title: t('market.col.price'), width: 110, render: (_: unknown, l: Listing) => priceText(t, l) },
        ]
      : []),
    ...(kind === 'demand' ? [{ key: 'budget', title: t('market.col.budget'), width: 140, render: (_: unknown, l: Listing) => budgetText(t, l) }] : []),
    ...(kind === 'provider'
      ? [
          {
            key: 'pk',
            title: t('market.field.providerKind'),
            width: 110,
            render: (_: unknown, l: Listing) => (l.providerKind ? t(`market.providerKind.${l.providerKind}`) : ''),
          },
        ]
      : []),
    { key: 'region', title: t('market.col.region'), dataIndex: 'regionName', width: 110 },
    { key: 'status', title: t('market.col.status'), width: 90, render: (_, l) => <StatusTag status={l.status} t={t} /> },
    ...(ranked
      ? [
          { key: 'score', title: t('market.col.score'), width: 80, render: (_: unknown, l: Listing) => l.score },
          {
            key: 'reasons',
            title: t('market.col.reasons'),
            render: (_: unknown, l: Listing) => (
              <Space size={[0, 4]} wrap data-testid="listing-reasons">
                {(l.reasons ?? []).map((r) => (
                  <Tag key={r}>{r}</Tag>
                ))}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader title={t('nav.market')} subtitle={t('market.subtitle')} />
      <Tabs
        activeKey={kind}
        onChange={setKind}
        items={LISTING_KINDS.map((k) => ({ key: k, label: <span data-testid={`market-tab-${k}`}>{t(`market.kind.${k}`)}</span> }))}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          maxLength={QUERY_MAX}
          placeholder={t('market.search')}
          style={{ width: 420 }}
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
          data-testid="market-search"
        />
        <Select
          allowClear
          placeholder={t('market.filter.field')}
          style={{ width: 120 }}
          value={filters.field}
          onChange={(v) => filter({ field: v })}
          options={MARKET_FIELDS.map((f) => ({ value: f, label: f }))}
          data-testid="market-filter-field"
        />
        {kind === 'achievement' && (
          <>
            <InputNumber
              min={1}
              max={9}
              placeholder={t('market.filter.trl')}
              style={{ width: 130 }}
              value={filters.trlMin}
              onChange={(v) => filter({ trlMin: v ?? undefined })}
            />
            <Select
              allowClear
              placeholder={t('market.filter.mode')}
              style={{ width: 130 }}
              value={filters.mode}
              onChange={(v) => filter({ mode: v })}
              options={TRANSFER_MODES.map((m) => ({ value: m, label: t(`market.mode.${m}`) }))}
            />
          </>
        )}
        {me.data?.moderator && (
          <Select
            allowClear
            placeholder={t('market.col.region')}
            style={{ width: 150 }}
            value={filters.town}
            onChange={(v) => filter({ town: v })}
            options={(units.data?.units ?? []).map((u) => ({ value: u.code, label: u.name }))}
            data-testid="market-filter-town"
          />
        )}
        {(me.data?.moderator || me.data?.owner) && (
          <Select
            allowClear
            placeholder={t('market.filter.status')}
            style={{ width: 120 }}
            value={filters.status}
            onChange={(v) => filter({ status: v })}
            options={LISTING_STATUSES.map((s) => ({ value: s, label: t(`market.status.${s}`) }))}
            data-testid="market-filter-status"
          />
        )}
      </Space>
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} data-testid="market-error" />}
      {ranked && (
        <Typography.Paragraph type="secondary" data-testid="market-ranked">
          {t('market.ranked', { n: list.data?.total ?? 0 })}
        </Typography.Paragraph>
      )}
      <Table<Listing>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('market.empty') }}
        onRow={() => ({ 'data-testid': 'listing-row' }) as object}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage }}
        data-testid="market-table"
      />
    </>
  );
}
