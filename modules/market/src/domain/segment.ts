/**
 * Chinese segmentation: jieba (`@node-rs/jieba`, its own dictionary) with the market's domain words added,
 * in search mode, so that a long term yields its parts as well (选择性加氢 → 选择, 选择性, 加氢, 选择性加氢)
 * and a listing that says only part of a term still meets it. Tokens are normalised (NFKC, lower case),
 * mapped to their concept's canonical term, and stripped of stop words, punctuation and single characters.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { Lexicon } from './lexicon.ts';

/** Frequency given to the domain's words: high enough that jieba keeps them whole in running text. */
const DOMAIN_WORD_FREQ = 200_000;

/** a token worth indexing: two characters or more, with a letter or a Chinese character in it */
const meaningful = (t: string): boolean => t.length >= 2 && /[\p{L}]/u.test(t);

export class Segmenter {
  private readonly jieba: Jieba;

  constructor(private readonly lexicon: Lexicon) {
    // jieba's own dictionary (~350,000 words) takes ~0.5 s to load: make one Segmenter and keep it
    this.jieba = Jieba.withDict(dict);
    if (lexicon.words.length > 0) this.jieba.loadDict(Buffer.from(lexicon.words.map((w) => `${w} ${DOMAIN_WORD_FREQ} n`).join('\n')));
  }

  /** canonical terms of a text, in order, repeated as often as they occur */
  terms(text: string): string[] {
    const out: string[] = [];
    if (!text) return out;
    for (const raw of this.jieba.cutForSearch(text.normalize('NFKC').toLowerCase(), false)) {
      const t = raw.trim();
      if (!meaningful(t) || this.lexicon.stopwords.has(t)) continue;
      out.push(this.lexicon.canonical.get(t) ?? t);
    }
    return out;
  }
}
