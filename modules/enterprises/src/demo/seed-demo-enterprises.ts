/**
 * Seeds the demo registry: the demo's industry chains, about 3,000 synthetic enterprises (is_synthetic) with
 * their yearly figures (source 'synthetic', with total income and the tech-SME basic conditions), IP (with the
 * Class II items used in earlier HNTE recognitions), qualifications and R&D institutions, loaded with COPY; then
 * every enterprise's rule check, and the registry's four indicator actuals for 2020–2024 as computed
 * figures in place of the indicators demo's synthetic ones. Runs inside the caller's transaction.
 */
import { bumpVersion, reportingUnits, type Db, type Region } from '@kechuang/platform-server';
import { unitBaselinesAndTargets } from '@kechuang/indicators/server';
import { recheckAll } from '../db/recheck.ts';
import { writeRegistryActuals } from '../server/registry-actuals.ts';
import type { Firm } from './firms.ts';
import { generateDemoEnterprises } from './generate-demo-enterprises.ts';
import { PLAN_INDICATORS, type PlanIndicator, type UnitPlans } from './plan.ts';
import { DEMO_CHAINS } from './words.ts';

/** the years whose registry counts the demo writes as indicator actuals: the plan's base year to its last */
export const DEMO_ACTUAL_YEARS = [2020, 2021, 2022, 2023, 2024, 2025];

const str = (v: number | string | boolean | null | undefined): string | null => (v === null || v === undefined ? null : String(v));

/** Each unit's 2020 baselines and 2025 targets of the registry's indicators, as the indicator plan holds them. */
async function unitPlans(db: Db, units: string[]): Promise<UnitPlans> {
  const rows = (await unitBaselinesAndTargets(db, PLAN_INDICATORS, units, '2020', '2025')) as {
    region: string;
    indicator: PlanIndicator;
    kind: 'baseline' | 'target';
    value: string;
  }[];
  const found: Record<string, Partial<Record<PlanIndicator, { baseline?: number; target?: number }>>> = {};
  for (const r of rows) ((found[r.region] ??= {})[r.indicator] ??= {})[r.kind] = Number(r.value);
  const plans: UnitPlans = {};
  for (const [region, byIndicator] of Object.entries(found)) {
    for (const [indicator, p] of Object.entries(byIndicator) as [PlanIndicator, { baseline?: number; target?: number }][]) {
      if (p.baseline !== undefined && p.target !== undefined) (plans[region] ??= {})[indicator] = { baseline: p.baseline, target: p.target };
    }
  }
  return plans;
}

async function copyFirms(db: Db, firms: Firm[]): Promise<Map<Firm, number>> {
  await db.copyRows(
    'enterprises',
    [
      'uscc',
      'name',
      'region_code',
      'address',
      'founded_on',
      'registered_capital',
      'industry_code',
      'hnte_field',
      'chain_tags',
      'is_above_scale',
      'is_listed',
      'incidents',
      'contact_name',
      'contact_phone',
      'contact_email',
      'is_synthetic',
    ],
    firms.map((f) => {
      const i = f.identity!;
      return [
        i.uscc,
        i.name,
        f.unit.code,
        i.address,
        f.foundedOn,
        str(i.registeredCapital),
        f.industry.code,
        f.hnteField,
        `{${f.chain ?? ''}}`,
        str(f.aboveScale),
        str(f.listed),
        str(f.incidents),
        i.contactName,
        i.contactPhone,
        i.contactEmail,
        'true',
      ];
    }),
  );
  const rows = await db.query<{ id: number; uscc: string }>('select id, uscc from enterprises where uscc = any($1::text[])', [
    firms.map((f) => f.identity!.uscc),
  ]);
  const ids = new Map(rows.map((r) => [r.uscc, r.id]));
  return new Map(firms.map((f) => [f, ids.get(f.identity!.uscc)!]));
}

