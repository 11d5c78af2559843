/** The administration pages: users, parks and the audit log (bureau administrators only). */
import { lazy } from 'react';
import { AuditOutlined, EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import type { RoomRoute } from '../room.ts';
import { ADMIN_ROLES } from '../roles.ts';
import './messages.ts';

const UsersPage = lazy(() => import('./UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const ParksPage = lazy(() => import('./ParksPage.tsx').then((m) => ({ default: m.ParksPage })));
const AuditPage = lazy(() => import('./AuditPage.tsx').then((m) => ({ default: m.AuditPage })));

export const adminRoutes: RoomRoute[] = [
  { key: 'users', path: '/admin/users', labelKey: 'nav.users', icon: <TeamOutlined />, roles: ADMIN_ROLES, component: UsersPage, groupKey: 'nav.admin' },
  { key: 'parks', path: '/admin/parks', labelKey: 'nav.parks', icon: <EnvironmentOutlined />, roles: ADMIN_ROLES, component: ParksPage, groupKey: 'nav.admin' },
  { key: 'audit', path: '/admin/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, roles: ADMIN_ROLES, component: AuditPage, groupKey: 'nav.admin' },
];
