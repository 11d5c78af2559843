/**
 * The registry room's pages, menu entries and who may open each. Pages load lazily, one chunk each.
 * leader: read only; townOfficer: the enterprises of their town (and imports of them); enterpriseUser: their own profile only.
 */
import { lazy } from 'react';
import { ApartmentOutlined, BankOutlined, BarChartOutlined, CloudUploadOutlined, ProfileOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { BUREAU_ROLES, READ_ROLES, type RoomRoute } from '@kechuang/platform-web';
import './messages.ts';

const RegistryPage = lazy(() => import('./pages/RegistryPage.tsx').then((m) => ({ default: m.RegistryPage })));
const ProfilePage = lazy(() => import('./pages/ProfilePage.tsx').then((m) => ({ default: m.ProfilePage })));
const MyEnterprisePage = lazy(() => import('./pages/MyEnterprisePage.tsx').then((m) => ({ default: m.MyEnterprisePage })));
const WorkListsPage = lazy(() => import('./pages/WorkListsPage.tsx').then((m) => ({ default: m.WorkListsPage })));
const ImportPage = lazy(() => import('./pages/ImportPage.tsx').then((m) => ({ default: m.ImportPage })));
const TiersPage = lazy(() => import('./pages/TiersPage.tsx').then((m) => ({ default: m.TiersPage })));

const GROUP = 'nav.registryGroup';

export const enterpriseRoutes: RoomRoute[] = [
  {
    key: 'my-enterprise',
    path: '/my-enterprise',
    labelKey: 'nav.myEnterprise',
    icon: <BankOutlined />,
    roles: ['enterpriseUser'],
    component: MyEnterprisePage,
  },
  {
    key: 'enterprises',
    path: '/enterprises',
    labelKey: 'nav.enterprises',
    icon: <ApartmentOutlined />,
    roles: READ_ROLES,
    component: RegistryPage,
    groupKey: GROUP,
  },
  {
    key: 'enterprise-profile',
    path: '/enterprises/:id',
    labelKey: 'nav.enterpriseProfile',
    icon: <ProfileOutlined />,
    roles: [...READ_ROLES, 'enterpriseUser'],
    component: ProfilePage,
    groupKey: GROUP,
    hideInMenu: true,
  },
  {
    key: 'worklists',
    path: '/worklists',
    labelKey: 'nav.worklists',
    icon: <UnorderedListOutlined />,
    roles: READ_ROLES,
    component: WorkListsPage,
    groupKey: GROUP,
  },
  { key: 'tiers', path: '/tiers', labelKey: 'nav.tiers', icon: <BarChartOutlined />, roles: READ_ROLES, component: TiersPage, groupKey: GROUP },
  {
    key: 'enterprise-import',
    path: '/enterprise-import',
    labelKey: 'nav.enterpriseImport',
    icon: <CloudUploadOutlined />,
    roles: [...BUREAU_ROLES, 'townOfficer'],
    component: ImportPage,
    groupKey: GROUP,
  },
];
