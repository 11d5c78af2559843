/**
 * Reads the first sheet of an .xlsx file, or a .csv file (UTF-8, or GB18030/GBK as Chinese Excel
 * saves it), into a header row and data rows numbered as the spreadsheet shows them (header = row 1).
 * Refuses what cannot be read faithfully: formula cells, merged cells, a missing header.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse as parseCsv } from 'csv-parse/sync';
import { AppError, numberToPlainString, shiftDecimal } from '@kechuang/platform-core';

/** A cell as read: text, a number, a boolean, a date, or empty. */
export type Cell = string | number | boolean | Date | null;

export interface TableRow {
  /** row number as the spreadsheet shows it */
  row: number;
  cells: Cell[];
}

/** A cell as the user sees it in text: a date as YYYY-MM-DD, empty as ''. */
export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).trim();
}
export interface Table {
  headers: string[];
  rows: TableRow[];
}
export interface CellProblem {
  row: number;
  column: string;
  value: string;
  reason: string;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** `onRows` hears how many data rows have been read so far (every few thousand rows), for progress bars. */
export async function readTable(data: Buffer, fileName: string, onRows: (count: number) => void = () => undefined): Promise<Table> {
  const isZip = ZIP_MAGIC.every((b, i) => data[i] === b);
  if (isZip) return readXlsx(data, onRows);
  if (/\.(xlsx|xlsm)$/i.test(fileName)) throw new AppError('IMPORT_UNREADABLE', { details: { file: fileName, reason: '文件不是有效的 .xlsx 工作簿' } });
  if (/\.xls$/i.test(fileName)) throw new AppError('IMPORT_UNREADABLE', { details: { file: fileName, reason: '不支持旧版 .xls 格式，请另存为 .xlsx' } });
  if (looksBinary(data)) throw new AppError('IMPORT_UNREADABLE', { details: { file: fileName, reason: '文件不是电子表格' } });
  return readCsv(data);
}

function looksBinary(data: Buffer): boolean {
  const n = Math.min(data.length, 4096);
  for (let i = 0; i < n; i++) if (data[i] === 0) return true;
  return false;
}

export function decodeText(data: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    return utf8.decode(data).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

function readCsv(data: Buffer): Table {
  let records: string[][];
  try {
    records = parseCsv(decodeText(data), { relax_column_count: true, skip_empty_lines: false, bom: true });
  } catch (e) {
    throw new AppError('IMPORT_UNREADABLE', { details: { reason: `CSV 格式有误：${(e as Error).message}` } });
  }
  const [header, ...body] = records;
  if (!header) throw new AppError('IMPORT_EMPTY');
  const rows: TableRow[] = [];
  body.forEach((cells, i) => {
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: i + 2, cells });
  });
  return { headers: header.map((h) => h.trim()), rows };
}

async function readXlsx(data: Buffer, onRows: (count: number) => void): Promise<Table> {
  await refuseMergedCells(data);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(data), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  let headers: string[] | null = null;
  const rows: TableRow[] = [];
  const formulas: CellProblem[] = [];
  try {
    for await (const sheet of reader) {
      for await (const r of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = (r.values as unknown[]).slice(1);
        const cells = values.map((v, i) => {
          const value = cellValue(v, r.number, i, headers, formulas);
          // a cell typed as 2.43% is stored as 0.0243 with a percent format: give back what the user saw
          if (typeof value === 'number' && r.getCell(i + 1).numFmt?.includes('%')) return `${shiftDecimal(numberToPlainString(value), 2)}%`;
          return value;
        });
        if (headers === null) {
          headers = cells.map(cellText);
        } else if (cells.some((c) => cellText(c) !== '')) {
          rows.push({ row: r.number, cells });
          if (rows.length % 5000 === 0) onRows(rows.length);
        }
      }
      break; // the first sheet only
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('IMPORT_UNREADABLE', { details: { reason: `无法读取工作簿：${(e as Error).message}` } });
  }
  if (formulas.length > 0) throw new AppError('IMPORT_INVALID', { message: '文件含公式单元格，请复制后“粘贴为数值”再导入', details: { errors: formulas.slice(0, 1000) } });
  if (headers === null) throw new AppError('IMPORT_EMPTY');
  return { headers, rows };
}

function cellValue(v: unknown, row: number, index: number, headers: string[] | null, formulas: CellProblem[]): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object') {
    if (v instanceof Date) return v;
    const o = v as { formula?: string; sharedFormula?: string; richText?: { text: string }[]; text?: string; result?: unknown };
    if (o.formula !== undefined || o.sharedFormula !== undefined) {
      formulas.push({ row, column: headers?.[index] || columnLetter(index), value: `=${o.formula ?? o.sharedFormula}`, reason: '公式单元格，请粘贴为数值' });
      return null;
    }
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.text !== undefined) return o.text;
    return JSON.stringify(v);
  }
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return null;
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The streaming reader ignores merges, so the first sheet's XML is checked for them directly. */
async function refuseMergedCells(data: Buffer): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw new AppError('IMPORT_UNREADABLE', { details: { reason: '文件不是有效的 .xlsx 工作簿' } });
  }
  const sheet = zip.file('xl/worksheets/sheet1.xml') ?? zip.file(/^xl\/worksheets\/sheet\d+\.xml$/)[0];
  if (!sheet) throw new AppError('IMPORT_UNREADABLE', { details: { reason: '工作簿中没有工作表' } });
  const xml = await sheet.async('string');
  const tail = xml.slice(xml.lastIndexOf('</sheetData>'));
  const merges = [...tail.matchAll(/<mergeCell [^>]*ref="([A-Z]+\d+:[A-Z]+\d+)"/g)].map((m) => m[1]);
  if (merges.length > 0) {
    throw new AppError('IMPORT_HEADER', {
      message: `表格含合并单元格（${merges.slice(0, 5).join('、')}），请取消合并，使每列只有一行表头`,
      details: { merged: merges },
    });
  }
}
