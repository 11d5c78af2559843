/** One value typed in by hand (a town officer's actual, a bureau's corrected target), with its audit row. */
import { AppError, parseUserNumber } from '@kechuang/platform-core';
import { assertRegionInScope, audit, bumpVersion, type Actor, type Db } from '@kechuang/platform-server';
import { getIndicator } from '../db/catalogue-queries.ts';
import type { ValueKind } from '../domain/import-row.ts';
import { requirePeriod } from './compute-report.ts';

export interface SetValueInput {
  region: string;
  indicator: string;
  period: string;
  kind: ValueKind;
  /** null deletes the value */
  value: string | number | null;
}

export async function setValue(db: Db, actor: Actor, input: SetValueInput) {
  await assertRegionInScope(db, actor.scope, input.region);
  if (actor.role === 'townOfficer' && input.kind !== 'actual') {
    throw new AppError('FORBIDDEN', { message: '镇街/园区只能填报实际值，基数和目标由科技局下达', details: { field: 'kind' } });
  }
  const indicator = await getIndicator(db, input.indicator);
  const period = requirePeriod(input.period);
  let value: string | null = null;
  if (input.value !== null) {
    const parsed = parseUserNumber(input.value);
    if (!parsed.ok) throw new AppError('VALIDATION', { message: `数值有误：${parsed.reason}`, details: { field: 'value', value: input.value } });
    if (parsed.number.hasPercent && indicator.unit !== '%') throw new AppError('VALIDATION', { message: `指标单位是“${indicator.unit}”，不能带百分号`, details: { field: 'value' } });
    if (parsed.number.unit && parsed.number.unit !== indicator.unit) throw new AppError('VALIDATION', { message: `单位与指标单位“${indicator.unit}”不一致`, details: { field: 'value' } });
    value = parsed.number.value;
  }
  const key = [input.region, indicator.code, input.kind, period.text];
  return db.transaction(async (tx) => {
    const [before] = await tx.query<{ value: string; source: string }>(
      `select value::text as value, source from indicator_values where region_code = $1 and indicator_code = $2 and kind = $3 and period = $4`,
      key,
    );
    if (value === null) {
      await tx.query('delete from indicator_values where region_code = $1 and indicator_code = $2 and kind = $3 and period = $4', key);
    } else {
      await tx.query(
        `insert into indicator_values (region_code, indicator_code, kind, period, year, value, source, updated_by)
         values ($1, $2, $3, $4, $5, $6, 'manual', $7)
         on conflict (region_code, indicator_code, kind, period) do update
           set value = excluded.value, source = 'manual', import_run_id = null, updated_by = excluded.updated_by, updated_at = now()`,
        [...key, period.year, value, actor.id],
      );
    }
    await bumpVersion(tx, 'indicators');
    const entityId = key.join('|');
    await audit(tx, actor, { action: value === null ? 'indicatorValue.delete' : 'indicatorValue.set', entity: 'indicatorValue', entityId, regionCode: input.region, before: before ?? null, after: value === null ? null : { value, source: 'manual' } });
    return { region: input.region, indicator: indicator.code, kind: input.kind, period: period.text, value };
  });
}
