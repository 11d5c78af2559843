export { evaluationRoutes } from './routes.ts';
export { evaluationTodos } from './todos.ts';
export { evaluateRun, type Evaluated, type RunPlan } from './evaluate-run.ts';
export { evaluateOffThread, isLargeRun } from './compute-off-thread.ts';
export { rerunRun } from './rerun-run.ts';
