/** The header's 消息 button: how many notifications are unread, one click to the list. */
import { Badge, Button, Tooltip } from 'antd';
import { MessageOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useT } from '../i18n.ts';
import { useUnreadCount } from './api.ts';

export function NotificationBell() {
  const t = useT();
  const unread = useUnreadCount().data?.unread ?? 0;
  return (
    <Tooltip title={t('notification.bell', { n: unread })}>
      <Link to="/notifications" data-testid="notification-bell" aria-label={t('notification.bell', { n: unread })}>
        <Badge count={unread} overflowCount={99} size="small">
          <Button type="text" icon={<MessageOutlined style={{ fontSize: 18 }} />}>
            {t('nav.notifications')}
          </Button>
        </Badge>
      </Link>
    </Tooltip>
  );
}
