/**
 * 指标目录: the catalogue as a DataTable; the bureau creates and edits entries in a drawer. Names in the UI's
 * language: Chinese only in the Chinese UI; in English the English name with the Chinese (official) one under it.
 */
import { useMemo, useState } from 'react';
import { Button, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { EditOutlined, EyeOutlined, PlusOutlined, StarFilled } from '@ant-design/icons';
import { BUREAU_ROLES, DataTable, PageHeader, useAuth, useLang, useT } from '@kechuang/platform-web';
import { useCatalogue } from '../api.ts';
import { IndicatorDrawer } from '../components/IndicatorDrawer.tsx';
import { PlansCard } from '../components/PlansCard.tsx';
import { indicatorName, planShort } from '../format.ts';
import type { CatalogueItem, Indicator } from '../types.ts';

export function CataloguePage() {
  const t = useT();
  const lang = useLang();
  const { hasRole } = useAuth();
  const canEdit = hasRole(...BUREAU_ROLES);
  const catalogue = useCatalogue();
  const [category, setCategory] = useState<string>();
  const [headline, setHeadline] = useState<'true' | 'false'>();
  const [open, setOpen] = useState<{ entry: Indicator | null } | null>(null);
  const categories = [...new Set((catalogue.data?.items ?? []).map((i) => i.category))];

  const columns = useMemo<TableColumnsType<CatalogueItem>>(
    () => [
      {
        title: t('ind.catalogue.code'),
        dataIndex: 'code',
        sorter: true,
        width: 250,
        render: (c: string) => (
          <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
            {c}
          </Typography.Text>
        ),
      },
      {
        title: t('ind.field.indicator'),
        key: 'nameZh',
        dataIndex: 'nameZh',
        sorter: true,
        width: 300,
        render: (_: unknown, i) => (
          <div>
            {i.isHeadline && <StarFilled style={{ color: '#faad14', marginInlineEnd: 4 }} title={t('ind.catalogue.isHeadline')} />}
            {indicatorName({ nameZh: i.nameZh, nameEn: i.nameEn }, lang)}
            {lang === 'en' && i.nameEn && <div style={{ fontSize: 12, color: '#8c8c8c' }}>{i.nameZh}</div>}
          </div>
        ),
      },
      { title: t('ind.field.unit'), dataIndex: 'unit', sorter: true, width: 80 },
      { title: t('ind.catalogue.category'), dataIndex: 'category', sorter: true, width: 120, render: (c: string) => <Tag>{c}</Tag> },
      {
        title: t('ind.catalogue.plans'),
        dataIndex: 'plans',
        width: 140,
        render: (plans: string[], i) => (
          <span data-testid={`plans-${i.code}`}>
            {plans.map((p) => (
              <Tag key={p} color="blue">
                {planShort({ code: p }, lang)}
              </Tag>
            ))}
          </span>
        ),
      },
      { title: t('ind.catalogue.direction'), dataIndex: 'direction', width: 100, render: (d: Indicator['direction']) => t(`ind.direction.${d}`) },
      { title: t('ind.catalogue.rollup'), dataIndex: 'rollup', width: 90, render: (r: Indicator['rollup']) => t(`ind.rollup.${r}`) },
      { title: t('ind.catalogue.dataSource'), dataIndex: 'dataSource', ellipsis: true, width: 170 },
      { title: t('ind.catalogue.sort'), dataIndex: 'sort', sorter: true, width: 80, align: 'right' },
      {
        title: t('common.actions'),
        key: 'actions',
        width: 90,
        render: (_: unknown, i) => (
          <Button type="link" size="small" icon={canEdit ? <EditOutlined /> : <EyeOutlined />} onClick={() => setOpen({ entry: i })}>
            {canEdit ? t('common.edit') : t('ind.catalogue.view')}
          </Button>
        ),
      },
    ],
    [t, lang, canEdit],
  );

  return (
    <>
      <PageHeader title={t('ind.catalogue.title')} subtitle={t('ind.catalogue.subtitle')} />
      <DataTable<CatalogueItem>
        url="/api/indicators"
        rowKey="code"
        columns={columns}
        params={{ category, headline }}
        defaultSort={{ field: 'sort', order: 'ascend' }}
        defaultPageSize={50}
        scrollX="max-content"
        size="small"
        searchPlaceholder={t('ind.catalogue.searchPlaceholder')}
        filters={
          <>
            <Select
              allowClear
              placeholder={t('ind.catalogue.category')}
              style={{ width: 140 }}
              value={category}
              onChange={setCategory}
              options={categories.map((c) => ({ value: c, label: c }))}
            />
            <Select
              allowClear
              placeholder={t('ind.catalogue.isHeadline')}
              style={{ width: 140 }}
              value={headline}
              onChange={setHeadline}
              options={[
                { value: 'true', label: t('ind.catalogue.headlineOnly') },
                { value: 'false', label: `${t('common.no')} ${t('ind.catalogue.isHeadline')}` },
              ]}
            />
          </>
        }
        actions={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen({ entry: null })}>
              {t('ind.catalogue.create')}
            </Button>
          )
        }
      />
      <PlansCard canEdit={canEdit} />
      <IndicatorDrawer open={!!open} entry={open?.entry ?? null} canEdit={canEdit} onClose={() => setOpen(null)} />
    </>
  );
}
