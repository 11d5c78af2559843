/**
 * One enterprise's profile: master data, yearly figures with their source, IP, qualifications, institutions, and
 * its rules checked live; and the core-IP judgement the check used, with where it comes from.
 */
import type { z } from 'zod';
import { estimateSuperDeduction } from '@kechuang/eligibility/domain';
import { BUREAU_ROLES, type Actor, type Db } from '@kechuang/platform-server';
import type { ZEnterprise, ZEnterpriseYear, ZProfile, ZQualification, ZRdInstitution } from '../contract/schemas.ts';
import { coreIpJudgement, isValidOn, superDeductionIndustry, tierOn } from '../domain/index.ts';
import { loadRegistry, YEAR_COLUMNS, yearFromRow } from '../db/load-registry.ts';
import { checkRecord, today } from '../db/recheck.ts';
import { visibleEnterprise } from '../db/scope.ts';

export type Profile = z.infer<typeof ZProfile>;

export const ENTERPRISE_COLUMNS = `e.id, e.uscc, e.name, e.region_code as "regionCode", r.name as "regionName", e.address,
  to_char(e.founded_on, 'YYYY-MM-DD') as "foundedOn", e.registered_capital::float8 as "registeredCapital", e.industry_code as "industryCode",
  e.hnte_field as "hnteField", e.chain_tags as "chainTags", e.is_above_scale as "isAboveScale", e.is_listed as "isListed",
  e.owns_core_ip as "ownsCoreIp", e.incidents, e.contact_name as "contactName", e.contact_phone as "contactPhone",
  e.contact_email as "contactEmail", e.is_synthetic as "isSynthetic", to_json(e.updated_at) #>> '{}' as "updatedAt"`;

export async function getProfile(db: Db, actor: Actor, id: number, asOf?: string): Promise<Profile> {
  await visibleEnterprise(db, actor.scope, id);
  const [enterprise] = await db.query<z.infer<typeof ZEnterprise>>(
    `select ${ENTERPRISE_COLUMNS} from enterprises e join regions r on r.code = e.region_code where e.id = $1`,
    [id],
  );
  const yearRows = await db.query<Parameters<typeof yearFromRow>[0] & { source: 'import'; confirmed: boolean; updatedAt: string; updatedBy: string | null }>(
    `select ${YEAR_COLUMNS}, y.source, y.confirmed, to_json(y.updated_at) #>> '{}' as "updatedAt", u.username as "updatedBy"
       from enterprise_years y left join users u on u.id = y.updated_by where y.enterprise_id = $1 order by y.year`,
    [id],
  );
  const years: z.infer<typeof ZEnterpriseYear>[] = yearRows.map((y) => ({
    ...yearFromRow(y),
    source: y.source,
    confirmed: y.confirmed,
    updatedAt: y.updatedAt,
    updatedBy: y.updatedBy,
  }));
  const record = (await loadRegistry(db, [id])).get(id)!;
  const day = today();
  const qualifications = await db.query<Omit<z.infer<typeof ZQualification>, 'validNow'>>(
    `select id, kind, certificate_no as "certificateNo", to_char(issued_on, 'YYYY-MM-DD') as "issuedOn", to_char(valid_until, 'YYYY-MM-DD') as "validUntil", status
       from qualifications where enterprise_id = $1 order by issued_on, kind`,
    [id],
  );
  const rdInstitutions = await db.query<z.infer<typeof ZRdInstitution>>(
    `select id, name, type, level, recognised_year as "recognisedYear" from rd_institutions where enterprise_id = $1 order by recognised_year, name`,
    [id],
  );
  const { asOf: checkedOn, result } = checkRecord(record, asOf);
  const last = record.years.filter((y) => y.year < Number(checkedOn.slice(0, 4))).sort((a, b) => b.year - a.year)[0];
  const holdsHnte = record.qualifications.some((q) => q.kind === 'hnte' && isValidOn(q, checkedOn));
  const superDeduction = last?.rdExpense
    ? {
        year: last.year,
        ...estimateSuperDeduction({
          year: last.year,
          rdExpense: last.rdExpense,
          industry: superDeductionIndustry(enterprise.industryCode),
          isTechSme: result.techSme.qualified === true,
          taxRegime: holdsHnte ? 'hnte' : 'standard',
        }),
      }
    : null;
  const bureau = BUREAU_ROLES.includes(actor.role);
  return {
    enterprise,
    tier: tierOn(record.qualifications, day),
    years,
    ip: record.ip.map((h) => ({ ...h, usedInEarlierHnte: h.usedInEarlierHnte ?? 0 })),
    // the same judgement toRulesInput gave the HNTE check, so 基本信息 and the check agree
    coreIp: coreIpJudgement(record.enterprise.ownsCoreIp, record.ip),
    qualifications: qualifications.map((q) => ({ ...q, validNow: isValidOn(q, day) })),
    rdInstitutions,
    check: { asOf: checkedOn, hnte: result.hnte, techSme: result.techSme, superDeduction },
    canEdit: bureau,
    canSelfReport: actor.role === 'enterpriseUser',
  };
}
