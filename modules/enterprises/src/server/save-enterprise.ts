/**
 * Registry writes by hand: an enterprise's master data, a year's figures, its IP, qualifications and
 * R&D institutions. Each runs in one transaction with its audit row, bumps the registry's data version
 * and re-runs the enterprise's rules. A bureau edit is confirmed at once; an enterprise's own figures
 * are a self-report (企业自报) until the bureau confirms them.
 */
import { AppError, fillMessage } from '@kechuang/platform-core';
import { ENTERPRISE_ERRORS, enterpriseError, type EnterpriseErrorCode } from './errors.ts';
import { assertRegionInScope, audit, bumpVersion, type Actor, type Db } from '@kechuang/platform-server';
import type { z } from 'zod';
import {
  IP_KINDS,
  type ZEnterpriseSelfInput,
  type ZIpHolding,
  type ZQualificationInput,
  type ZRdInstitutionInput,
  type EnterpriseInput,
  type YearFiguresInput,
} from '../contract/schemas.ts';
import { defaultValidUntil, foundedOnProblem, ipHoldingProblems, usccProblem, yearFigureProblems } from '../domain/index.ts';
import { recheckEnterprises, today } from '../db/recheck.ts';
import { visibleEnterprise } from '../db/scope.ts';

/** a problem the domain's checks word in Chinese: theirs in Chinese, the code's in English */
const invalid = (code: EnterpriseErrorCode, field: string, zh: string, value?: unknown) =>
  enterpriseError(code, { message: { zh, en: fillMessage(ENTERPRISE_ERRORS[code].en, { field }) }, details: { field, value } });
const isBureau = (actor: Actor) => actor.role === 'bureauAdmin' || actor.role === 'bureauStaff';

function requireBureau(actor: Actor): void {
  if (!isBureau(actor)) throw enterpriseError('ENT_BUREAU_ONLY');
}

async function finish(tx: Db, id: number): Promise<void> {
  await bumpVersion(tx, 'enterprises');
  await recheckEnterprises(tx, [id]);
}

async function checkMasterData(db: Db, actor: Actor, input: EnterpriseInput): Promise<string> {
  const { uscc, message } = usccProblem(input.uscc);
  if (message) throw invalid('ENT_USCC_INVALID', 'uscc', message, input.uscc);
  const region = await assertRegionInScope(db, actor.scope, input.regionCode);
  if (!['district', 'town', 'park'].includes(region.kind))
    throw enterpriseError('ENT_REGION_KIND', { params: { name: region.name }, details: { field: 'regionCode', value: input.regionCode } });
  const founded = foundedOnProblem(input.foundedOn, today());
  if (founded) throw invalid('ENT_FOUNDED_ON_INVALID', 'foundedOn', founded, input.foundedOn);
  const known = await db.query<{ code: string }>('select code from industry_chains');
  const unknown = input.chainTags.find((t) => !known.some((c) => c.code === t));
  if (unknown) throw enterpriseError('ENT_CHAIN_UNKNOWN', { params: { chain: unknown }, details: { field: 'chainTags', value: unknown } });
  return uscc;
}

const MASTER_COLUMNS = [
  ['name', 'name'],
  ['region_code', 'regionCode'],
  ['address', 'address'],
  ['founded_on', 'foundedOn'],
  ['registered_capital', 'registeredCapital'],
  ['industry_code', 'industryCode'],
  ['hnte_field', 'hnteField'],
  ['chain_tags', 'chainTags'],
  ['is_above_scale', 'isAboveScale'],
  ['is_listed', 'isListed'],
  ['owns_core_ip', 'ownsCoreIp'],
  ['incidents', 'incidents'],
  ['contact_name', 'contactName'],
  ['contact_phone', 'contactPhone'],
  ['contact_email', 'contactEmail'],
] as const;

export async function createEnterprise(db: Db, actor: Actor, input: EnterpriseInput): Promise<{ id: number }> {
  requireBureau(actor);
  const uscc = await checkMasterData(db, actor, input);
  return db.transaction(async (tx) => {
    const [dup] = await tx.query<{ id: number; name: string }>('select id, name from enterprises where uscc = $1', [uscc]);
    if (dup) throw enterpriseError('ENT_USCC_TAKEN', { params: { uscc, name: dup.name }, details: { field: 'uscc', value: uscc } });
    const [row] = await tx.query<{ id: number }>(
      `insert into enterprises (uscc, ${MASTER_COLUMNS.map(([c]) => c).join(', ')}) values ($1, ${MASTER_COLUMNS.map((_, i) => `$${i + 2}`).join(', ')}) returning id`,
      [uscc, ...MASTER_COLUMNS.map(([, k]) => input[k])],
    );
    await audit(tx, actor, { action: 'enterprise.create', entity: 'enterprise', entityId: row.id, regionCode: input.regionCode, after: { ...input, uscc } });
    await finish(tx, row.id);
    return row;
  });
}

