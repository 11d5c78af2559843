/**
 * 资质名单 (a published recognition list, a tech-SME registration list): certificates upserted on
 * (kind, certificate number). Each row's enterprise must be registered, under the name the list gives;
 * a certificate number already held by another enterprise is refused rather than moved.
 */
import type { Db, Scope } from '@kechuang/platform-server';
import { defaultValidUntil, type QualificationKind } from '../domain/tier.ts';
import { enterpriseRowError, sameName, type QualificationRow, type RowError } from '../domain/import-rows.ts';
import { registeredEnterprises, registeredOrError } from './import-lookups.ts';

export interface ReadyQualification {
  row: number;
  enterpriseId: number;
  uscc: string;
  kind: QualificationKind;
  certificateNo: string;
  issuedOn: string;
  validUntil: string;
}

export async function checkQualifications(
  db: Db,
  scope: Scope,
  rows: QualificationRow[],
  columnName: (f: string) => string,
): Promise<{ errors: RowError[]; ready: ReadyQualification[] }> {
  const registered = await registeredEnterprises(
    db,
    scope,
    rows.map((r) => r.uscc),
  );
  const held = await db.query<{ kind: string; certificateNo: string; uscc: string; name: string }>(
    `select q.kind, q.certificate_no as "certificateNo", e.uscc, e.name from qualifications q join enterprises e on e.id = q.enterprise_id
      where (q.kind, q.certificate_no) in (select * from unnest($1::text[], $2::text[]))`,
    [rows.map((r) => r.kind), rows.map((r) => r.certificateNo)],
  );
  const holder = new Map(held.map((h) => [`${h.kind}|${h.certificateNo}`, h]));
  const errors: RowError[] = [];
  const ready: ReadyQualification[] = [];
  for (const r of rows) {
    const e = registered.get(r.uscc);
    if (!registeredOrError(e, r.row, r.uscc, columnName('uscc'), errors)) continue;
    if (r.name !== null && !sameName(r.name, e.name)) {
      errors.push(enterpriseRowError(r.row, columnName('name'), r.name, 'ENT_ROW_NAME_MISMATCH', { given: r.name, name: e.name, uscc: r.uscc }));
      continue;
    }
    const h = holder.get(`${r.kind}|${r.certificateNo}`);
    if (h && h.uscc !== r.uscc) {
      errors.push(
        enterpriseRowError(r.row, columnName('certificateNo'), r.certificateNo, 'ENT_ROW_CERTIFICATE_TAKEN', {
          certificateNo: r.certificateNo,
          name: h.name,
          uscc: h.uscc,
        }),
      );
      continue;
    }
    const validUntil = r.validUntil ?? defaultValidUntil(r.kind, r.issuedOn);
    ready.push({ row: r.row, enterpriseId: e.id, uscc: r.uscc, kind: r.kind, certificateNo: r.certificateNo, issuedOn: r.issuedOn, validUntil });
  }
  return { errors, ready };
}

export async function writeQualifications(
  tx: Db,
  run: { id: number },
  rows: ReadyQualification[],
): Promise<{ inserted: number; updated: number; affected: number[] }> {
  await tx.query(
    'create temp table if not exists registry_stage_qualifications (row_no int, enterprise_id bigint, uscc text, kind text, certificate_no text, issued_on date, valid_until date) on commit drop',
  );
  // an import writes in chunks, each staged afresh in the same transaction
  await tx.query('truncate registry_stage_qualifications');
  await tx.copyRows(
    'registry_stage_qualifications',
    ['row_no', 'enterprise_id', 'uscc', 'kind', 'certificate_no', 'issued_on', 'valid_until'],
    rows.map((r) => [String(r.row), String(r.enterpriseId), r.uscc, r.kind, r.certificateNo, r.issuedOn, r.validUntil]),
  );
  const json = (t: string) =>
    `jsonb_build_object('kind', ${t}.kind, 'certificateNo', ${t}.certificate_no, 'issuedOn', to_char(${t}.issued_on, 'YYYY-MM-DD'), 'validUntil', to_char(${t}.valid_until, 'YYYY-MM-DD'))`;
  const [counts] = await tx.query<{ inserted: number; updated: number }>(
    `with c as (
       insert into enterprise_import_changes (import_run_id, uscc, target, key, before, after)
       select $1, s.uscc, 'qualification', s.kind || ':' || s.certificate_no,
         case when q.id is null then null else ${json('q')} || jsonb_build_object('status', q.status) end,
         ${json('s')} || jsonb_build_object('status', coalesce(q.status, 'active'))
       from registry_stage_qualifications s left join qualifications q on q.kind = s.kind and q.certificate_no = s.certificate_no
       where q.id is null or (s.issued_on, s.valid_until) is distinct from (q.issued_on, q.valid_until)
       returning before is null as inserted)
     select count(*) filter (where inserted) as inserted, count(*) filter (where not inserted) as updated from c`,
    [run.id],
  );
  const written = await tx.query<{ id: number }>(
    `insert into qualifications (enterprise_id, kind, certificate_no, issued_on, valid_until, import_run_id)
     select enterprise_id, kind, certificate_no, issued_on, valid_until, $1 from registry_stage_qualifications order by row_no
     on conflict (kind, certificate_no) do update set issued_on = excluded.issued_on, valid_until = excluded.valid_until,
       import_run_id = excluded.import_run_id, updated_at = now()
     where (qualifications.issued_on, qualifications.valid_until) is distinct from (excluded.issued_on, excluded.valid_until)
     returning enterprise_id as id`,
    [run.id],
  );
  return { inserted: counts.inserted, updated: counts.updated, affected: [...new Set(written.map((r) => Number(r.id)))] };
}
