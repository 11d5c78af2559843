/**
 * 统一社会信用代码 (USCC), GB 32100-2015: 18 characters from a 31-character set (no I, O, Z, S, V);
 * 1 registration authority, 2 organisation type, 3–8 the GB/T 2260 region code of registration,
 * 9–17 the organisation code, 18 a check character: 31 − (Σ value(cᵢ)·wᵢ mod 31), 31 written as 0.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccProblem = 'length' | 'character' | 'region' | 'checkCharacter';

export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  const check = 31 - (sum % 31);
  return CHARSET[check === 31 ? 0 : check];
}

/** The code as written (trimmed, upper-case) with what is wrong with it, if anything. */
export function validateUscc(raw: string): { uscc: string; problem: UsccProblem | null; expected?: string } {
  const uscc = raw.trim().toUpperCase();
  if (uscc.length !== 18) return { uscc, problem: 'length' };
  for (const c of uscc) if (!CHARSET.includes(c)) return { uscc, problem: 'character' };
  if (!/^\d{6}$/.test(uscc.slice(2, 8))) return { uscc, problem: 'region' };
  const expected = usccCheckCharacter(uscc.slice(0, 17));
  return expected === uscc[17] ? { uscc, problem: null } : { uscc, problem: 'checkCharacter', expected };
}

/** The GB/T 2260 region code in a USCC (characters 3–8). */
export const usccRegion = (uscc: string): string => uscc.slice(2, 8);