async function masterSnapshot(tx: Db, id: number): Promise<Record<string, unknown>> {
  const [row] = await tx.query<Record<string, unknown>>(
    `select uscc, ${MASTER_COLUMNS.map(([c, k]) => (c === 'founded_on' ? `to_char(founded_on, 'YYYY-MM-DD') as "${k}"` : c === 'registered_capital' ? `registered_capital::float8 as "${k}"` : `${c} as "${k}"`)).join(', ')}
       from enterprises where id = $1 for update`,
    [id],
  );
  return row;
}

export async function updateEnterprise(db: Db, actor: Actor, id: number, input: EnterpriseInput): Promise<void> {
  requireBureau(actor);
  const current = await visibleEnterprise(db, actor.scope, id);
  const uscc = await checkMasterData(db, actor, input);
  await db.transaction(async (tx) => {
    if (uscc !== current.uscc) {
      const [dup] = await tx.query<{ name: string }>('select name from enterprises where uscc = $1 and id <> $2', [uscc, id]);
      if (dup) throw enterpriseError('ENT_USCC_TAKEN', { params: { uscc, name: dup.name }, details: { field: 'uscc', value: uscc } });
    }
    const before = await masterSnapshot(tx, id);
    await tx.query(
      `update enterprises set uscc = $1, ${MASTER_COLUMNS.map(([c], i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() where id = $${MASTER_COLUMNS.length + 2}`,
      [uscc, ...MASTER_COLUMNS.map(([, k]) => input[k]), id],
    );
    await audit(tx, actor, {
      action: 'enterprise.update',
      entity: 'enterprise',
      entityId: id,
      regionCode: input.regionCode,
      before,
      after: { ...input, uscc },
    });
    await finish(tx, id);
  });
}

/** An enterprise user keeps their own address and contacts up to date. */
export async function updateOwnContacts(db: Db, actor: Actor, id: number, input: z.infer<typeof ZEnterpriseSelfInput>): Promise<void> {
  const current = await visibleEnterprise(db, actor.scope, id);
  await db.transaction(async (tx) => {
    const before = await masterSnapshot(tx, id);
    await tx.query('update enterprises set address = $1, contact_name = $2, contact_phone = $3, contact_email = $4, updated_at = now() where id = $5', [
      input.address,
      input.contactName,
      input.contactPhone,
      input.contactEmail,
      id,
    ]);
    await audit(tx, actor, { action: 'enterprise.contacts', entity: 'enterprise', entityId: id, regionCode: current.regionCode, before, after: input });
    await bumpVersion(tx, 'enterprises');
  });
}

const YEAR_FIELDS = [
  ['revenue', 'revenue'],
  ['total_income', 'totalIncome'],
  ['high_tech_revenue', 'highTechRevenue'],
  ['rd_expense', 'rdExpense'],
  ['rd_expense_domestic', 'rdExpenseDomestic'],
  ['total_cost', 'totalCost'],
  ['total_assets', 'totalAssets'],
  ['net_assets', 'netAssets'],
  ['employees', 'employees'],
  ['sci_tech_staff', 'sciTechStaff'],
  ['conversions', 'conversions'],
  ['resident', 'resident'],
  ['industry_excluded', 'industryExcluded'],
  ['restricted_catalogue', 'restrictedCatalogue'],
  ['dishonesty_listed', 'dishonestyListed'],
] as const;
const YEAR_FLAGS: ReadonlySet<string> = new Set(['resident', 'industry_excluded', 'restricted_catalogue', 'dishonesty_listed']);
/** a year's figures as the audit log keeps them: amounts as numbers, the yes/no flags as they are */
const yearSnapshot = YEAR_FIELDS.map(([c, k]) => (YEAR_FLAGS.has(c) ? `${c} as "${k}"` : `${c}::float8 as "${k}"`)).join(', ');

