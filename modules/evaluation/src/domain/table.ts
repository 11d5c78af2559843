/**
 * The data an index is computed on: one row per entity (enterprise, institute, town), one Float64Array
 * per numeric column (NaN = missing), and text columns for grouping (e.g. industry for group-mean
 * imputation). Columnar for speed: 100,000 × 40 is 32 MB of doubles, read column by column.
 */
import { IndexError } from './errors.ts';
import type { Scheme } from './scheme-format.ts';
import { schemeColumns } from './scheme.ts';

export interface DataTable {
  ids: string[];
  columns: Map<string, Float64Array>;
  text: Map<string, string[]>;
}

/** Cells read as missing in a numeric column. */
export const MISSING_MARKERS = new Set(['', 'na', 'n/a', 'nan', 'null', '-', '—', '－', '缺失', '无数据']);

/** A number as typed: plain or scientific notation, optionally with thousands separators (1,234.5). NaN when missing; null when not a number. */
export function parseCell(text: string): number | null {
  const t = text.trim();
  if (MISSING_MARKERS.has(t.toLowerCase())) return NaN;
  const plain = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) ? t.replace(/,/g, '') : t;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(plain)) return null;
  const v = Number(plain);
  return Number.isFinite(v) ? v : null;
}

export interface RecordsOptions {
  idColumn?: string;
  /** the spreadsheet row number of rows[0], for messages (header = row 1) */
  firstRow?: number;
}

/**
 * Header + text rows (as csv-parse gives them) → a DataTable with the columns asked for. Refuses, naming
 * the column (and row): a missing column, text in a numeric column, a missing or repeated id.
 */
export function tableFromRecords(header: string[], rows: string[][], need: { numeric: string[]; text: string[] }, opts: RecordsOptions = {}): DataTable {
  const idColumn = opts.idColumn ?? 'id';
  const firstRow = opts.firstRow ?? 2;
  const names = header.map((h) => h.trim());
  const at = (c: string) => names.indexOf(c);
  const missing = [idColumn, ...need.numeric, ...need.text].filter((c) => at(c) < 0);
  if (missing.length > 0) {
    throw new IndexError('DATA_COLUMN_MISSING', `数据缺少列：${missing.join('、')}（表头为 ${names.join(', ')}）`, { columns: missing });
  }
  const idAt = at(idColumn);
  const ids = rows.map((r, i) => {
    const id = (r[idAt] ?? '').trim();
    if (!id) throw new IndexError('DATA_ID', `第 ${firstRow + i} 行的 ${idColumn} 为空`, { row: firstRow + i, column: idColumn });
    return id;
  });
  checkUniqueIds(ids, firstRow);
  const columns = new Map<string, Float64Array>();
  for (const c of need.numeric) {
    const k = at(c);
    const col = new Float64Array(rows.length);
    const bad: { row: number; value: string }[] = [];
    for (let i = 0; i < rows.length; i++) {
      const v = parseCell(rows[i][k] ?? '');
      if (v === null) bad.push({ row: firstRow + i, value: rows[i][k] });
      col[i] = v ?? NaN;
    }
    if (bad.length > 0) {
      const shown = bad
        .slice(0, 5)
        .map((b) => `第 ${b.row} 行 "${b.value}"`)
        .join('、');
      throw new IndexError('DATA_NOT_NUMBER', `列 ${c} 应为数字，但有 ${bad.length} 个单元格不是数字：${shown}${bad.length > 5 ? ' 等' : ''}`, {
        column: c,
        cells: bad.slice(0, 50),
      });
    }
    columns.set(c, col);
  }
  const text = new Map<string, string[]>();
  for (const c of need.text)
    text.set(
      c,
      rows.map((r) => (r[at(c)] ?? '').trim()),
    );
  return { ids, columns, text };
}

function checkUniqueIds(ids: string[], firstRow: number): void {
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const before = seen.get(id);
    if (before !== undefined)
      throw new IndexError('DATA_ID', `实体 id ${id} 重复（第 ${firstRow + before} 行与第 ${firstRow + i} 行）`, {
        id,
        rows: [firstRow + before, firstRow + i],
      });
    seen.set(id, i);
  });
}

/** Checks a table built in code against a scheme: every column present, every column as long as ids, ids unique. */
export function checkTable(scheme: Scheme, table: DataTable): void {
  const need = schemeColumns(scheme);
  const missing = [...need.numeric.filter((c) => !table.columns.has(c)), ...need.text.filter((c) => !table.text.has(c))];
  if (missing.length > 0) throw new IndexError('DATA_COLUMN_MISSING', `数据缺少列：${missing.join('、')}`, { columns: missing });
  for (const [c, col] of table.columns) {
    if (col.length !== table.ids.length)
      throw new IndexError('DATA_COLUMN_MISSING', `列 ${c} 有 ${col.length} 个值，而实体有 ${table.ids.length} 个`, { column: c });
    for (let i = 0; i < col.length; i++) {
      if (col[i] === Infinity || col[i] === -Infinity)
        throw new IndexError('DATA_NOT_NUMBER', `列 ${c} 中实体 ${table.ids[i]} 的值为无穷大`, { column: c, id: table.ids[i] });
    }
  }
  checkUniqueIds(table.ids, 1);
}
