export { diagnosisRoutes } from './routes.ts';
export { getDiagnosis } from './get-diagnosis.ts';
