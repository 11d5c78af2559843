/**
 * 科技体检's page: one enterprise among its peers, opened from the enterprise's profile (企业画像, 我的企业); not
 * in the menu. Bureau roles, leaders and town officers within their jurisdiction; an enterprise user its own.
 * The path stays under /evaluation, and the page under the evaluation centre's group, where it began.
 */
import { lazy } from 'react';
import { READ_ROLES, type RoomRoute } from '@kechuang/platform-web';
import './messages.ts';

const DiagnosisPage = lazy(() => import('./pages/DiagnosisPage.tsx').then((m) => ({ default: m.DiagnosisPage })));

export const diagnosisRoutes: RoomRoute[] = [
  {
    key: 'evaluation-diagnosis',
    path: '/evaluation/diagnosis/:id',
    labelKey: 'nav.diagnosis',
    roles: [...READ_ROLES, 'enterpriseUser'],
    component: DiagnosisPage,
    groupKey: 'nav.evaluationGroup',
    hideInMenu: true,
  },
];
