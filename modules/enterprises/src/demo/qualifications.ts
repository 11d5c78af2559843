/**
 * The demo's qualifications, all issued by June 2026: HNTE certificates in each year's recognition batches
 * (three years' validity, 《高新技术企业认定管理办法》Art. 9), tech-SME registrations (入库) per year, and the
 * provincial little giants and tech leaders. Numbers are unique per kind: GR + year + 33 (浙江) + 1 + five
 * digits for HNTE; year + district + A + seven digits for tech-SMEs.
 */
import { defaultValidUntil, type QualificationKind } from '../domain/tier.ts';
import { FIRST_YEAR, LAST_YEAR, type Firm, type YearRow } from './firms.ts';
import type { Rng } from './rng.ts';

// the recognition batches' issue dates (month-day) by year: all before 31 December, so a certificate
// covers the year-end of its year of issue and of the two years after
const HNTE_BATCHES: Record<number, readonly string[]> = {
  2012: ['10-29', '11-29'],
  2013: ['10-11', '11-27'],
  2014: ['09-29', '10-27'],
  2015: ['09-17', '10-29'],
  2016: ['11-21', '12-05'],
  2017: ['11-13', '11-30'],
  2018: ['11-30', '12-10'],
  2019: ['12-04', '12-17'],
  2020: ['12-01', '12-24'],
  2021: ['12-16', '12-27'],
  2022: ['12-12', '12-24'],
  2023: ['12-08', '12-22'],
  2024: ['12-06', '12-17'],
  2025: ['11-28', '12-19'],
};

export interface Issued {
  firm: Firm;
  kind: QualificationKind;
  issuedOn: string;
}

const day = (r: Rng) => String(r.int(1, 28)).padStart(2, '0');
const month = (m: number) => String(m).padStart(2, '0');

/** Numbers each kind's certificates in issue order within a year, with gaps (other districts' firms). */
export function numberCertificates(issued: Issued[], r: Rng, format: (year: number, seq: number) => string, start: [number, number] = [100, 900]): void {
  issued.sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.firm.key.localeCompare(b.firm.key));
  let year = 0;
  let seq = 0;
  for (const q of issued) {
    const y = Number(q.issuedOn.slice(0, 4));
    if (y !== year) [year, seq] = [y, r.int(...start)];
    seq += r.int(1, 12);
    q.firm.qualifications.push({ kind: q.kind, certificateNo: format(y, seq), issuedOn: q.issuedOn, validUntil: defaultValidUntil(q.kind, q.issuedOn) });
  }
}

export function hnteCertificates(firms: readonly Firm[], r: Rng): void {
  const issued: Issued[] = [];
  for (const f of firms) {
    f.hnte?.starts.forEach((s, i) => {
      const date = i === 0 && f.hnte!.early ? `${s}-${month(r.int(1, 3))}-${day(r)}` : `${s}-${r.pick(HNTE_BATCHES[s])}`;
      issued.push({ firm: f, kind: 'hnte', issuedOn: date });
    });
  }
  numberCertificates(issued, r, (y, seq) => `GR${y}331${String(seq).padStart(5, '0')}`);
}

/** The figures a registration in `year` is judged on: the year before, or the earliest year on record. */
function figuresFor(f: Firm, year: number): YearRow | undefined {
  return f.years.find((y) => y.year >= Math.max(FIRST_YEAR, year - 1));
}

/** 《科技型中小企业评价办法》: employees ≤ 500, sales ≤ 200 million CNY, total assets ≤ 200 million CNY. */
function mayRegister(f: Firm, year: number): boolean {
  if (f.role === 'nontech' || f.foundedYear > year - 1) return false;
  const y = figuresFor(f, year);
  return !!y && y.employees <= 500 && y.revenue <= 200_000_000 && y.totalAssets <= 200_000_000;
}

/**
 * One unit's tech-SME registrations, 2018 to June 2026: `wanted(year)` a year (as many as the pool allows),
 * most of last year's firms renewing first, then new firms; by June 2026 the spring batches only.
 */
export function techSmeRegistrations(firms: readonly Firm[], wanted: (year: number) => number, r: Rng): Issued[] {
  const out: Issued[] = [];
  const keen = new Map(firms.map((f) => [f, r.next() * (f.role === 'candidate' ? 0.5 : f.role === 'hnte' ? 0.8 : 1)]));
  const register = (f: Firm, year: number, renewal: boolean) =>
    out.push({ firm: f, kind: 'techSme', issuedOn: `${year}-${month(renewal ? r.pick([3, 5]) : r.pick([3, 5, 7, 9, 11]))}-${day(r)}` });
  let last = new Set<Firm>();
  let before = new Set<Firm>();
  for (let year = 2018; year <= LAST_YEAR; year++) {
    const eligible = firms.filter((f) => mayRegister(f, year));
    const want = Math.min(Math.round(wanted(year)), Math.floor(eligible.length * 0.9));
    const renewing = r.shuffle(eligible.filter((f) => last.has(f) && r.chance(0.9))).slice(0, want);
    const fresh = eligible
      .filter((f) => !last.has(f))
      .sort((a, b) => keen.get(a)! - keen.get(b)!)
      .slice(0, want - renewing.length);
    for (const f of renewing) register(f, year, true);
    for (const f of fresh) register(f, year, false);
    [before, last] = [last, new Set([...renewing, ...fresh])];
  }
  // 2026 up to June: half of 2025's firms have renewed, and a few whose 2024 registration lapsed
  for (const f of firms) {
    if (last.has(f) ? r.chance(0.5) : before.has(f) && r.chance(0.15))
      out.push({ firm: f, kind: 'techSme', issuedOn: `2026-${month(r.pick([3, 5]))}-${day(r)}` });
  }
  return out;
}

/** Provincial little giants (~40 designations) and tech leaders (~10) among the larger HNTEs, three years each. */
export function giantsAndLeaders(firms: readonly Firm[], r: Rng): void {
  const pool = firms.filter((f) => f.role === 'hnte' && f.aboveScale && f.hnte!.starts[0] <= 2023 && f.hnte!.starts.at(-1)! >= 2023);
  const ranked = pool.map((f) => ({ f, w: f.revenue2025 * r.float(0.3, 1.7) })).sort((a, b) => b.w - a.w || a.f.key.localeCompare(b.f.key));
  const giants = ranked.slice(0, 34).map((x) => x.f);
  const issued: Issued[] = [];
  for (const f of giants) {
    for (let y = r.int(Math.max(2018, f.hnte!.starts[0] + 2), LAST_YEAR); y <= LAST_YEAR; y += 3) {
      issued.push({ firm: f, kind: 'techLittleGiant', issuedOn: `${y}-09-${day(r)}` });
      if (!r.chance(0.6)) break;
    }
  }
  numberCertificates(issued, r, (y, seq) => `ZJXJR${y}${String(seq).padStart(3, '0')}`, [0, 20]);
  const leaders: Issued[] = [];
  for (const f of [...giants].sort((a, b) => b.revenue2025 - a.revenue2025).slice(0, 8)) {
    for (let y = r.int(2021, LAST_YEAR); y <= LAST_YEAR; y += 3) leaders.push({ firm: f, kind: 'techLeader', issuedOn: `${y}-11-${day(r)}` });
  }
  numberCertificates(leaders, r, (y, seq) => `ZJLJ${y}${String(seq).padStart(3, '0')}`, [0, 5]);
}