export async function saveYear(db: Db, actor: Actor, id: number, year: number, figures: YearFiguresInput): Promise<{ source: string; confirmed: boolean }> {
  const current = await visibleEnterprise(db, actor.scope, id);
  if (!isBureau(actor) && actor.role !== 'enterpriseUser') throw new AppError('FORBIDDEN');
  const thisYear = Number(today().slice(0, 4));
  if (year > thisYear) throw enterpriseError('ENT_YEAR_NOT_STARTED', { params: { year }, details: { field: 'year', value: year } });
  const problem = yearFigureProblems(figures)[0];
  if (problem) throw invalid('ENT_FIGURES_INVALID', problem.field, problem.message);
  const source = isBureau(actor) ? 'manual' : 'selfReport';
  const confirmed = isBureau(actor);
  const n = YEAR_FIELDS.length;
  return db.transaction(async (tx) => {
    const [before] = await tx.query(`select ${yearSnapshot}, source, confirmed from enterprise_years where enterprise_id = $1 and year = $2 for update`, [
      id,
      year,
    ]);
    await tx.query(
      `insert into enterprise_years (enterprise_id, year, ${YEAR_FIELDS.map(([c]) => c).join(', ')}, source, confirmed, updated_by)
       values ($1, $2, ${YEAR_FIELDS.map((_, i) => `$${i + 3}`).join(', ')}, $${n + 3}, $${n + 4}, $${n + 5})
       on conflict (enterprise_id, year) do update set ${YEAR_FIELDS.map(([c]) => `${c} = excluded.${c}`).join(', ')},
         source = excluded.source, confirmed = excluded.confirmed, import_run_id = null, updated_by = excluded.updated_by, updated_at = now()`,
      [id, year, ...YEAR_FIELDS.map(([, k]) => figures[k]), source, confirmed, actor.id],
    );
    await audit(tx, actor, {
      action: confirmed ? 'enterpriseYear.set' : 'enterpriseYear.selfReport',
      entity: 'enterpriseYear',
      entityId: `${current.uscc}|${year}`,
      regionCode: current.regionCode,
      before: before ?? null,
      after: { ...figures, source, confirmed },
    });
    await finish(tx, id);
    return { source, confirmed };
  });
}

export async function confirmYear(db: Db, actor: Actor, id: number, year: number): Promise<void> {
  requireBureau(actor);
  const current = await visibleEnterprise(db, actor.scope, id);
  await db.transaction(async (tx) => {
    const rows = await tx.query<{ year: number }>(
      'update enterprise_years set confirmed = true, updated_by = $3, updated_at = now() where enterprise_id = $1 and year = $2 and not confirmed returning year',
      [id, year, actor.id],
    );
    if (rows.length === 0) throw enterpriseError('ENT_NO_SELF_REPORT', { params: { year }, details: { field: 'year', value: year } });
    await audit(tx, actor, {
      action: 'enterpriseYear.confirm',
      entity: 'enterpriseYear',
      entityId: `${current.uscc}|${year}`,
      regionCode: current.regionCode,
      after: { confirmed: true },
    });
    await bumpVersion(tx, 'enterprises');
  });
}

export async function setIp(db: Db, actor: Actor, id: number, holdings: z.infer<typeof ZIpHolding>[]): Promise<void> {
  requireBureau(actor);
  const current = await visibleEnterprise(db, actor.scope, id);
  const problem = ipHoldingProblems(holdings, (kind) => IP_KINDS[kind as keyof typeof IP_KINDS] ?? kind)[0];
  if (problem) throw invalid('ENT_IP_INVALID', problem.field, problem.message);
  await db.transaction(async (tx) => {
    const before = await tx.query(
      'select kind, acquisition, count, used_in_earlier_hnte as "usedInEarlierHnte" from enterprise_ip where enterprise_id = $1 order by kind, acquisition',
      [id],
    );
    await tx.query('delete from enterprise_ip where enterprise_id = $1', [id]);
    for (const h of holdings.filter((x) => x.count > 0)) {
      await tx.query('insert into enterprise_ip (enterprise_id, kind, acquisition, count, used_in_earlier_hnte) values ($1, $2, $3, $4, $5)', [
        id,
        h.kind,
        h.acquisition,
        h.count,
        h.usedInEarlierHnte,
      ]);
    }
    await audit(tx, actor, { action: 'enterpriseIp.set', entity: 'enterprise', entityId: id, regionCode: current.regionCode, before, after: holdings });
    await finish(tx, id);
  });
}

