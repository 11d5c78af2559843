/**
 * The market's data files: the vocabulary under modules/market/data/ (read once, the engine built on it
 * kept), and the labelled evaluation set under data/eval/. The domain stays pure: this is where files are read.
 */
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
