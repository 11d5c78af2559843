/**
 * The market's vocabulary, kept as data the bureau can edit (modules/market/data/, format in
 * docs/matching.md): a domain dictionary for segmentation, stop words, synonym groups (=), related terms
 * (≈), problem → technology bridges (→) and industry-chain links. Parsing is pure: texts in, a Lexicon out,
 * a LexiconError naming the file and line for anything it cannot read.
 */

export interface ChainLink {
  /** e.g. 锂电池·电解液 */
  name: string;
  field: string;
  /** canonical terms whose presence puts a listing on this link */
  terms: string[];
}

export interface Lexicon {
  /** words segmentation must keep whole: the dictionary's and every term the lists name (normalised) */
  words: string[];
  stopwords: Set<string>;
  /** any spelling of a concept → its canonical term */
  canonical: Map<string, string>;
  /** canonical term → the spelling shown to people (the group's first, as written) */
  display: Map<string, string>;
  /** canonical → related canonicals (≈, symmetric) */
  related: Map<string, Set<string>>;
  /** a problem's canonical → the technologies' canonicals it calls for (→, one way) */
  bridges: Map<string, Set<string>>;
  /** field synonyms: any spelling → canonical field name */
  fields: Map<string, string>;
  links: ChainLink[];
}

export interface LexiconTexts {
  dictionary: string;
  synonyms: string;
  stopwords: string;
  chains: string;
}

export class LexiconError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    reason: string,
  ) {
    super(`词表 ${file} 第 ${line} 行：${reason}`);
  }
}

/** One spelling for comparison: full-width to half-width (NFKC), lower case, no white space. */
export function normaliseTerm(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** The meaningful lines of a data file: comments (#) and blank lines dropped, with their line numbers. */
function lines(text: string): { n: number; line: string }[] {
  return text
    .split(/\r?\n/)
    .map((l, i) => ({ n: i + 1, line: l.replace(/#.*$/, '').trim() }))
    .filter((l) => l.line !== '');
}

const split = (s: string, sep: RegExp): string[] =>
  s
    .split(sep)
    .map((t) => t.trim())
    .filter((t) => t !== '');

function addTo<K, V>(m: Map<K, Set<V>>, k: K, v: V): void {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  s.add(v);
}

export function parseLexicon(t: LexiconTexts): Lexicon {
  const words = new Set<string>();
  const canonical = new Map<string, string>();
  const display = new Map<string, string>();
  const related = new Map<string, Set<string>>();
  const bridges = new Map<string, Set<string>>();
  const fields = new Map<string, string>();

  for (const { n, line } of lines(t.dictionary)) {
    const w = normaliseTerm(line.split(/\s+/)[0]);
    if (w.length < 2) throw new LexiconError('dictionary.txt', n, `词条“${line}”至少两个字`);
    words.add(w);
  }
  const stopwords = new Set(
    lines(t.stopwords)
      .flatMap((l) => split(l.line, /\s+/))
      .map(normaliseTerm),
  );

  const syn = lines(t.synonyms);
  // synonym groups first, so that related terms and bridges can name any spelling of a concept
  for (const { n, line } of syn) {
    if (line.startsWith('领域:') || line.startsWith('领域：')) {
      const names = split(line.slice(3), /=/);
      for (const f of names) fields.set(normaliseTerm(f), names[0]);
      continue;
    }
    if (!line.includes('=')) continue;
    const terms = split(line, /=/);
    if (terms.length < 2) throw new LexiconError('synonyms.txt', n, '同义词组至少两个词，用 = 分隔');
    const head = normaliseTerm(terms[0]);
    for (const term of terms) {
      const k = normaliseTerm(term);
      const had = canonical.get(k);
      if (had !== undefined) throw new LexiconError('synonyms.txt', n, `“${term}”已在“${display.get(had)}”的同义词组里`);
      canonical.set(k, head);
      words.add(k);
    }
    display.set(head, terms[0]);
  }
  const canon = (term: string): string => {
    const k = normaliseTerm(term);
    words.add(k);
    if (!display.has(canonical.get(k) ?? k)) display.set(k, term);
    return canonical.get(k) ?? k;
  };
  for (const { n, line } of syn) {
    if (line.includes('=') || line.startsWith('领域')) continue;
    const arrow = line.match(/^(.+?)(?:->|→|>)(.+)$/);
    if (arrow) {
      const problems = split(arrow[1], /[,，、]/);
      const targets = split(arrow[2], /[,，、]/);
      if (problems.length === 0 || targets.length === 0) throw new LexiconError('synonyms.txt', n, '问题→技术：两边都要有词');
      for (const p of problems) for (const x of targets) addTo(bridges, canon(p), canon(x));
      continue;
    }
    const group = split(line, /[~≈]/);
    if (group.length < 2) throw new LexiconError('synonyms.txt', n, `看不懂“${line}”：同义用 =，相关用 ≈ 或 ~，问题对应技术用 →`);
    const cs = group.map(canon);
    for (const a of cs) for (const b of cs) if (a !== b) addTo(related, a, b);
  }

  const links: ChainLink[] = [];
  for (const { n, line } of lines(t.chains)) {
    const m = line.match(/^(.+?)\s*\/\s*(.+?)\s*[:：]\s*(.+)$/);
    if (!m) throw new LexiconError('chains.txt', n, '格式应为“领域 / 环节：术语，术语”');
    const terms = split(m[3], /[,，、]/).map(canon);
    links.push({ field: fields.get(normaliseTerm(m[1])) ?? m[1], name: m[2], terms });
  }
  return { words: [...words], stopwords, canonical, display, related, bridges, fields, links };
}
