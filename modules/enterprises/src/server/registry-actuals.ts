/**
 * Writes the registry's counts into indicator monitoring as actuals with source 'computed' (through the
 * indicators room's writeComputedActuals), so the cockpit's 高新技术企业数 and the like come from the registry.
 * A figure someone imported or typed in (source 'import', 'manual' or 'plan') is official and is never
 * overwritten: it is reported as kept.
 */
import { audit, getRegion, type Actor, type AuditActor, type Db } from '@kechuang/platform-server';
import { writeComputedActuals, type ComputedActual } from '@kechuang/indicators/server';
import type { z } from 'zod';
import type { ZRegistryActualsResult } from '../contract/schemas.ts';
import { indicatorValue, REGISTRY_INDICATORS, tierCounts } from './tier-counts.ts';

export type RegistryActualsResult = z.infer<typeof ZRegistryActualsResult>;

export async function writeRegistryActuals(db: Db, actor: Actor | AuditActor, district: string, years: number[]): Promise<RegistryActualsResult> {
  const home = (await getRegion(db, district))!;
  const scope = { kind: 'region' as const, regionCode: home.code, regionName: home.name, path: home.path };
  return db.transaction(async (tx) => {
    // a count that includes demo (synthetic) enterprises is demo data too, and says so wherever it is shown
    const synthetic = new Set(
      (
        await tx.query<{ code: string }>(
          `select vr.code from regions vr
          where vr.path like $1 and exists (select 1 from enterprises e join regions r on r.code = e.region_code where e.is_synthetic and r.path like vr.path || '%')`,
          [`${home.path}%`],
        )
      ).map((r) => r.code),
    );
    const actuals: ComputedActual[] = [];
    for (const year of years) {
      for (const c of await tierCounts(tx, scope, district, year)) {
        for (const code of REGISTRY_INDICATORS) {
          const value = indicatorValue(code, c);
          if (value !== null) actuals.push({ regionCode: c.regionCode, indicatorCode: code, year, value, fromSynthetic: synthetic.has(c.regionCode) });
        }
      }
    }
    const { written, unchanged, kept } = await writeComputedActuals(tx, actuals);
    await audit(tx, actor, {
      action: 'indicatorValue.fromRegistry',
      entity: 'indicatorValue',
      entityId: years.join(','),
      regionCode: district,
      after: { written, unchanged, kept: kept.length },
    });
    return { years, written, unchanged, kept };
  });
}
