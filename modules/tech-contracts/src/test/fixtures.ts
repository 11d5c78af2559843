/** Towns of the demo district (镇海区) the tests place parties in, and valid USCCs made up for tests. */
import { usccCheckCharacter } from '@kechuang/enterprises/domain';

export const TOWN = '330211001'; // 招宝山街道, the demo `town` officer's
export const TOWN2 = '330211002'; // 蛟川街道, the demo `town2` officer's

/** A valid USCC registered in 330211 with an organisation code built from `n`. */
export function testUscc(n: number, prefix = 'T'): string {
  const first17 = `91330211${prefix}C${String(n).padStart(7, '0')}`.slice(0, 17);
  return first17 + usccCheckCharacter(first17);
}
