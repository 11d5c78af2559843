/** The market's web entry: its routes for the shell. */
import './messages.ts';
export { marketRoutes } from './routes.tsx';
export { marketCockpitCard } from './cockpit.ts';
