/**
 * The market's card for the indicators room's cockpit (loaded when first shown). The market may not import the
 * indicators room: the app registers the card with the cockpit (apps/web/src/rooms.ts).
 */
import { lazy } from 'react';

export const marketCockpitCard = {
  key: 'market',
  component: lazy(() => import('./components/MarketCockpitCard.tsx').then((m) => ({ default: m.MarketCockpitCard }))),
};
