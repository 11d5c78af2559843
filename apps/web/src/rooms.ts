/** Every room's pages, in menu order. A new room adds its route list here. */
import { adminRoutes, notificationRoutes, todoRoutes, type RoomRoute } from '@kechuang/platform-web';
import { indicatorRoutes, registerCockpitCard } from '@kechuang/indicators/web';
import { enterpriseRoutes } from '@kechuang/enterprises/web';
import { evaluationRoutes } from '@kechuang/evaluation/web';
import { carrierRoutes } from '@kechuang/carriers/web';
import { diagnosisRoutes } from '@kechuang/diagnosis/web';
import { techContractRoutes } from '@kechuang/tech-contracts/web';
import { marketCockpitCard, marketRoutes } from '@kechuang/market/web';

export const roomRoutes: RoomRoute[] = [
  ...indicatorRoutes,
  ...enterpriseRoutes,
  ...evaluationRoutes,
  ...diagnosisRoutes,
  ...carrierRoutes,
  ...techContractRoutes,
  ...marketRoutes,
  ...adminRoutes,
  ...todoRoutes,
  ...notificationRoutes,
];

/** the cockpit's cards from other rooms (the indicators room imports none of them) */
registerCockpitCard(marketCockpitCard);
