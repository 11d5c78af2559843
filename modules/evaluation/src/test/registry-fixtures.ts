/**
 * Enterprises for the leadership preset's tests, made through the registry's API (so the registry's own
 * checks apply): a field of eligible tech firms with varied 2023 figures, and one firm failing each
 * eligibility condition. Independent of the demo data: tests assert on these firms, not on counts.
 */
import { usccCheckCharacter } from '@kechuang/enterprises/domain';
import { json, type TestApp } from '@kechuang/testing';

export const TOWN = '330211001'; // 招宝山街道, the demo `town` officer's
export const TOWN2 = '330211002'; // 蛟川街道, the demo `town2` officer's
export const YEAR = 2023;

/** A valid USCC: 91 + 330211 + a 9-character organisation code (prefix K for these tests) + its check character. */
export function uscc(n: number): string {
  const first17 = `91330211K${String(n).padStart(8, '0')}`;
  return first17 + usccCheckCharacter(first17);
}

async function send(t: TestApp, cookie: string, method: 'POST' | 'PUT', url: string, payload: object): Promise<{ id: number }> {
  const res = await t.app.inject({ method, url, headers: { cookie }, payload });
  if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return json(res);
}

export interface FirmSpec {
  n: number;
  name: string;
  regionCode: string;
  foundedOn?: string;
  /** 0…1: how strong the firm is (scales every figure) */
  strength: number;
  qualifications?: ('techSme' | 'hnte' | 'techLittleGiant')[];
  hasFigures?: boolean;
  employees?: number | null;
  institutions?: ('national' | 'provincial' | 'municipal')[];
}

/** Creates one firm with its 2023 figures, IP, qualifications and R&D institutions; returns its id. */
export async function createFirm(t: TestApp, cookie: string, f: FirmSpec): Promise<number> {
  const { id } = await send(t, cookie, 'POST', '/api/enterprises', {
    uscc: uscc(f.n),
    name: f.name,
    regionCode: f.regionCode,
    foundedOn: f.foundedOn ?? '2015-03-01',
    industryCode: f.n % 2 ? 'C2614' : 'C3411',
    hnteField: 'newMaterials',
  });
  const s = f.strength;
  if (f.hasFigures !== false) {
    const revenue = Math.round(20_000_000 + 180_000_000 * s);
    await send(t, cookie, 'PUT', `/api/enterprises/${id}/years/${YEAR}`, {
      revenue,
      highTechRevenue: Math.round(revenue * (0.4 + 0.5 * s)),
      rdExpense: Math.round(revenue * (0.02 + 0.05 * s + 0.003 * (f.n % 3))),
      rdExpenseDomestic: Math.round(revenue * 0.02),
      totalCost: Math.round(revenue * 0.9),
      totalAssets: revenue * 2,
      netAssets: revenue,
      employees: f.employees === undefined ? 60 + Math.round(400 * s) : f.employees,
      sciTechStaff: 8 + Math.round(90 * s),
      conversions: Math.round(12 * s) + (f.n % 4),
    });
  }
  await send(t, cookie, 'PUT', `/api/enterprises/${id}/ip`, {
    items: [
      { kind: 'inventionPatent', acquisition: 'own', count: Math.round(25 * s) + (f.n % 3) },
      { kind: 'utilityModel', acquisition: 'own', count: Math.round(40 * s) + (f.n % 5) },
    ],
  });
  for (const [k, kind] of (f.qualifications ?? ['techSme']).entries()) {
    await send(t, cookie, 'POST', `/api/enterprises/${id}/qualifications`, {
      kind,
      certificateNo: `V${f.n}-${k}`,
      issuedOn: kind === 'techSme' ? '2023-04-01' : '2022-11-20',
    });
  }
  for (const [k, level] of (f.institutions ?? []).entries()) {
    await send(t, cookie, 'POST', `/api/enterprises/${id}/rd-institutions`, {
      name: `V${f.n} 研发中心 ${k}`,
      type: 'engineeringCenter',
      level,
      recognisedYear: 2020,
    });
  }
  return id;
}

/** 24 eligible firms over two towns (strength spread evenly, a few HNTE, institutions at the top) and three ineligible ones. */
export function fieldOfFirms(base = 0): FirmSpec[] {
  const firms: FirmSpec[] = Array.from({ length: 24 }, (_, i) => ({
    n: base + i + 1,
    name: `评价测试${String(i + 1).padStart(2, '0')}新材料有限公司`,
    regionCode: i % 3 === 0 ? TOWN2 : TOWN,
    strength: (i + 1) / 24,
    qualifications: i >= 16 ? ['techSme', 'hnte'] : ['techSme'],
    institutions: i >= 20 ? ['provincial'] : i >= 12 ? ['municipal'] : [],
    ...(i === 5 ? { employees: null } : {}),
  }));
  firms.push(
    { n: base + 101, name: '评价测试年轻科技有限公司', regionCode: TOWN, foundedOn: '2022-01-10', strength: 1 },
    { n: base + 102, name: '评价测试无资质制造有限公司', regionCode: TOWN, strength: 1, qualifications: [] },
    { n: base + 103, name: '评价测试无年报科技有限公司', regionCode: TOWN2, strength: 1, hasFigures: false },
  );
  return firms;
}
