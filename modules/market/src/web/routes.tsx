/**
 * The market's pages: 技术市场 for every signed-in user, a listing's page, 我的发布 for the accounts that list
 * (enterprises, institutes, brokers) and the bureau, 对接跟进 (pushed matches, feedback, brokers' leads) for all, 挂牌审核
 * and 机构 (institutes and their accounts) for the bureau, 市场成效 (the page for leaders) for the bureau, leaders and town officers.
 */
import { lazy } from 'react';
import {
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  FundOutlined,
  NodeIndexOutlined,
  FileSearchOutlined,
  ProfileOutlined,
  ShoppingOutlined,
} from '@ant-design/icons';
import { BUREAU_ROLES, type RoomRoute } from '@kechuang/platform-web';
import './messages.ts';
import './follow-up-messages.ts';
import './event-messages.ts';
import './overview-messages.ts';

const MarketPage = lazy(() => import('./pages/MarketPage.tsx').then((m) => ({ default: m.MarketPage })));
const ListingPage = lazy(() => import('./pages/ListingPage.tsx').then((m) => ({ default: m.ListingPage })));
const MyListingsPage = lazy(() => import('./pages/MyListingsPage.tsx').then((m) => ({ default: m.MyListingsPage })));
const InstitutesPage = lazy(() => import('./pages/InstitutesPage.tsx').then((m) => ({ default: m.InstitutesPage })));
const FollowUpPage = lazy(() => import('./pages/FollowUpPage.tsx').then((m) => ({ default: m.FollowUpPage })));
const OverviewPage = lazy(() => import('./pages/OverviewPage.tsx').then((m) => ({ default: m.OverviewPage })));
const EventsPage = lazy(() => import('./pages/EventsPage.tsx').then((m) => ({ default: m.EventsPage })));
const EventPage = lazy(() => import('./pages/EventPage.tsx').then((m) => ({ default: m.EventPage })));
const ModerationPage = lazy(() => import('./pages/ModerationPage.tsx').then((m) => ({ default: m.ModerationPage })));

const GROUP = 'nav.marketGroup';

export const marketRoutes: RoomRoute[] = [
  { key: 'market', path: '/market', labelKey: 'nav.market', icon: <ShoppingOutlined />, roles: 'signedIn', component: MarketPage, groupKey: GROUP },
  {
    key: 'market-listing',
    path: '/market/:kind/:id',
    labelKey: 'nav.marketListing',
    icon: <FileSearchOutlined />,
    roles: 'signedIn',
    component: ListingPage,
    groupKey: GROUP,
    hideInMenu: true,
  },
  {
    key: 'market-mine',
    path: '/market/mine',
    labelKey: 'nav.marketMine',
    icon: <ProfileOutlined />,
    roles: ['enterpriseUser', 'institutionUser', 'brokerUser', ...BUREAU_ROLES],
    component: MyListingsPage,
    groupKey: GROUP,
  },
  {
    key: 'market-follow-up',
    path: '/market/follow-up',
    labelKey: 'nav.marketFollowUp',
    icon: <NodeIndexOutlined />,
    // the matches' two sides, the brokers and the region's staff: nothing follows up for other accounts
    roles: [...BUREAU_ROLES, 'leader', 'townOfficer', 'enterpriseUser', 'institutionUser', 'brokerUser'],
    component: FollowUpPage,
    groupKey: GROUP,
  },
  {
    key: 'market-overview',
    path: '/market/overview',
    labelKey: 'nav.marketOverview',
    icon: <FundOutlined />,
    roles: [...BUREAU_ROLES, 'leader', 'townOfficer'],
    component: OverviewPage,
    groupKey: GROUP,
  },
  {
    key: 'market-events',
    path: '/market/events',
    labelKey: 'nav.marketEvents',
    icon: <CalendarOutlined />,
    roles: 'signedIn',
    component: EventsPage,
    groupKey: GROUP,
  },
  {
    key: 'market-event',
    path: '/market/events/:id',
    labelKey: 'nav.marketEvent',
    icon: <CalendarOutlined />,
    roles: 'signedIn',
    component: EventPage,
    groupKey: GROUP,
    hideInMenu: true,
  },
  {
    key: 'market-moderation',
    path: '/market/moderation',
    labelKey: 'nav.marketModeration',
    icon: <AuditOutlined />,
    roles: BUREAU_ROLES,
    component: ModerationPage,
    groupKey: GROUP,
  },
  {
    key: 'market-institutes',
    path: '/market/institutes',
    labelKey: 'nav.marketInstitutes',
    icon: <BankOutlined />,
    roles: BUREAU_ROLES,
    component: InstitutesPage,
    groupKey: GROUP,
  },
];
