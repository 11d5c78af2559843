/**
 * The evaluation centre's pages (评价中心), menu entries and who may open each. Pages load lazily.
 * Bureau roles compute, edit schemes and publish; leaders and town officers read the published lists
 * (a town officer: their town's entries). 绩效评价 is the bureau's, over the carriers room's register; a
 * carrier's own account (载体填报员) sees only the carriers room's 我的载体.
 */
import { lazy } from 'react';
import { ApartmentOutlined, AuditOutlined, ExperimentOutlined, TrophyOutlined } from '@ant-design/icons';
import { BUREAU_ROLES, READ_ROLES, type RoomRoute } from '@kechuang/platform-web';
import './messages.ts';

const TopListPage = lazy(() => import('./pages/TopListPage.tsx').then((m) => ({ default: m.TopListPage })));
const RunsPage = lazy(() => import('./pages/RunsPage.tsx').then((m) => ({ default: m.RunsPage })));
const RunPage = lazy(() => import('./pages/RunPage.tsx').then((m) => ({ default: m.RunPage })));
const EntityPage = lazy(() => import('./pages/EntityPage.tsx').then((m) => ({ default: m.EntityPage })));
const SchemesPage = lazy(() => import('./pages/SchemesPage.tsx').then((m) => ({ default: m.SchemesPage })));
const PresetSchemePage = lazy(() => import('./pages/PresetSchemePage.tsx').then((m) => ({ default: m.PresetSchemePage })));
const SchemeEditorPage = lazy(() => import('./pages/SchemeEditorPage.tsx').then((m) => ({ default: m.SchemeEditorPage })));
const ReviewsPage = lazy(() => import('./pages/ReviewsPage.tsx').then((m) => ({ default: m.ReviewsPage })));

const GROUP = 'nav.evaluationGroup';

export const evaluationRoutes: RoomRoute[] = [
  {
    key: 'top-list',
    path: '/evaluation/top-list',
    labelKey: 'nav.topList',
    icon: <TrophyOutlined />,
    roles: READ_ROLES,
    component: TopListPage,
    groupKey: GROUP,
  },
  {
    key: 'evaluation-runs',
    path: '/evaluation/runs',
    labelKey: 'nav.evaluationRuns',
    icon: <ExperimentOutlined />,
    roles: BUREAU_ROLES,
    component: RunsPage,
    groupKey: GROUP,
  },
  {
    key: 'evaluation-run',
    path: '/evaluation/runs/:id',
    labelKey: 'nav.evaluationRun',
    roles: BUREAU_ROLES,
    component: RunPage,
    groupKey: GROUP,
    hideInMenu: true,
  },
  {
    key: 'evaluation-entity',
    path: '/evaluation/runs/:id/entities/:entityId',
    labelKey: 'nav.evaluationEntity',
    roles: BUREAU_ROLES,
    component: EntityPage,
    groupKey: GROUP,
    hideInMenu: true,
  },
  {
    key: 'evaluation-reviews',
    path: '/evaluation/reviews',
    labelKey: 'nav.reviews',
    icon: <AuditOutlined />,
    roles: BUREAU_ROLES,
    component: ReviewsPage,
    groupKey: GROUP,
  },
  {
    key: 'evaluation-schemes',
    path: '/evaluation/schemes',
    labelKey: 'nav.evaluationSchemes',
    icon: <ApartmentOutlined />,
    roles: BUREAU_ROLES,
    component: SchemesPage,
    groupKey: GROUP,
  },
  {
    key: 'evaluation-preset-scheme',
    path: '/evaluation/schemes/preset/:key',
    labelKey: 'nav.evaluationPresetScheme',
    roles: BUREAU_ROLES,
    component: PresetSchemePage,
    groupKey: GROUP,
    hideInMenu: true,
  },
  {
    key: 'evaluation-scheme',
    path: '/evaluation/schemes/:id',
    labelKey: 'nav.evaluationScheme',
    roles: BUREAU_ROLES,
    component: SchemeEditorPage,
    groupKey: GROUP,
    hideInMenu: true,
  },
];
