/**
 * 绩效评价: the two yearly reviews (产业技术研究院; 孵化器 with 众创空间) — the review's carriers (the carriers
 * room's register, list and dialogs, @kechuang/carriers/web) with how
 * many of the year's figures each has reported, 填报 in a drawer, add/edit/delete a carrier, open a
 * carrier's account (administrators), import a year's figures from Excel, and 发起评价 (a run of the
 * performanceReview preset, graded A/B/C) with the review's past runs a click away.
 */
import { useState } from 'react';
import { App, Button, Drawer, Dropdown, Empty, Popconfirm, Space, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import {
  DownloadOutlined,
  EditOutlined,
  FormOutlined,
  HistoryOutlined,
  PlayCircleOutlined,
  PlusOutlined,
  UploadOutlined,
  DeleteOutlined,
} from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { BoundAccountButton, PageHeader, downloadFile, errorMessage, formatDateTime, useAuth, useConfirmDiscard, useT } from '@kechuang/platform-web';
import {
  CARRIERS,
  CarrierDialog,
  CarrierFiguresForm,
  CarrierImportDialog,
  lastYear,
  levelLabel,
  ProgressTag,
  ReviewYearSelect,
  useCarriers,
  useDeleteCarrier,
  useRefreshCarriers,
  type CarrierListItem,
  type ReviewKind,
} from '@kechuang/carriers/web';
import { useCreateRun, useReviewRuns } from '../api.ts';

const REVIEWS: ReviewKind[] = ['industrialResearchInstitute', 'incubator'];
/** the fewest complete carriers a review grades (presets/performance-review.ts REVIEW_MIN_CARRIERS) */
const MIN_CARRIERS = 5;

function PastRuns({ review }: { review: ReviewKind }) {
  const t = useT();
  const runs = useReviewRuns();
  const mine = (runs.data?.items ?? []).filter((r) => r.source.carrierKind === review).slice(0, 12);
  const items = [
    ...(mine.length
      ? mine.map((r) => ({
          key: String(r.id),
          label: (
            <Link
              to={`/evaluation/runs/${r.id}`}
              data-testid="review-run-link"
            >{`#${r.id} ${r.source.label} · ${formatDateTime(r.computedAt)} · ${t(`ev.status.${r.status}`)}`}</Link>
          ),
        }))
      : [{ key: 'none', label: t('ev.review.noRuns'), disabled: true }]),
    { type: 'divider' as const },
    { key: 'all', label: <Link to="/evaluation/runs">{t('ev.review.allRuns')}</Link> },
  ];
  return (
    <Dropdown menu={{ items }} trigger={['click']}>
      <Button icon={<HistoryOutlined />} loading={runs.isLoading} data-testid="review-past-runs">
        {t('ev.review.pastRuns')}（{mine.length}）
      </Button>
    </Dropdown>
  );
}

export function ReviewsPage() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { hasRole } = useAuth();
  const isAdmin = hasRole('bureauAdmin');
  const [params, setParams] = useSearchParams();
  const review: ReviewKind = params.get('review') === 'incubator' ? 'incubator' : 'industrialResearchInstitute';
  const year = Number(params.get('year')) || lastYear();
  const setParam = (key: string, value: string) => setParams((p) => (p.set(key, value), p), { replace: true });

  const carriers = useCarriers(review, year);
  const remove = useDeleteCarrier();
  const refresh = useRefreshCarriers();
  const createRun = useCreateRun();
  const [filling, setFilling] = useState<CarrierListItem>();
  // the drawer's unsaved figures are not dropped silently: closing it or switching the year asks first
  const confirmDiscard = useConfirmDiscard();
  const [editing, setEditing] = useState<{ carrier?: CarrierListItem }>();
  const [isImporting, setImporting] = useState(false);

  const items = carriers.data?.items ?? [];
  const complete = items.filter((c) => c.required > 0 && c.reported >= c.required).length;

  const onDelete = async (c: CarrierListItem) => {
    try {
      await remove.mutateAsync(c.id);
      void message.success(t('carrier.deleted', { name: c.name }));
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  const onStart = async () => {
    try {
      const { id } = await createRun.mutateAsync({ source: { kind: 'performanceReview', carrierKind: review, year }, options: { samples: 200 } });
      void navigate(`/evaluation/runs/${id}`);
    } catch (e) {
      void message.error({ content: errorMessage(e), duration: 8 });
    }
  };

  const columns: TableColumnsType<CarrierListItem> = [
    {
      title: t('carrier.col.name'),
      dataIndex: 'name',
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (name: string, c) => (
        <Typography.Link onClick={() => setFilling(c)} data-testid="carrier-name-link">
          {name}
        </Typography.Link>
      ),
    },
    { title: t('carrier.col.kind'), dataIndex: 'kind', width: 140, render: (k: string) => t(`carrier.kind.${k}`) },
    { title: t('carrier.col.level'), dataIndex: 'level', width: 90, render: (l: CarrierListItem['level']) => levelLabel(t, l) },
    { title: t('carrier.col.region'), dataIndex: 'regionName', width: 130, sorter: (a, b) => a.regionName.localeCompare(b.regionName, 'zh-CN') },
    {
      title: t('carrier.col.progress'),
      key: 'progress',
      width: 150,
      sorter: (a, b) => a.reported / (a.required || 1) - b.reported / (b.required || 1),
      render: (_: unknown, c) => <ProgressTag reported={c.reported} required={c.required} />,
    },
    { title: t('carrier.col.accounts'), dataIndex: 'accounts', width: 80, align: 'right' },
    {
      title: t('carrier.col.actions'),
      key: 'actions',
      width: isAdmin ? 360 : 260,
      render: (_: unknown, c) => (
        <Space size={0} style={{ whiteSpace: 'nowrap' }}>
          <Button type="link" size="small" icon={<FormOutlined />} onClick={() => setFilling(c)} data-testid="carrier-fill">
            {t('carrier.fill')}
          </Button>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ carrier: c })} data-testid="carrier-edit">
            {t('carrier.edit')}
          </Button>
          <Popconfirm title={t('carrier.deleteConfirm', { name: c.name })} onConfirm={() => onDelete(c)} okButtonProps={{ danger: true }}>
            <Button type="link" size="small" danger icon={<DeleteOutlined />} data-testid="carrier-delete">
              {t('carrier.delete')}
            </Button>
          </Popconfirm>
          {isAdmin && (
            <BoundAccountButton
              url={`${CARRIERS}/${c.id}/accounts`}
              recordName={c.name}
              label={t('carrier.account.open')}
              title={t('carrier.account.title', { name: c.name })}
              hint={t('carrier.account.hint')}
              button={{ type: 'link', size: 'small' }}
              testId="carrier-account"
              onCreated={() => void refresh()}
            />
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('ev.review.title')}
        subtitle={t('ev.review.subtitle')}
        extra={<ReviewYearSelect value={year} onChange={(y) => void confirmDiscard().then((ok) => ok && setParam('year', String(y)))} testId="review-year" />}
      />
      <Tabs
        activeKey={review}
        onChange={(k) => setParam('review', k)}
        items={REVIEWS.map((r) => ({ key: r, label: <span data-testid={`review-tab-${r}`}>{t(`ev.review.tab.${r}`)}</span> }))}
      />
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="carrier-new">
            {t('carrier.new')}
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="carrier-import">
            {t('carrier.import')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => downloadFile(`${CARRIERS}/import-template`, { review, year }).catch((e: unknown) => message.error(errorMessage(e)))}
          >
            {t('carrier.template')}
          </Button>
        </Space>
        <Space wrap>
          <PastRuns review={review} />
          <Popconfirm title={t('ev.review.startConfirm', { year, review: t(`ev.review.tab.${review}`) })} onConfirm={() => onStart()}>
            <Button type="primary" icon={<PlayCircleOutlined />} loading={createRun.isPending} data-testid="review-start">
              {t('ev.review.start')}
            </Button>
          </Popconfirm>
        </Space>
      </Space>
      <Typography.Paragraph type="secondary" data-testid="review-count">
        {t('ev.review.count', { n: items.length, complete, year, min: MIN_CARRIERS })}
      </Typography.Paragraph>
      <Table<CarrierListItem>
        rowKey="id"
        size="small"
        loading={carriers.isLoading}
        columns={columns}
        dataSource={items}
        pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: carriers.isError ? errorMessage(carriers.error) : <Empty description={t('carrier.empty')} /> }}
        onRow={() => ({ 'data-testid': 'carrier-row' }) as object}
        data-testid="carrier-table"
      />
      <Drawer
        open={!!filling}
        size={720}
        title={filling ? t('carrier.drawer.title', { name: filling.name, year }) : ''}
        onClose={() => void confirmDiscard().then((ok) => ok && setFilling(undefined))}
        destroyOnHidden
        data-testid="carrier-drawer"
      >
        {filling && <CarrierFiguresForm key={`${filling.id}-${year}`} carrierId={filling.id} year={year} />}
      </Drawer>
      <CarrierDialog open={!!editing} review={review} carrier={editing?.carrier} onClose={() => setEditing(undefined)} />
      <CarrierImportDialog open={isImporting} review={review} year={year} onClose={() => setImporting(false)} />
    </>
  );
}
