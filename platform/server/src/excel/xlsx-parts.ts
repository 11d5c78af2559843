/**
 * The workbook parts the first sheet's cells depend on (ECMA-376 Part 1 §18.2, §18.4, §18.8), each read
 * in one streaming pass keeping only what the sheet needs: workbook.xml (the first sheet, the 1904 date
 * system), its relationships (where that sheet, the shared strings and the styles are), styles.xml (each
 * cell format's number format) and sharedStrings.xml (bounded in count and characters).
 */
import { BUILT_IN_FORMATS } from './number-formats.ts';
import { formatsTooMany, MAX_CELL_FORMATS, MAX_NODE_CHARS, nodeTooLarge, sharedStringsTooMany, type ReadLimits } from './read-limits.ts';
import { scanXml, type XmlAttrs } from './xml-scanner.ts';
import type { ZipArchive } from './zip-directory.ts';

export interface WorkbookParts {
  date1904: boolean;
  /** the first sheet in the workbook's tab order, or null when the workbook has none */
  sheet: string | null;
  sharedStrings: string;
  styles: string;
}

const ignore = () => undefined;

export async function readWorkbookParts(zip: ZipArchive): Promise<WorkbookParts> {
  let date1904 = false;
  let firstSheetId: string | null = null;
  await scanXml(zip.inflate('xl/workbook.xml'), {
    capturing: false,
    open(name, attrs) {
      if (name === 'workbookPr') date1904 = attrs.date1904 === '1' || attrs.date1904 === 'true';
      else if (name === 'sheet' && firstSheetId === null) firstSheetId = relationshipId(attrs);
    },
    close: ignore,
    text: ignore,
  });
  const parts: WorkbookParts = { date1904, sheet: null, sharedStrings: 'xl/sharedStrings.xml', styles: 'xl/styles.xml' };
  await scanXml(zip.inflate('xl/_rels/workbook.xml.rels'), {
    capturing: false,
    open(name, a) {
      if (name !== 'Relationship' || !a.Target) return;
      const path = resolveTarget(a.Target);
      if (a.Id === firstSheetId) parts.sheet = path;
      else if (a.Type?.endsWith('/sharedStrings')) parts.sharedStrings = path;
      else if (a.Type?.endsWith('/styles')) parts.styles = path;
    },
    close: ignore,
    text: ignore,
  });
  if (parts.sheet === null || !zip.has(parts.sheet)) parts.sheet = fallbackSheet(zip);
  return parts;
}

/** The r:id of a <sheet>, whatever prefix the relationships namespace was given. */
function relationshipId(attrs: XmlAttrs): string | null {
  for (const [k, v] of Object.entries(attrs)) if (k.endsWith(':id')) return v;
  return null;
}

/** A relationship target is relative to xl/, or absolute from the package root. */
function resolveTarget(target: string): string {
  const out: string[] = [];
  for (const p of (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/')) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** Without a usable workbook.xml: sheet1.xml, else the lowest-numbered sheet. */
function fallbackSheet(zip: ZipArchive): string | null {
  const numbered = [...zip.entries.keys()]
    .map((name) => ({ name, n: Number(/^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name)?.[1] ?? NaN) }))
    .filter((s) => !Number.isNaN(s.n))
    .sort((a, b) => a.n - b.n);
  return numbered[0]?.name ?? null;
}

/** The number format of each cell format index (the `s` of a cell); 0 and unknown indexes have none, as in exceljs. */
export async function readNumberFormats(zip: ZipArchive, path: string): Promise<(style: number) => string | undefined> {
  const formatIds: number[] = [];
  const custom = new Map<number, string>();
  let inNumFmts = false;
  let inCellXfs = false;
  await scanXml(zip.inflate(path), {
    capturing: false,
    open(name, a) {
      if (name === 'numFmts') inNumFmts = true;
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'numFmt' && inNumFmts) {
        if (custom.size >= MAX_CELL_FORMATS) throw formatsTooMany();
        custom.set(parseInt(a.numFmtId, 10), (a.formatCode ?? '').replace(/\\(.)/g, '$1'));
      } else if (name === 'xf' && inCellXfs) {
        if (formatIds.length >= MAX_CELL_FORMATS) throw formatsTooMany();
        formatIds.push(parseInt(a.numFmtId, 10));
      }
    },
    close(name) {
      if (name === 'numFmts') inNumFmts = false;
      else if (name === 'cellXfs') inCellXfs = false;
    },
    text: ignore,
  });
  return (style) => {
    const id = style ? formatIds[style] : undefined;
    return id ? custom.get(id) || BUILT_IN_FORMATS[id] : undefined;
  };
}

/**
 * The shared strings: each <si>'s text, rich-text runs joined, phonetic guides (<rPh>) left out; an
 * <si> without text is null. At most `maxCells` strings (a table cannot use more) and half the
 * inflation limit in characters (so the table never holds more than that limit in UTF-16).
 */
export async function readSharedStrings(zip: ZipArchive, path: string, limits: ReadLimits): Promise<(string | null)[]> {
  const maxChars = Math.floor(limits.maxInflatedBytes / 2);
  const strings: (string | null)[] = [];
  let chars = 0;
  let inSi = false;
  let inPhonetic = false;
  let capturing = false;
  let text: string | null = null;
  await scanXml(zip.inflate(path), {
    get capturing() {
      return capturing;
    },
    open(name) {
      if (name === 'si') {
        inSi = true;
        text = null;
      } else if (name === 'rPh') inPhonetic = true;
      else if (name === 't' && inSi && !inPhonetic) capturing = true;
    },
    close(name) {
      if (name === 't') capturing = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si' && inSi) {
        if (strings.length >= limits.maxCells) throw sharedStringsTooMany(limits.maxCells, maxChars);
        strings.push(text);
        inSi = false;
      }
    },
    text(s) {
      chars += s.length;
      if (chars > maxChars) throw sharedStringsTooMany(limits.maxCells, maxChars);
      text = text === null ? s : text + s;
      if (text.length > MAX_NODE_CHARS) throw nodeTooLarge();
    },
  });
  return strings;
}
