/** 科技体检's web entry: its route for the shell. */
export { diagnosisRoutes } from './routes.tsx';
