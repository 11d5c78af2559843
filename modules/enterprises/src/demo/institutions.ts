/**
 * The demo's enterprise R&D institutions (研发机构). Provincial or national engineering centres follow each
 * unit's plan path for 省级以上企业工程(技术)中心 year by year; municipal and district centres, enterprise
 * research institutes, key labs and HNTE R&D centres are spread over the tech firms and the traditional
 * firms that do R&D. Above-scale firms without any are the 两清零 list's.
 */
import { FIRST_YEAR, LAST_YEAR, type Firm, type InstitutionRow } from './firms.ts';
import type { Rng } from './rng.ts';

const LEVEL_ZH: Record<InstitutionRow['level'], string> = { national: '国家', provincial: '省级', municipal: '市级', district: '区级' };
const TYPE_ZH: Record<InstitutionRow['type'], string> = {
  engineeringCenter: '企业工程技术中心',
  enterpriseResearchInstitute: '企业研究院',
  keyLab: '重点实验室',
  hnteRdCenter: '高新技术企业研发中心',
};

function add(f: Firm, type: InstitutionRow['type'], level: InstitutionRow['level'], recognisedYear: number): void {
  f.institutions.push({ name: `${f.identity!.shortName}${LEVEL_ZH[level]}${TYPE_ZH[type]}`, type, level, recognisedYear });
}

/** Provincial (and a few national) engineering centres: `planned(year)` of them recognised by the end of each year. */
function provincialCentres(firms: readonly Firm[], planned: (year: number) => number, r: Rng): void {
  const hosts = firms
    .filter((f) => f.role !== 'nontech' || (f.aboveScale && f.rdFrom !== null && f.rdFrom <= FIRST_YEAR))
    .map((f) => ({ f, w: (f.aboveScale ? 3 : 1) * Math.log(f.revenue2025) * r.float(0.7, 1.3) }))
    .sort((a, b) => b.w - a.w || a.f.key.localeCompare(b.f.key))
    .map((x) => x.f);
  const used = new Set<Firm>();
  let count = 0;
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    const want = Math.max(count, Math.round(planned(year)));
    while (count < want) {
      const host = hosts.find((f) => !used.has(f) && f.foundedYear <= year - 3);
      if (!host) break;
      used.add(host);
      const national = year === FIRST_YEAR && count === 0 && host.revenue2025 > 500_000_000 && r.chance(0.6);
      add(
        host,
        'engineeringCenter',
        national ? 'national' : 'provincial',
        year === FIRST_YEAR ? r.int(Math.max(2006, host.foundedYear + 3), FIRST_YEAR) : year,
      );
      count++;
    }
  }
}

function others(f: Firm, r: Rng): void {
  const since = (min: number) => Math.max(min, f.foundedYear + 2, 2008);
  const maybe = (p: number, type: InstitutionRow['type'], level: InstitutionRow['level'], min = 0) => {
    const from = since(min);
    if (from <= LAST_YEAR && r.chance(p)) {
      add(f, type, level, r.int(from, LAST_YEAR));
      return true;
    }
    return false;
  };
  switch (f.role) {
    case 'hnte': {
      const certified = f.hnte!.starts[0] + 1;
      if (!maybe(f.aboveScale ? 0.35 : 0.25, 'hnteRdCenter', 'provincial', certified)) maybe(0.25, 'hnteRdCenter', 'municipal', certified);
      maybe(f.aboveScale ? 0.25 : 0.05, 'enterpriseResearchInstitute', 'provincial');
      if (!maybe(0.03, 'keyLab', 'provincial')) maybe(0.05, 'keyLab', 'municipal');
      if (!maybe(0.25, 'engineeringCenter', 'municipal')) maybe(0.2, 'engineeringCenter', 'district');
      // a little giant or tech leader runs a provincial enterprise research institute (省级企业研究院)
      const giant = f.qualifications.find((q) => q.kind === 'techLittleGiant');
      if (giant && !f.institutions.some((i) => i.type === 'enterpriseResearchInstitute'))
        add(f, 'enterpriseResearchInstitute', 'provincial', Number(giant.issuedOn.slice(0, 4)));
      if (f.aboveScale && f.institutions.length === 0) maybe(0.7, 'engineeringCenter', 'municipal');
      break;
    }
    case 'candidate':
      if (!maybe(0.1, 'engineeringCenter', 'municipal')) maybe(0.25, 'engineeringCenter', 'district');
      break;
    case 'tech':
      if (!maybe(0.04, 'engineeringCenter', 'municipal')) maybe(0.1, 'engineeringCenter', 'district');
      break;
    case 'nontech':
      if (f.aboveScale && f.rdFrom !== null && r.chance(0.55)) maybe(1, 'engineeringCenter', r.chance(0.5) ? 'municipal' : 'district', f.rdFrom);
      break;
  }
}

export function rdInstitutions(firms: readonly Firm[], plannedCentres: (year: number) => number, r: Rng): void {
  provincialCentres(firms, plannedCentres, r);
  for (const f of firms) others(f, r);
}