export async function addQualification(db: Db, actor: Actor, id: number, q: z.infer<typeof ZQualificationInput>): Promise<{ id: number }> {
  requireBureau(actor);
  const current = await visibleEnterprise(db, actor.scope, id);
  const validUntil = q.validUntil ?? defaultValidUntil(q.kind, q.issuedOn);
  if (validUntil < q.issuedOn)
    throw enterpriseError('ENT_VALID_UNTIL_BEFORE_ISSUE', { params: { validUntil, issuedOn: q.issuedOn }, details: { field: 'validUntil' } });
  return db.transaction(async (tx) => {
    const [dup] = await tx.query<{ name: string }>(
      'select e.name from qualifications q join enterprises e on e.id = q.enterprise_id where q.kind = $1 and q.certificate_no = $2',
      [q.kind, q.certificateNo],
    );
    if (dup)
      throw enterpriseError('ENT_CERTIFICATE_TAKEN', {
        params: { certificateNo: q.certificateNo, name: dup.name },
        details: { field: 'certificateNo', value: q.certificateNo },
      });
    const [row] = await tx.query<{ id: number }>(
      'insert into qualifications (enterprise_id, kind, certificate_no, issued_on, valid_until, status) values ($1, $2, $3, $4, $5, $6) returning id',
      [id, q.kind, q.certificateNo, q.issuedOn, validUntil, q.status],
    );
    await audit(tx, actor, {
      action: 'qualification.create',
      entity: 'qualification',
      entityId: row.id,
      regionCode: current.regionCode,
      after: { uscc: current.uscc, ...q, validUntil },
    });
    await finish(tx, id);
    return row;
  });
}

export async function setQualificationStatus(db: Db, actor: Actor, id: number, qualificationId: number, status: 'active' | 'revoked'): Promise<void> {
  requireBureau(actor);
  const current = await visibleEnterprise(db, actor.scope, id);
  await db.transaction(async (tx) => {
    const [before] = await tx.query<{ status: string }>('select status from qualifications where id = $1 and enterprise_id = $2 for update', [
      qualificationId,
      id,
    ]);
    if (!before) throw enterpriseError('ENT_QUALIFICATION_NOT_FOUND', { details: { field: 'qualificationId', value: qualificationId } });
    await tx.query('update qualifications set status = $1, updated_at = now() where id = $2', [status, qualificationId]);
    await audit(tx, actor, {
      action: 'qualification.status',
      entity: 'qualification',
      entityId: qualificationId,
      regionCode: current.regionCode,
      before,
      after: { status },
    });
    await finish(tx, id);
  });
}

export async function addRdInstitution(db: Db, actor: Actor, id: number, input: z.infer<typeof ZRdInstitutionInput>): Promise<{ id: number }> {
  requireBureau(actor);
  const current = await visibleEnterprise(db, actor.scope, id);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `insert into rd_institutions (enterprise_id, name, type, level, recognised_year) values ($1, $2, $3, $4, $5)
       on conflict (enterprise_id, type, level, name) do nothing returning id`,
      [id, input.name, input.type, input.level, input.recognisedYear],
    );
    if (!row) throw enterpriseError('ENT_INSTITUTION_TAKEN', { params: { name: input.name }, details: { field: 'name', value: input.name } });
    await audit(tx, actor, {
      action: 'rdInstitution.create',
      entity: 'rdInstitution',
      entityId: row.id,
      regionCode: current.regionCode,
      after: { uscc: current.uscc, ...input },
    });
    await finish(tx, id);
    return row;
  });
}

export async function deleteRdInstitution(db: Db, actor: Actor, id: number, institutionId: number): Promise<void> {
  requireBureau(actor);
  const current = await visibleEnterprise(db, actor.scope, id);
  await db.transaction(async (tx) => {
    const [before] = await tx.query(
      'delete from rd_institutions where id = $1 and enterprise_id = $2 returning name, type, level, recognised_year as "recognisedYear"',
      [institutionId, id],
    );
    if (!before) throw enterpriseError('ENT_INSTITUTION_NOT_FOUND', { details: { field: 'institutionId', value: institutionId } });
    await audit(tx, actor, { action: 'rdInstitution.delete', entity: 'rdInstitution', entityId: institutionId, regionCode: current.regionCode, before });
    await finish(tx, id);
  });
}
