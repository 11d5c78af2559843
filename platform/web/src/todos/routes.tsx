/** The to-do inbox's page, for every role (what it lists depends on the role and jurisdiction). */
import { lazy } from 'react';
import { BellOutlined } from '@ant-design/icons';
import type { RoomRoute } from '../room.ts';
import './messages.ts';

const TodosPage = lazy(() => import('./TodosPage.tsx').then((m) => ({ default: m.TodosPage })));

export const todoRoutes: RoomRoute[] = [
  { key: 'todos', path: '/todos', labelKey: 'nav.todos', icon: <BellOutlined />, roles: 'signedIn', component: TodosPage, hideInMenu: true },
];
