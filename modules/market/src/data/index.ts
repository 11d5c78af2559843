/**
 * The market's data files: the vocabulary under modules/market/data/ (read once, the engine built on it
 * kept), and the labelled evaluation set under data/eval/. The domain stays pure: this is where files are read.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MatchEngine, parseLexicon, type Lexicon } from '../domain/index.ts';
import { DATA_DIR } from './paths.ts';

export { DATA_DIR };

export function loadLexicon(dir = DATA_DIR): Lexicon {
  const read = (f: string): string => readFileSync(path.join(dir, f), 'utf8');
  return parseLexicon({ dictionary: read('dictionary.txt'), synonyms: read('synonyms.txt'), stopwords: read('stopwords.txt'), chains: read('chains.txt') });
}

let engine: MatchEngine | null = null;

/** the engine on the repository's vocabulary, made once per process (segmentation's dictionary takes ~0.5 s to load) */
export function defaultEngine(): MatchEngine {
  engine ??= new MatchEngine(loadLexicon());
  return engine;
}

export * from './eval-set.ts';

/** changes when the way a listing is read changes (analyse.ts, segment.ts), so that stored readings are made again */
const READING_FORMAT = 1;

/** The vocabulary's version: a digest of the four files and the reading's format (the listings' stored readings follow it). */
export function vocabularyVersion(dir = DATA_DIR): string {
  const hash = createHash('sha256').update(`reading ${READING_FORMAT}\n`);
  for (const f of ['dictionary.txt', 'synonyms.txt', 'stopwords.txt', 'chains.txt']) hash.update(`${f}\n`).update(readFileSync(path.join(dir, f)));
  return hash.digest('hex').slice(0, 16);
}
