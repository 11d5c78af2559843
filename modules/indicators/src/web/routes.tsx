/** The indicators room's pages, menu entries and who may open each. Pages load lazily, one chunk each. */
import { lazy } from 'react';
import {
  BookOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  LineChartOutlined,
  TableOutlined,
  TrophyOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { BUREAU_ROLES, READ_ROLES, VALUE_WRITE_ROLES, type RoomRoute } from '@kechuang/platform-web';
import './messages.ts';

const CockpitPage = lazy(() => import('./pages/CockpitPage.tsx').then((m) => ({ default: m.CockpitPage })));
const LeaguePage = lazy(() => import('./pages/LeaguePage.tsx').then((m) => ({ default: m.LeaguePage })));
const ReportPage = lazy(() => import('./pages/ReportPage.tsx').then((m) => ({ default: m.ReportPage })));
const TrendPage = lazy(() => import('./pages/TrendPage.tsx').then((m) => ({ default: m.TrendPage })));
const ValuesPage = lazy(() => import('./pages/ValuesPage.tsx').then((m) => ({ default: m.ValuesPage })));
const ImportPage = lazy(() => import('./pages/ImportPage.tsx').then((m) => ({ default: m.ImportPage })));
const WallPage = lazy(() => import('./pages/WallPage.tsx').then((m) => ({ default: m.WallPage })));
const CataloguePage = lazy(() => import('./pages/CataloguePage.tsx').then((m) => ({ default: m.CataloguePage })));

const GROUP = 'nav.monitoring';

// leader: read only; townOfficer: their town, and imports of its actuals; the bureau: everything here
export const indicatorRoutes: RoomRoute[] = [
  { key: 'cockpit', path: '/cockpit', labelKey: 'nav.cockpit', icon: <DashboardOutlined />, roles: READ_ROLES, component: CockpitPage, groupKey: GROUP },
  { key: 'league', path: '/league', labelKey: 'nav.league', icon: <TrophyOutlined />, roles: READ_ROLES, component: LeaguePage, groupKey: GROUP },
  { key: 'report', path: '/report', labelKey: 'nav.report', icon: <TableOutlined />, roles: READ_ROLES, component: ReportPage, groupKey: GROUP },
  { key: 'trend', path: '/trend', labelKey: 'nav.trend', icon: <LineChartOutlined />, roles: READ_ROLES, component: TrendPage, groupKey: GROUP },
  { key: 'values', path: '/values', labelKey: 'nav.values', icon: <UnorderedListOutlined />, roles: READ_ROLES, component: ValuesPage, groupKey: GROUP },
  { key: 'import', path: '/import', labelKey: 'nav.import', icon: <CloudUploadOutlined />, roles: VALUE_WRITE_ROLES, component: ImportPage, groupKey: GROUP },
  { key: 'wall', path: '/wall', labelKey: 'nav.wall', roles: READ_ROLES, component: WallPage, hideInMenu: true, fullScreen: true },
  {
    key: 'catalogue',
    path: '/catalogue',
    labelKey: 'nav.catalogue',
    icon: <BookOutlined />,
    roles: [...BUREAU_ROLES, 'leader'],
    component: CataloguePage,
    groupKey: GROUP,
  },
];
