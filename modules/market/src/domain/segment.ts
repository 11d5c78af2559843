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

/** a letter or a Chinese character (a plain character class: the \p{L} property test costs more, per token) */
const LETTER = /[a-z\u00c0-\u024f\u0370-\u03ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
/** a token worth indexing: two characters or more, with a letter or a Chinese character in it */
const meaningful = (t: string): boolean => t.length >= 2 && LETTER.test(t);

export class Segmenter {
  private readonly jieba: Jieba;

  constructor(private readonly lexicon: Lexicon) {
    // jieba's own dictionary (~350,000 words) takes ~0.5 s to load: make one Segmenter and keep it
    this.jieba = Jieba.withDict(dict);
    if (lexicon.words.length > 0) this.jieba.loadDict(Buffer.from(lexicon.words.map((w) => `${w} ${DOMAIN_WORD_FREQ} n`).join('\n')));
  }

  /** canonical terms of a text, in order, repeated as often as they occur */
  terms(text: string): string[] {
    return this.parts(text, '').head;
  }

  /**
   * The terms of a listing's head (title, keywords) and body in one call to jieba, which costs as much per
   * call as per character on short texts: the two are joined by a line break, which jieba answers as a token.
   */
  parts(head: string, body: string): { head: string[]; body: string[] } {
    const out = { head: [] as string[], body: [] as string[] };
    const text = `${head.replace(/[\r\n]+/g, ' ')}\n${body.replace(/[\r\n]+/g, ' ')}`;
    let into = out.head;
    for (const t of this.jieba.cutForSearch(text.normalize('NFKC').toLowerCase(), false)) {
      if (t === '\n') into = out.body;
      if (!meaningful(t) || this.lexicon.stopwords.has(t)) continue;
      into.push(this.lexicon.canonical.get(t) ?? t);
    }
    return out;
  }
}
