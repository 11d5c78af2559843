/**
 * A demo firm's name, 统一社会信用代码 and contacts. Names: 宁波/镇海 + trade name + industry word + 有限公司 or
 * 股份有限公司, unique. USCC (GB 32100-2015): 9 (registered by the market regulator) 1 (an enterprise) + the
 * district's code + a nine-character organisation code (MA… for firms registered since 2016, the old
 * eight digits and a check character before) + the check character; unique.
 */
import { usccCheckCharacter } from '../domain/uscc.ts';
import type { Firm } from './firms.ts';
import type { Rng } from './rng.ts';
import { GIVEN, NAME_PREFIXES, ROADS, SURNAMES, TRADE_NAMES } from './words.ts';

export interface Identity {
  uscc: string;
  name: string;
  /** trade name and industry word, for the names of its R&D institutions */
  shortName: string;
  address: string;
  registeredCapital: number;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// registered capital in 万元, the round figures firms choose
const CAPITALS = [50, 100, 200, 300, 500, 800, 1000, 1200, 1500, 2000, 3000, 5000, 8000, 10000, 20000, 30000, 50000, 100000];

const chars = (r: Rng, set: string, n: number) => Array.from({ length: n }, () => set[r.int(0, set.length - 1)]).join('');
const digits = (r: Rng, n: number) => chars(r, '0123456789', n);

function capital(r: Rng, revenue: number): number {
  const wanted = (revenue * r.float(0.08, 0.5)) / 10_000;
  const nearest = CAPITALS.reduce((best, c) => (Math.abs(Math.log(c / wanted)) < Math.abs(Math.log(best / wanted)) ? c : best));
  return nearest * 10_000;
}

export function assignIdentities(firms: readonly Firm[], district: string, addressPrefix: string, r: Rng): void {
  const names = new Set<string>();
  const codes = new Set<string>();
  for (const f of firms) {
    let name = '';
    let shortName = '';
    while (!name || names.has(name)) {
      const tech = f.role !== 'nontech' && !/科技|技术/.test(f.industry.word) && r.chance(0.25) ? '科技' : '';
      const form = f.listed || (f.aboveScale && r.chance(0.2)) ? '股份有限公司' : '有限公司';
      shortName = r.pick(TRADE_NAMES) + f.industry.word;
      name = r.pick(NAME_PREFIXES) + shortName + tech + form;
    }
    names.add(name);
    let uscc = '';
    while (!uscc || codes.has(uscc)) {
      const org = f.foundedYear >= 2016 ? `MA${chars(r, CHARSET, 7)}` : digits(r, 8) + chars(r, CHARSET, 1);
      const first17 = `91${district}${org}`;
      uscc = first17 + usccCheckCharacter(first17);
    }
    codes.add(uscc);
    const [surname, pinyin] = r.pick(SURNAMES);
    f.identity = {
      uscc,
      name,
      shortName,
      address: `${addressPrefix}${f.unit.name}${r.pick(ROADS)}${r.int(1, 999)}号`,
      registeredCapital: capital(r, f.revenue2025),
      contactName: surname + chars(r, GIVEN.join(''), r.int(1, 2)),
      contactPhone: `0574-8${r.pick(['6', '7'])}${digits(r, 6)}`,
      contactEmail: `${pinyin}${r.int(10, 9999)}@example.com`,
    };
  }
}
