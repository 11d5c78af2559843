/** 挂牌审核: the bureau's queue of listings waiting for review, oldest first — approve, or return with a reason. */
import { useState } from 'react';
import { App, Button, Space, Table, type TableColumnsType } from 'antd';
import { PageHeader, errorMessage, useT } from '@kechuang/platform-web';
import { useMoveListing, useQueue } from '../api.ts';
import { ListingLink } from '../components/labels.tsx';
import { ReasonDialog } from '../components/ReasonDialog.tsx';
import type { QueueItem } from '../types.ts';

export function ModerationPage() {
  const t = useT();
  const { message } = App.useApp();
  const queue = useQueue();
  const move = useMoveListing();
  const [returning, setReturning] = useState<QueueItem | null>(null);
  const run = async (q: QueueItem, m: 'approve' | 'return', reason?: string) => {
    try {
      await move.mutateAsync({ kind: q.kind, id: q.id, move: m, reason });
      void message.success(t('market.moved', { title: q.title }));
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  const columns: TableColumnsType<QueueItem> = [
    { key: 'kind', title: t('market.col.kind'), width: 100, render: (_, q) => t(`market.kind.${q.kind}`) },
    { key: 'title', title: t('market.col.title'), render: (_, q) => <ListingLink kind={q.kind} id={q.id} title={q.title} /> },
    { key: 'owner', title: t('market.col.owner'), dataIndex: 'ownerName', width: 220 },
    { key: 'region', title: t('market.col.region'), dataIndex: 'regionName', width: 120 },
    { key: 'updated', title: t('market.col.updated'), width: 160, render: (_, q) => q.updatedAt.slice(0, 16) },
    {
      key: 'actions',
      title: t('market.col.actions'),
      width: 180,
      render: (_, q) => (
        <Space>
          <Button size="small" type="primary" onClick={() => void run(q, 'approve')} data-testid="queue-approve">
            {t('market.approve')}
          </Button>
          <Button size="small" onClick={() => setReturning(q)} data-testid="queue-return">
            {t('market.return')}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('nav.marketModeration')} subtitle={t('market.queue.subtitle')} />
      <Table<QueueItem>
        rowKey={(q) => `${q.kind}-${q.id}`}
        size="small"
        loading={queue.isFetching}
        columns={columns}
        dataSource={queue.data?.items ?? []}
        locale={{ emptyText: t('market.queue.empty') }}
        onRow={() => ({ 'data-testid': 'queue-row' }) as object}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        data-testid="queue-table"
      />
      <ReasonDialog
        title={returning ? t('market.reasonTitle.return', { title: returning.title }) : ''}
        open={returning !== null}
        onClose={() => setReturning(null)}
        onOk={async (reason) => {
          if (returning) await run(returning, 'return', reason);
          setReturning(null);
        }}
      />
    </>
  );
}
