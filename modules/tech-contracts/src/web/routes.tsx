/**
 * The room's pages: 技术合同登记 (the list, for region accounts and enterprise accounts), a contract, the submission
 * form (an enterprise for itself, the clerk for any seller), the statistics (region accounts). Lazy, one chunk each.
 */
import { lazy } from 'react';
import { AuditOutlined, BarChartOutlined, FileAddOutlined, FileTextOutlined } from '@ant-design/icons';
import { BUREAU_ROLES, READ_ROLES, type RoomRoute } from '@kechuang/platform-web';
import './messages.ts';

const ContractsPage = lazy(() => import('./pages/ContractsPage.tsx').then((m) => ({ default: m.ContractsPage })));
const ContractPage = lazy(() => import('./pages/ContractPage.tsx').then((m) => ({ default: m.ContractPage })));
const SubmitPage = lazy(() => import('./pages/SubmitPage.tsx').then((m) => ({ default: m.SubmitPage })));
const StatsPage = lazy(() => import('./pages/StatsPage.tsx').then((m) => ({ default: m.StatsPage })));

const GROUP = 'nav.techContractsGroup';
const READERS = [...READ_ROLES, 'enterpriseUser' as const];

export const techContractRoutes: RoomRoute[] = [
  {
    key: 'tech-contracts',
    path: '/tech-contracts',
    labelKey: 'nav.techContracts',
    icon: <AuditOutlined />,
    roles: READERS,
    component: ContractsPage,
    groupKey: GROUP,
  },
  {
    key: 'tech-contract-new',
    path: '/tech-contracts/new',
    labelKey: 'nav.techContractNew',
    icon: <FileAddOutlined />,
    roles: [...BUREAU_ROLES, 'enterpriseUser'],
    component: SubmitPage,
    groupKey: GROUP,
    hideInMenu: true,
  },
  {
    key: 'tech-contract-edit',
    path: '/tech-contracts/:id/edit',
    labelKey: 'nav.techContractEdit',
    icon: <FileAddOutlined />,
    roles: [...BUREAU_ROLES, 'enterpriseUser'],
    component: SubmitPage,
    groupKey: GROUP,
    hideInMenu: true,
  },
  {
    key: 'tech-contract-stats',
    path: '/tech-contract-stats',
    labelKey: 'nav.techContractStats',
    icon: <BarChartOutlined />,
    roles: READ_ROLES,
    component: StatsPage,
    groupKey: GROUP,
  },
  {
    key: 'tech-contract',
    path: '/tech-contracts/:id',
    labelKey: 'nav.techContract',
    icon: <FileTextOutlined />,
    roles: READERS,
    component: ContractPage,
    groupKey: GROUP,
    hideInMenu: true,
  },
];
