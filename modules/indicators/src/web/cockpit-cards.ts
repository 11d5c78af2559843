/**
 * Cards of other rooms on the cockpit (驾驶舱), below its own. The indicators room imports no other room: the app
 * registers them (apps/web/src/rooms.ts; the market's headline figures). Each card reads its own room's route and
 * shows nothing to a user it is not for.
 */
import type { ComponentType } from 'react';

export interface CockpitCard {
  key: string;
  component: ComponentType;
}

const cards: CockpitCard[] = [];

export function registerCockpitCard(card: CockpitCard): void {
  if (!cards.some((c) => c.key === card.key)) cards.push(card);
}

export const cockpitCards = (): readonly CockpitCard[] => cards;
