/**
 * Keeps enterprise_checks in step with the registry: after any write to an enterprise's figures, IP,
 * qualifications or institutions, its rules are run again (as of its application date) and the
 * summary the work lists order by is stored. Batches of 2,000 enterprises, one upsert each.
 */
import { checkEnterprise, type RulesResult } from '@kechuang/eligibility/domain';
import type { Db } from '@kechuang/platform-server';
import { applicationDate, hnteCloseness, isValidOn, toRulesInput } from '../domain/index.ts';
import { loadRegistry, type RegistryRecord } from './load-registry.ts';

const BATCH = 2_000;

export function today(): string {
  // the bureau's calendar day (Asia/Shanghai), whatever the server's zone
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
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
    const cols: unknown[][] = Array.from({ length: 12 }, () => []);
    for (const [id, r] of records) {
      const { asOf, result } = checkRecord(r);
      const h = result.hnte;
      const c = hnteCloseness(h);
      const row = [
        id, asOf, h.qualified, c.failed, c.unknown, c.shortfall, h.score.total, h.scoreHigh.total,
        h.conditions.filter((x) => x.pass === false).map((x) => x.code), JSON.stringify(h.gaps.map((g) => ({ code: g.code, change: g.change, unit: g.unit }))),
        result.techSme.qualified, result.techSme.score.total,
      ];
      row.forEach((v, k) => cols[k].push(v));
    }
    if (records.size === 0) continue;
    await db.query(
      `insert into enterprise_checks (enterprise_id, as_of, hnte_qualified, hnte_failed, hnte_unknown, hnte_shortfall, hnte_score, hnte_score_high,
         failed_codes, gaps, tech_sme_qualified, tech_sme_score)
       select e, a, hq, hf, hu, hs, sc, sh, string_to_array(fc, ','), g::jsonb, tq, ts
         from unnest($1::bigint[], $2::date[], $3::boolean[], $4::int[], $5::int[], $6::numeric[], $7::int[], $8::int[], $9::text[], $10::text[], $11::boolean[], $12::int[])
           as t(e, a, hq, hf, hu, hs, sc, sh, fc, g, tq, ts)
       on conflict (enterprise_id) do update set as_of = excluded.as_of, hnte_qualified = excluded.hnte_qualified, hnte_failed = excluded.hnte_failed,
         hnte_unknown = excluded.hnte_unknown, hnte_shortfall = excluded.hnte_shortfall, hnte_score = excluded.hnte_score,
         hnte_score_high = excluded.hnte_score_high, failed_codes = excluded.failed_codes, gaps = excluded.gaps,
         tech_sme_qualified = excluded.tech_sme_qualified, tech_sme_score = excluded.tech_sme_score, checked_at = now()`,
      [cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6], cols[7], (cols[8] as string[][]).map((a) => a.join(',')), cols[9], cols[10], cols[11]],
    );
    onBatch?.(Math.min(ids.length, i + BATCH));
  }
  return ids.length;
}

export async function recheckAll(db: Db): Promise<number> {
  const rows = await db.query<{ id: number }>('select id from enterprises order by id');
  return recheckEnterprises(db, rows.map((r) => r.id));
}
