/**
 * The carriers' pages: 我的载体 for a carrier's own account (载体填报员), at the top level of its menu. The bureau
 * works with carriers on the evaluation room's 绩效评价 page, built from this room's components (index.ts).
 */
import { lazy } from 'react';
import { ShopOutlined } from '@ant-design/icons';
import type { RoomRoute } from '@kechuang/platform-web';
import './messages.ts';

const MyCarrierPage = lazy(() => import('./pages/MyCarrierPage.tsx').then((m) => ({ default: m.MyCarrierPage })));

export const carrierRoutes: RoomRoute[] = [
  { key: 'my-carrier', path: '/my-carrier', labelKey: 'nav.myCarrier', icon: <ShopOutlined />, roles: ['carrierUser'], component: MyCarrierPage },
];
