/** The tech-contracts room's web entry: its routes for the shell. */
import './messages.ts';
export { techContractRoutes } from './routes.tsx';
