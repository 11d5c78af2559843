/** Enterprises made through the API for the registry's integration tests, with valid USCCs. */
import type { TestApp } from '@kechuang/testing';
import { json } from '@kechuang/testing';
import { usccCheckCharacter } from '../domain/uscc.ts';

/** A valid USCC: 91 + 330211 + a 9-character organisation code + its check character. */
export function uscc(n: number): string {
  const first17 = `91330211T${String(n).padStart(8, '0')}`;
  return first17 + usccCheckCharacter(first17);
}

export async function createEnterprise(t: TestApp, cookie: string, body: Record<string, unknown>): Promise<number> {
  const res = await t.app.inject({ method: 'POST', url: '/api/enterprises', headers: { cookie }, payload: body });
  if (res.statusCode !== 200) throw new Error(`create enterprise: ${res.statusCode} ${res.body}`);
  const created: { id: number } = json(res);
  return created.id;
}

export async function put(t: TestApp, cookie: string, url: string, payload: unknown) {
  return t.app.inject({ method: 'PUT', url, headers: { cookie }, payload: payload as Record<string, unknown> });
}

export async function post(t: TestApp, cookie: string, url: string, payload: unknown) {
  return t.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as Record<string, unknown> });
}

/** Three years of figures (2021–2023) for a firm with 40 M CNY revenue; override per year. */
export function figures(over: Record<string, number | null> = {}) {
  return {
    revenue: 40_000_000,
    highTechRevenue: 30_000_000,
    rdExpense: 2_400_000,
    rdExpenseDomestic: 2_400_000,
    totalCost: 36_000_000,
    totalAssets: 60_000_000,
    netAssets: 20_000_000,
    employees: 100,
    sciTechStaff: 20,
    conversions: 5,
    ...over,
  };
}
