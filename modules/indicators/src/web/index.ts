/** The indicators room's web entry: its routes (menu entries + pages) for the shell. */
export { indicatorRoutes } from './routes.tsx';
/** the cockpit's cards from other rooms */
export { registerCockpitCard, type CockpitCard } from './cockpit-cards.ts';
