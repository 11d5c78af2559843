import type { FastifyInstance } from 'fastify';
import type { AppContext } from '@kechuang/platform-server';
import { indicatorReadRoutes } from './read-routes.ts';
import { indicatorWriteRoutes } from './write-routes.ts';

export function indicatorRoutes(app: FastifyInstance, ctx: AppContext): void {
  indicatorReadRoutes(app, ctx);
  indicatorWriteRoutes(app, ctx);
}

export { computeReport } from './compute-report.ts';
export { computeLeague, warmLeague, warmupsSettled } from './compute-league.ts';
export { computeTrend } from './compute-trend.ts';
export { getCockpit } from './get-cockpit.ts';
export { indicatorTodos } from './todos.ts';
export { importValues, type ImportProgress, type ImportResult } from './import-values.ts';
export { clearCache } from './cache.ts';
export { seedDemoIndicators, upgradeDemoIndicators } from '../demo/seed-demo-indicators.ts';
export { upsertIndicator, upsertPlan } from '../db/catalogue-queries.ts';
