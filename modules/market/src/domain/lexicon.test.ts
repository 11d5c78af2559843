import { describe, expect, it } from 'vitest';
import { LexiconError, normaliseTerm, parseLexicon } from './lexicon.ts';

const texts = (synonyms: string, chains = '', dictionary = '') => ({ dictionary, synonyms, stopwords: '的 我们', chains });

describe('parseLexicon', () => {
  it('maps every spelling of a synonym group to the first, shown as written', () => {
    const lx = parseLexicon(texts('锂离子电池 = 锂电 = 锂电池\n碳捕集 = CO2捕获'));
    expect(lx.canonical.get('锂电')).toBe('锂离子电池');
    expect(lx.canonical.get(normaliseTerm('ＣＯ２捕获'))).toBe('碳捕集');
    expect(lx.display.get('碳捕集')).toBe('碳捕集');
    expect(lx.words).toEqual(expect.arrayContaining(['锂离子电池', '锂电', 'co2捕获']));
  });

  it('reads related terms both ways (≈ or ~) and problem → technology bridges one way, through synonyms', () => {
    const lx = parseLexicon(texts('AOI = 自动光学检测\n机器视觉 ≈ 视觉检测 ~ 自动光学检测\n发黄，变色 → 选择性加氢, 脱色'));
    expect([...lx.related.get('机器视觉')!]).toEqual(['视觉检测', 'aoi']);
    expect(lx.related.get('aoi')!.has('机器视觉')).toBe(true);
    expect([...lx.bridges.get('变色')!]).toEqual(['选择性加氢', '脱色']);
    expect(lx.bridges.get('选择性加氢')).toBeUndefined();
  });

  it('reads field aliases and chain links, their terms in canonical form', () => {
    const lx = parseLexicon(texts('领域: 石油化工 = 石化\n催化裂化 = FCC', '石化 / 炼油催化：FCC，加氢脱硫'));
    expect(lx.fields.get('石化')).toBe('石油化工');
    expect(lx.links).toEqual([{ field: '石油化工', name: '炼油催化', terms: ['催化裂化', '加氢脱硫'] }]);
  });

  it.each([
    ['a term in two synonym groups', texts('锂电 = 锂离子电池\n锂电 = 锂电池'), 'synonyms.txt 第 2 行'],
    ['a line it cannot read', texts('锂电池 锂电'), 'synonyms.txt 第 1 行'],
    ['a chain line without its terms', texts('', '新能源 锂电池'), 'chains.txt 第 1 行'],
    ['a one-character dictionary word', texts('', '', '# 注释\n锂'), 'dictionary.txt 第 2 行'],
  ])('refuses %s, naming the file and line', (_, t, where) => {
    expect(() => parseLexicon(t)).toThrow(LexiconError);
    expect(() => parseLexicon(t)).toThrow(where);
  });
});
