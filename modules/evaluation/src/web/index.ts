/** The evaluation centre's web entry: its routes (menu entries + pages) for the shell. */
export { evaluationRoutes } from './routes.tsx';
