/**
 * 消息: the signed-in account's notifications, newest first — pushed matches, listings sent back, the daily
 * digest. Unread ones stand out; opening one marks it read and goes where it points. A digest links here
 * with `?day=`, which narrows the list to that bureau day.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { Notification } from '@kechuang/platform-core';
import { errorMessage } from '../api.ts';
import { formatDateTime } from '../format.ts';
import { useT } from '../i18n.ts';
import { PageHeader } from '../PageHeader.tsx';
import { useMarkRead, useNotifications, useUnreadCount } from './api.ts';

const PAGE_SIZE = 20;

export function NotificationsPage() {
  const t = useT();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const day = search.get('day');
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const list = useNotifications({ page, pageSize: PAGE_SIZE, unread: unreadOnly, day });
  const unread = useUnreadCount().data?.unread ?? 0;
  const markRead = useMarkRead();

  const open = async (n: Notification) => {
    if (!n.read) await markRead.mutateAsync(n.id);
    if (n.link) void navigate(n.link);
  };

  return (
    <>
      <PageHeader
        title={t('nav.notifications')}
        subtitle={t('notification.subtitle', { n: unread })}
        extra={
          <Button onClick={() => markRead.mutate(undefined)} disabled={unread === 0} loading={markRead.isPending} data-testid="notification-read-all">
            {t('notification.readAll')}
          </Button>
        }
      />
      <Space style={{ marginBottom: 16 }} wrap>
        <Segmented
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => {
            setUnreadOnly(v === 'unread');
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('notification.all') },
            { value: 'unread', label: t('notification.unread') },
          ]}
        />
        {day && (
          <Tag
            closable
            onClose={() => {
              search.delete('day');
              setSearch(search);
              setPage(1);
            }}
            data-testid="notification-day"
          >
            {t('notification.day', { day })}
          </Tag>
        )}
      </Space>
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error)} />}
      <List
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('notification.none')} /> }}
        pagination={
          (list.data?.total ?? 0) > PAGE_SIZE && { current: page, pageSize: PAGE_SIZE, total: list.data?.total, onChange: setPage, showSizeChanger: false }
        }
        renderItem={(n) => (
          <List.Item
            data-testid="notification-item"
            extra={<Typography.Text type="secondary">{formatDateTime(n.at)}</Typography.Text>}
            actions={[
              n.link && (
                <Button type="link" size="small" onClick={() => void open(n)} key="open">
                  {t('notification.open')}
                </Button>
              ),
              !n.read && (
                <Button type="link" size="small" onClick={() => markRead.mutate(n.id)} key="read">
                  {t('notification.markRead')}
                </Button>
              ),
            ].filter(Boolean)}
          >
            <List.Item.Meta
              avatar={<Badge status={n.read ? 'default' : 'processing'} />}
              title={<Typography.Text strong={!n.read}>{n.title}</Typography.Text>}
              description={n.body && <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 0 }}>{n.body}</Typography.Paragraph>}
            />
          </List.Item>
        )}
      />
    </>
  );
}
