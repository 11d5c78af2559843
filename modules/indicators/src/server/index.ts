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
export { importValues, indicatorImportKinds, type ImportProgress, type ImportResult } from './import-values.ts';
export { clearCache } from './cache.ts';
export { seedDemoIndicators, upgradeDemoIndicators } from '../demo/seed-demo-indicators.ts';
export { upsertIndicator, upsertPlan } from '../db/catalogue-queries.ts';

// for other rooms, which never name this room's tables (db/tables.ts)
export { writeComputedActuals, type ComputedActual, type ComputedActualsOutcome, type KeptActual } from './write-computed-actuals.ts';
export { actualPeriods, indicatorCatalogue, unitActuals, type ActualRow, type CatalogueEntry } from '../db/town-actuals.ts';
export { hasIndicator, hasSyntheticValues, latestBaselineAndTarget, unitBaselinesAndTargets, type PlanValueRow, type UnitPlanRow } from '../db/plan-queries.ts';
