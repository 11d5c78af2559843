/** The notifications' page, for every role (each account sees its own). */
import { lazy } from 'react';
import { MessageOutlined } from '@ant-design/icons';
import type { RoomRoute } from '../room.ts';
import './messages.ts';

const NotificationsPage = lazy(() => import('./NotificationsPage.tsx').then((m) => ({ default: m.NotificationsPage })));

export const notificationRoutes: RoomRoute[] = [
  {
    key: 'notifications',
    path: '/notifications',
    labelKey: 'nav.notifications',
    icon: <MessageOutlined />,
    roles: 'signedIn',
    component: NotificationsPage,
    hideInMenu: true,
  },
];
