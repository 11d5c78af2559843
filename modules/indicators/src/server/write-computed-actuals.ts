/**
 * Actuals another room computes (the registry's counts: 高新技术企业数 and the like), written into indicator
 * monitoring with source 'computed'. A figure someone imported or typed in (source 'import', 'manual' or
 * 'plan') is official and is never overwritten: it is reported as kept. Runs in the caller's transaction and
 * bumps this room's data version there, so every instance's cached reports are stale once it commits; the
 * caller warms the default league after its response (warmLeague), as the room's own write routes do.
 */
import { bumpVersion, type Db } from '@kechuang/platform-server';

export interface ComputedActual {
  regionCode: string;
  indicatorCode: string;
  year: number;
  value: number;
  /** the count includes demo (synthetic) records: demo data too, and said so wherever it is shown */
  fromSynthetic: boolean;
}

export interface KeptActual {
  regionCode: string;
  indicatorCode: string;
  period: string;
  source: string;
  value: string;
  computed: number;
}

export interface ComputedActualsOutcome {
  written: number;
  unchanged: number;
  kept: KeptActual[];
}

/** Writes the actuals (those of indicators missing from the catalogue are skipped), year by year in their order. */
export async function writeComputedActuals(tx: Db, actuals: readonly ComputedActual[]): Promise<ComputedActualsOutcome> {
  const outcome: ComputedActualsOutcome = { written: 0, unchanged: 0, kept: [] };
  const asked = [...new Set(actuals.map((a) => a.indicatorCode))];
  const present = new Set((await tx.query<{ code: string }>('select code from indicators where code = any($1::text[])', [asked])).map((p) => p.code));
  const codes = asked.filter((c) => present.has(c));
  for (const year of [...new Set(actuals.map((a) => a.year))]) {
    const existing = await tx.query<{ region: string; code: string; value: string; source: string; synthetic: boolean }>(
      `select region_code as region, indicator_code as code, value::text as value, source, computed_from_synthetic as synthetic from indicator_values
        where kind = 'actual' and period = $1 and indicator_code = any($2::text[])`,
      [String(year), codes],
    );
    const before = new Map(existing.map((v) => [`${v.region}|${v.code}`, v]));
    for (const a of actuals) {
      if (a.year !== year || !present.has(a.indicatorCode)) continue;
      const old = before.get(`${a.regionCode}|${a.indicatorCode}`);
      if (old && !['computed', 'synthetic'].includes(old.source)) {
        if (Number(old.value) !== a.value)
          outcome.kept.push({
            regionCode: a.regionCode,
            indicatorCode: a.indicatorCode,
            period: String(year),
            source: old.source,
            value: old.value,
            computed: a.value,
          });
        continue;
      }
      if (old?.source === 'computed' && Number(old.value) === a.value && old.synthetic === a.fromSynthetic) {
        outcome.unchanged++;
        continue;
      }
      await tx.query(
        `insert into indicator_values (region_code, indicator_code, kind, period, year, value, source, computed_from_synthetic)
         values ($1, $2, 'actual', $3, $4, $5, 'computed', $6)
         on conflict (region_code, indicator_code, kind, period) do update set value = excluded.value, source = 'computed',
           computed_from_synthetic = excluded.computed_from_synthetic, import_run_id = null, updated_by = null, updated_at = now()`,
        [a.regionCode, a.indicatorCode, String(year), year, a.value, a.fromSynthetic],
      );
      outcome.written++;
    }
  }
  await bumpVersion(tx, 'indicators');
  return outcome;
}
