/** Every room's pages, in menu order. A new room adds its route list here. */
import { adminRoutes, type RoomRoute } from '@kechuang/platform-web';
import { indicatorRoutes } from '@kechuang/indicators/web';

export const roomRoutes: RoomRoute[] = [...indicatorRoutes, ...adminRoutes];
