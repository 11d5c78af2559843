/**
 * Keeps enterprise_checks in step with the registry: after any write to an enterprise's figures, IP,
 * qualifications or institutions, its rules are run again (as of its application date) and the
 * summary the work lists order by is stored. Batches of 2,000 enterprises, one upsert each.
 */
import { checkEnterprise, type RulesResult } from '@kechuang/eligibility/domain';
import type { Db } from '@kechuang/platform-server';
import { bureauToday } from '@kechuang/platform-core';
import { applicationDate, hnteCloseness, registryVerdict, isValidOn, toRulesInput } from '../domain/index.ts';
import { loadRegistry, type RegistryRecord } from './load-registry.ts';

const BATCH = 2_000;

export function today(): string {
  return bureauToday();
}

/** The rules for one registry record, as of its application date unless a date is given. */
export function checkRecord(r: RegistryRecord, asOf?: string): { asOf: string; result: RulesResult } {
  const date = asOf ?? applicationDate(r.years, today());
  const e = {
    ...r.enterprise,
    holdsHnte: r.qualifications.some((q) => q.kind === 'hnte' && isValidOn(q, date)),
    hasProvincialRdInstitution: r.provincialInstitution,
  };
  return { asOf: date, result: checkEnterprise(toRulesInput(e, r.years, r.ip, date)) };
}

/** `onBatch` hears how many of `ids` are done after each batch (for progress bars). */
export async function recheckEnterprises(db: Db, ids: number[], onBatch?: (done: number) => void): Promise<number> {
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const records = await loadRegistry(db, batch);
    const rows: unknown[] = [];
    for (const [id, r] of records) {
      const { asOf, result } = checkRecord(r);
      const h = result.hnte;
      const c = hnteCloseness(h);
      const verdict = registryVerdict(h);
      rows.push({
        e: id,
        a: asOf,
        hq: verdict.qualified,
        hf: c.failed,
        hu: c.unknown,
        hs: c.shortfall,
        sc: h.score.total,
        sh: h.scoreHigh.total,
        fc: verdict.failedCodes,
        g: h.gaps.map((g) => ({ code: g.code, change: g.change, unit: g.unit })),
        tq: result.techSme.qualified,
        ts: result.techSme.score.total,
        rc: r.regionCode,
        hc: hnteCover(r.qualifications),
      });
    }
    if (records.size === 0) continue;
    // the batch as one JSON parameter; the town and the dates the HNTE certificates cover are kept
    // beside the check so the candidate pool is counted from this table alone (0006)
    await db.query(
      `insert into enterprise_checks (enterprise_id, as_of, hnte_qualified, hnte_failed, hnte_unknown, hnte_shortfall, hnte_score, hnte_score_high,
         failed_codes, gaps, tech_sme_qualified, tech_sme_score, region_code, hnte_cover)
       select e, a, hq, hf, hu, hs, sc, sh, fc, g, tq, ts, rc, hc
         from json_to_recordset($1::json) as t(e bigint, a date, hq boolean, hf int, hu int, hs numeric, sc int, sh int, fc text[], g jsonb, tq boolean, ts int,
           rc text, hc datemultirange)
       on conflict (enterprise_id) do update set as_of = excluded.as_of, hnte_qualified = excluded.hnte_qualified, hnte_failed = excluded.hnte_failed,
         hnte_unknown = excluded.hnte_unknown, hnte_shortfall = excluded.hnte_shortfall, hnte_score = excluded.hnte_score,
         hnte_score_high = excluded.hnte_score_high, failed_codes = excluded.failed_codes, gaps = excluded.gaps,
         tech_sme_qualified = excluded.tech_sme_qualified, tech_sme_score = excluded.tech_sme_score,
         region_code = excluded.region_code, hnte_cover = excluded.hnte_cover, checked_at = now()`,
      [JSON.stringify(rows)],
    );
    onBatch?.(Math.min(ids.length, i + BATCH));
  }
  return ids.length;
}

/** The dates an enterprise's active HNTE certificates cover, as a multirange literal. */
function hnteCover(qualifications: RegistryRecord['qualifications']): string {
  const spans = qualifications.filter((q) => q.kind === 'hnte' && q.status === 'active').map((q) => `[${q.issuedOn},${q.validUntil}]`);
  return `{${spans.join(',')}}`;
}

/**
 * What the stored checks were computed from: the rules (modules/eligibility) and the inputs the registry gives
 * them. Change it whenever either changes, and every stored check is recomputed once, at the next start.
 * 2026-12: ab0ec6a's rules (score above 70, 总收入, tech-SME basic conditions) read total income, the
 * tech-SME flags and the Class II IP used in an earlier recognition (migration 0011).
 */
export const CHECKS_VERSION = '2026-12 totalIncome, tech-SME basic conditions, usedInEarlierHnte';
const VERSION_KEY = 'enterpriseChecksVersion';

async function stampVersion(db: Db): Promise<boolean> {
  const [row] = await db.query(
    `insert into settings (key, value) values ($1, $2::jsonb) on conflict (key) do update set value = excluded.value
      where settings.value is distinct from excluded.value returning key`,
    [VERSION_KEY, JSON.stringify(CHECKS_VERSION)],
  );
  return !!row;
}

/** Every enterprise's check, recomputed; the stored checks are then current (CHECKS_VERSION). */
export async function recheckAll(db: Db): Promise<number> {
  const rows = await db.query<{ id: number }>('select id from enterprises order by id');
  const n = await recheckEnterprises(
    db,
    rows.map((r) => r.id),
  );
  await stampVersion(db);
  return n;
}

/**
 * At start-up: recompute every stored check once if it was made under another CHECKS_VERSION (an upgraded
 * database). One instance does it: the version row is claimed in the same transaction as the recheck, so a
 * second instance starting at once waits for it and then finds the checks current. Answers how many were
 * rechecked, or null when they were current.
 */
export async function recheckIfStale(db: Db): Promise<number | null> {
  const [current] = await db.query<{ value: unknown }>('select value from settings where key = $1', [VERSION_KEY]);
  if (current?.value === CHECKS_VERSION) return null;
  return db.transaction(async (tx) => {
    if (!(await stampVersion(tx))) return null;
    const rows = await tx.query<{ id: number }>('select id from enterprises order by id');
    return recheckEnterprises(
      tx,
      rows.map((r) => r.id),
    );
  });
}
