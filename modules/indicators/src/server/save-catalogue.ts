/** Creating and changing indicators and plans: the bureau's catalogue work, each with its audit row. */
import { audit, bumpVersion, type Actor, type Db } from '@kechuang/platform-server';
import { indicatorError } from './errors.ts';
import { allPlans, getIndicator, upsertIndicator, upsertPlan, type Indicator, type IndicatorEntry, type Plan } from '../db/catalogue-queries.ts';

export async function saveIndicator(db: Db, actor: Actor, input: IndicatorEntry): Promise<Indicator> {
  if (input.rollup === 'ratio' && (!input.numeratorCode || !input.denominatorCode)) {
    throw indicatorError('IND_RATIO_PARTS', { details: { field: 'numeratorCode' } });
  }
  return db.transaction(async (tx) => {
    const before = await getIndicator(tx, input.code).catch(() => null);
    await upsertIndicator(tx, input);
    const after = await getIndicator(tx, input.code);
    await bumpVersion(tx, 'indicators');
    await audit(tx, actor, { action: before ? 'indicator.update' : 'indicator.create', entity: 'indicator', entityId: input.code, before, after });
    return after;
  });
}

export async function savePlan(db: Db, actor: Actor, plan: Plan): Promise<Plan> {
  if (plan.endYear < plan.startYear) throw indicatorError('IND_PLAN_YEARS', { details: { field: 'endYear' } });
  await db.transaction(async (tx) => {
    const before = (await allPlans(tx)).find((p) => p.code === plan.code) ?? null;
    await upsertPlan(tx, plan);
    await bumpVersion(tx, 'indicators');
    await audit(tx, actor, { action: before ? 'plan.update' : 'plan.create', entity: 'plan', entityId: plan.code, before, after: plan });
  });
  return plan;
}
