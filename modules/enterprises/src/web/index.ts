/** The registry room's web entry: its routes (menu entries + pages) for the shell. */
export { enterpriseRoutes } from './routes.tsx';
