/** One value typed in by hand (a town officer's actual, a bureau's corrected target), with its audit row. */
import { parseUserNumber } from '@kechuang/platform-core';
import { assertRegionInScope, audit, bumpVersion, type Actor, type Db } from '@kechuang/platform-server';
import { getIndicator } from '../db/catalogue-queries.ts';
import type { ValueKind } from '../domain/import-row.ts';
import { requirePeriod } from './compute-report.ts';
import { indicatorError } from './errors.ts';

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
    throw indicatorError('IND_TOWN_ACTUALS_ONLY', { details: { field: 'kind' } });
  }
  const indicator = await getIndicator(db, input.indicator);
  const period = requirePeriod(input.period);
  let value: string | null = null;
  if (input.value !== null) {
    const parsed = parseUserNumber(input.value);
    if (!parsed.ok)
      throw indicatorError('IND_VALUE_INVALID', {
        params: { reason: parsed.reason, value: String(input.value) },
        details: { field: 'value', value: input.value },
      });
    if (parsed.number.hasPercent && indicator.unit !== '%')
      throw indicatorError('IND_VALUE_PERCENT', { params: { unit: indicator.unit }, details: { field: 'value' } });
    if (parsed.number.unit && parsed.number.unit !== indicator.unit)
      throw indicatorError('IND_VALUE_UNIT', { params: { unit: indicator.unit }, details: { field: 'value' } });
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
    await audit(tx, actor, {
      action: value === null ? 'indicatorValue.delete' : 'indicatorValue.set',
      entity: 'indicatorValue',
      entityId,
      regionCode: input.region,
      before: before ?? null,
      after: value === null ? null : { value, source: 'manual' },
    });
    return { region: input.region, indicator: indicator.code, kind: input.kind, period: period.text, value };
  });
}
