/** The indicators room's web entry: its routes (menu entries + pages) for the shell. */
export { indicatorRoutes } from './routes.tsx';
