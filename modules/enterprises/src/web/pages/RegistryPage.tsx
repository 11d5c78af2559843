/** 企业库: the registry as a DataTable — search by name or USCC, filters, tier tags, a link to each profile. */
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Button, Select, Space, Tag, Tooltip, type TableColumnsType } from 'antd';
import { ExperimentOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { BUREAU_ROLES, DataTable, PageHeader, useAuth, useT } from '@kechuang/platform-web';
import { ROOT, useChains } from '../api.ts';
import { EnterpriseDrawer } from '../components/EnterpriseDrawer.tsx';
import { TierTag } from '../components/TierTag.tsx';
import { UnitSelect } from '../components/UnitSelect.tsx';
import { HNTE_FIELDS, TIERS } from '../labels.ts';
import { wan } from '../format.ts';
import type { EnterpriseListItem, HnteField, Tier } from '../types.ts';

const ROW_ATTRS = { 'data-testid': 'enterprise-row' } as HTMLAttributes<HTMLElement>;

export function RegistryPage() {
  const t = useT();
  const navigate = useNavigate();
  const { hasRole } = useAuth();
  const canCreate = hasRole(...BUREAU_ROLES);
  const chains = useChains();
  const [region, setRegion] = useState<string>();
  const [tier, setTier] = useState<Tier>();
  const [chain, setChain] = useState<string>();
  const [aboveScale, setAboveScale] = useState<'true' | 'false'>();
  const [hnteField, setHnteField] = useState<HnteField>();
  const [isCreating, setCreating] = useState(false);
  const chainName = useMemo(() => new Map((chains.data?.items ?? []).map((c) => [c.code, c.name])), [chains.data]);

  const columns = useMemo<TableColumnsType<EnterpriseListItem>>(
    () => [
      {
        title: t('ent.field.name'),
        dataIndex: 'name',
        sorter: true,
        render: (name: string, e) => (
          <div>
            <Space size={4}>
              <Link to={`/enterprises/${e.id}`} data-testid="enterprise-link">
                {name}
              </Link>
              {e.isSynthetic && (
                <Tooltip title={t('ent.synthetic')}>
                  <ExperimentOutlined style={{ color: '#fa8c16' }} />
                </Tooltip>
              )}
            </Space>
            <div style={{ fontFamily: 'monospace', fontSize: 12, color: '#8c8c8c' }}>{e.uscc}</div>
          </div>
        ),
      },
      { title: t('ent.field.region'), key: 'regionCode', dataIndex: 'regionName', sorter: true, width: 120 },
      { title: t('ent.field.tier'), dataIndex: 'tier', width: 140, render: (tier: Tier) => <TierTag tier={tier} /> },
      {
        title: t('ent.field.hnteField'),
        dataIndex: 'hnteField',
        width: 130,
        render: (f: HnteField | null) => (f ? t(`ent.hnteField.${f}`) : '—'),
      },
      {
        title: t('ent.field.chainTags'),
        dataIndex: 'chainTags',
        width: 150,
        render: (tags: string[]) => (tags.length ? tags.map((c) => <Tag key={c}>{chainName.get(c) ?? c}</Tag>) : '—'),
      },
      {
        title: t('ent.aboveScaleShort'),
        dataIndex: 'isAboveScale',
        width: 64,
        align: 'center',
        render: (v: boolean) => (v ? <Tag color="green">{t('ent.aboveScaleShort')}</Tag> : ''),
      },
      { title: t('ent.field.latestYear'), dataIndex: 'latestYear', sorter: true, width: 100, align: 'right', render: (y: number | null) => y ?? '—' },
      { title: t('ent.field.revenueWan'), dataIndex: 'revenue', sorter: true, width: 130, align: 'right', render: (v: number | null) => wan(v) },
      { title: t('ent.field.rdExpenseWan'), dataIndex: 'rdExpense', sorter: true, width: 130, align: 'right', render: (v: number | null) => wan(v) },
    ],
    [t, chainName],
  );

  return (
    <>
      <PageHeader title={t('ent.registry.title')} subtitle={t('ent.registry.subtitle')} />
      <DataTable<EnterpriseListItem>
        url={ROOT}
        rowKey="id"
        columns={columns}
        params={{ region, tier, chain, aboveScale, hnteField }}
        searchPlaceholder={t('ent.registry.searchPlaceholder')}
        searchTestId="enterprise-search"
        size="small"
        scrollX={1150}
        onRow={() => ROW_ATTRS}
        data-testid="enterprise-table"
        filters={
          <>
            <UnitSelect value={region} onChange={setRegion} allowClear withDistrict width={150} hideWhenSingle testId="enterprise-region" />
            <Select
              allowClear
              placeholder={t('ent.field.tier')}
              style={{ width: 150 }}
              value={tier}
              onChange={setTier}
              options={TIERS.map((x) => ({ value: x, label: t(`ent.tier.${x}`) }))}
              data-testid="enterprise-tier"
            />
            <Select
              allowClear
              placeholder={t('ent.field.chainTags')}
              style={{ width: 130 }}
              value={chain}
              onChange={setChain}
              loading={chains.isLoading}
              options={(chains.data?.items ?? []).map((c) => ({ value: c.code, label: c.name }))}
            />
            <Select
              allowClear
              placeholder={t('ent.field.aboveScale')}
              style={{ width: 120 }}
              value={aboveScale}
              onChange={setAboveScale}
              options={[
                { value: 'true', label: t('ent.aboveScale.yes') },
                { value: 'false', label: t('ent.aboveScale.no') },
              ]}
            />
            <Select
              allowClear
              placeholder={t('ent.field.hnteField')}
              style={{ width: 160 }}
              value={hnteField}
              onChange={setHnteField}
              options={HNTE_FIELDS.map((f) => ({ value: f, label: t(`ent.hnteField.${f}`) }))}
            />
          </>
        }
        actions={
          canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="enterprise-create">
              {t('ent.registry.create')}
            </Button>
          )
        }
      />
      <EnterpriseDrawer open={isCreating} enterprise={null} onClose={() => setCreating(false)} onCreated={(id) => navigate(`/enterprises/${id}`)} />
    </>
  );
}
