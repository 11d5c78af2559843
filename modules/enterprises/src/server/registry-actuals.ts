/**
 * Writes the registry's counts into indicator monitoring as actuals with source 'computed', so the
 * cockpit's 高新技术企业数 and the like come from the registry. A figure someone imported or typed in
 * (source 'import', 'manual' or 'plan') is official and is never overwritten: it is reported as kept.
 */
import { audit, bumpVersion, getRegion, type Actor, type AuditActor, type Db } from '@kechuang/platform-server';
import type { z } from 'zod';
import type { ZRegistryActualsResult } from '../contract/schemas.ts';
import { indicatorValue, REGISTRY_INDICATORS, tierCounts } from './tier-counts.ts';

export type RegistryActualsResult = z.infer<typeof ZRegistryActualsResult>;

export async function writeRegistryActuals(db: Db, actor: Actor | AuditActor, district: string, years: number[]): Promise<RegistryActualsResult> {
  const home = (await getRegion(db, district))!;
  const scope = { kind: 'region' as const, regionCode: home.code, regionName: home.name, path: home.path };
  const present = await db.query<{ code: string }>('select code from indicators where code = any($1::text[])', [[...REGISTRY_INDICATORS]]);
  const codes = REGISTRY_INDICATORS.filter((c) => present.some((p) => p.code === c));
  const result: RegistryActualsResult = { years, written: 0, unchanged: 0, kept: [] };
  await db.transaction(async (tx) => {
    // a count that includes demo (synthetic) enterprises is demo data too, and says so wherever it is shown
    const synthetic = new Set(
      (await tx.query<{ code: string }>(
        `select vr.code from regions vr
          where vr.path like $1 and exists (select 1 from enterprises e join regions r on r.code = e.region_code where e.is_synthetic and r.path like vr.path || '%')`,
        [`${home.path}%`],
      )).map((r) => r.code),
    );
    for (const year of years) {
      const counts = await tierCounts(tx, scope, district, year);
      const existing = await tx.query<{ region: string; code: string; value: string; source: string; synthetic: boolean }>(
        `select region_code as region, indicator_code as code, value::text as value, source, computed_from_synthetic as synthetic from indicator_values
          where kind = 'actual' and period = $1 and indicator_code = any($2::text[])`,
        [String(year), codes],
      );
      const before = new Map(existing.map((v) => [`${v.region}|${v.code}`, v]));
      for (const c of counts) {
        for (const code of codes) {
          const value = indicatorValue(code, c);
          if (value === null) continue;
          const old = before.get(`${c.regionCode}|${code}`);
          if (old && !['computed', 'synthetic'].includes(old.source)) {
            if (Number(old.value) !== value) result.kept.push({ regionCode: c.regionCode, indicatorCode: code, period: String(year), source: old.source, value: old.value, computed: value });
            continue;
          }
          const fromSynthetic = synthetic.has(c.regionCode);
          if (old?.source === 'computed' && Number(old.value) === value && old.synthetic === fromSynthetic) {
            result.unchanged++;
            continue;
          }
          await tx.query(
            `insert into indicator_values (region_code, indicator_code, kind, period, year, value, source, computed_from_synthetic)
             values ($1, $2, 'actual', $3, $4, $5, 'computed', $6)
             on conflict (region_code, indicator_code, kind, period) do update set value = excluded.value, source = 'computed',
               computed_from_synthetic = excluded.computed_from_synthetic, import_run_id = null, updated_by = null, updated_at = now()`,
            [c.regionCode, code, String(year), year, value, fromSynthetic],
          );
          result.written++;
        }
      }
    }
    await bumpVersion(tx, 'indicators');
    await audit(tx, actor, { action: 'indicatorValue.fromRegistry', entity: 'indicatorValue', entityId: years.join(','), regionCode: district, after: { written: result.written, unchanged: result.unchanged, kept: result.kept.length } });
  });
  return result;
}
