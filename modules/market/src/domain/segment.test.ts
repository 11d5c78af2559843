import { describe, expect, it } from 'vitest';
import { parseLexicon } from './lexicon.ts';
import { Segmenter } from './segment.ts';

const lexicon = parseLexicon({
  dictionary: '晶界扩散\n选择性加氢',
  synonyms: '锂离子电池 = 锂电\n碳捕集 = CO2捕获',
  stopwords: '我们 希望',
  chains: '',
});
const seg = new Segmenter(lexicon);

describe('Segmenter', () => {
  it('keeps the domain dictionary’s words whole, with their parts in search mode', () => {
    const terms = seg.terms('钕铁硼晶界扩散工艺');
    expect(terms).toContain('晶界扩散');
    expect(seg.terms('选择性加氢催化剂')).toEqual(expect.arrayContaining(['选择性加氢', '选择性', '催化剂']));
  });

  it('without the domain word jieba splits it (the dictionary is what keeps it)', () => {
    const plain = new Segmenter(parseLexicon({ dictionary: '', synonyms: '', stopwords: '', chains: '' }));
    expect(plain.terms('钕铁硼晶界扩散工艺')).not.toContain('晶界扩散');
  });

  it('maps synonyms to one term, full-width and upper case included', () => {
    expect(seg.terms('锂电')).toEqual(['锂离子电池']);
    expect(seg.terms('燃煤烟气ＣＯ２捕获')).toContain('碳捕集');
  });

  it('drops stop words, punctuation and single characters', () => {
    const terms = seg.terms('我们希望：的、碳');
    expect(terms).toEqual([]);
  });
});