async function copyDetails(db: Db, firms: Firm[], ids: Map<Firm, number>): Promise<void> {
  const rows = <T>(each: (f: Firm) => T[], cells: (id: string, x: T) => (string | null)[]) =>
    firms.flatMap((f) => each(f).map((x) => cells(String(ids.get(f)), x)));
  await db.copyRows(
    'enterprise_years',
    [
      'enterprise_id',
      'year',
      'revenue',
      'high_tech_revenue',
      'rd_expense',
      'rd_expense_domestic',
      'total_cost',
      'total_assets',
      'net_assets',
      'employees',
      'sci_tech_staff',
      'conversions',
      'total_income',
      'resident',
      'industry_excluded',
      'restricted_catalogue',
      'dishonesty_listed',
      'source',
      'confirmed',
    ],
    rows(
      (f) => f.years,
      (id, y) => [
        id,
        str(y.year),
        str(y.revenue),
        str(y.highTechRevenue),
        str(y.rdExpense),
        str(y.rdExpenseDomestic),
        str(y.totalCost),
        str(y.totalAssets),
        str(y.netAssets),
        str(y.employees),
        str(y.sciTechStaff),
        str(y.conversions),
        str(y.totalIncome),
        str(y.resident),
        str(y.industryExcluded),
        str(y.restrictedCatalogue),
        str(y.dishonestyListed),
        'synthetic',
        'true',
      ],
    ),
  );
  await db.copyRows(
    'enterprise_ip',
    ['enterprise_id', 'kind', 'acquisition', 'count', 'used_in_earlier_hnte'],
    rows(
      (f) => f.ip,
      (id, h) => [id, h.kind, h.acquisition, str(h.count), str(h.usedInEarlierHnte)],
    ),
  );
  await db.copyRows(
    'qualifications',
    ['enterprise_id', 'kind', 'certificate_no', 'issued_on', 'valid_until'],
    rows(
      (f) => f.qualifications,
      (id, q) => [id, q.kind, q.certificateNo, q.issuedOn, q.validUntil],
    ),
  );
  await db.copyRows(
    'rd_institutions',
    ['enterprise_id', 'name', 'type', 'level', 'recognised_year'],
    rows(
      (f) => f.institutions,
      (id, i) => [id, i.name, i.type, i.level, str(i.recognisedYear)],
    ),
  );
}

export interface DemoEnterprisesSeeded {
  enterprises: number;
  /** the demo enterprise account's firm: the first near HNTE candidate of the district's first town */
  accountEnterprise: { id: number; name: string } | null;
}

export async function seedDemoEnterprises(db: Db, district: Pick<Region, 'code' | 'path'>): Promise<DemoEnterprisesSeeded> {
  await db.query(
    `insert into industry_chains (code, name, sort) select c, n, s from unnest($1::text[], $2::text[], $3::int[]) as t(c, n, s) on conflict do nothing`,
    [DEMO_CHAINS.map((c) => c.code), DEMO_CHAINS.map((c) => c.name), DEMO_CHAINS.map((_, k) => k + 1)],
  );
  const units = await reportingUnits(db, district.code);
  const plans = await unitPlans(
    db,
    units.map((u) => u.code),
  );
  const ancestors = await db.query<{ name: string }>('select name from regions where code = any($1::text[]) order by length(code)', [
    district.path.split('/').filter(Boolean),
  ]);
  const firms = generateDemoEnterprises({
    district: district.code,
    units: units.map((u) => ({ code: u.code, name: u.name })),
    addressPrefix: ancestors.map((a) => a.name).join(''),
    plans,
  });
  const ids = await copyFirms(db, firms);
  await copyDetails(db, firms, ids);
  // fresh statistics, so the checks and counts below are planned for 3,000 firms rather than for empty tables
  await db.query('analyze enterprises, enterprise_years, enterprise_ip, qualifications, rd_institutions');
  await recheckAll(db);
  await writeRegistryActuals(db, { id: null, username: 'system' }, district.code, DEMO_ACTUAL_YEARS);
  await bumpVersion(db, 'enterprises');
  const first = units[0]?.code;
  const account = firms.find((f) => f.unit.code === first && f.role === 'candidate' && (f.weak === 'rd' || f.weak === 'staff') && !f.nullField);
  return { enterprises: firms.length, accountEnterprise: account ? { id: ids.get(account)!, name: account.identity!.name } : null };
}
