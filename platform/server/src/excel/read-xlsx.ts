/**
 * The first sheet of an .xlsx as a table, in one streaming pass over its XML (ECMA-376 Part 1 §18.3):
 * the zip directory is checked before anything inflates, the inflation is bounded as it runs, shared
 * strings are bounded, and the table's cells are counted as rows are kept. Cells read as exceljs read
 * them: shared, inline and rich text as text, numbers, booleans, dates by their number format, a
 * percent-formatted number as the 'N%' the user typed; formula and merged cells are refused.
 */
import { AppError, numberToPlainString, shiftDecimal } from '@kechuang/platform-core';
import { isDateFormat, serialToDate } from './number-formats.ts';
import { cellsTooMany, MAX_COLUMNS, MAX_NODE_CHARS, nodeTooLarge, unreadable, type ReadLimits } from './read-limits.ts';
import { cellText, columnLetter, type Cell, type CellProblem, type Table, type TableRow } from './table.ts';
import { readNumberFormats, readSharedStrings, readWorkbookParts } from './xlsx-parts.ts';
import { scanXml, type XmlAttrs, type XmlSink } from './xml-scanner.ts';
import { ZipArchive } from './zip-directory.ts';

/** Formula cells and merges reported, at most (the import reports this many errors). */
const MAX_REPORTED = 1000;

export async function readXlsx(data: Buffer, limits: ReadLimits, onRows: (count: number) => void): Promise<Table> {
  const zip = new ZipArchive(data, limits);
  const parts = await readWorkbookParts(zip);
  if (parts.sheet === null) throw unreadable('工作簿中没有工作表');
  const numberFormat = await readNumberFormats(zip, parts.styles);
  const strings = await readSharedStrings(zip, parts.sharedStrings, limits);
  const sheet = new SheetReader({ strings, numberFormat, date1904: parts.date1904, limits, onRows });
  await scanXml(zip.inflate(parts.sheet), sheet);

  if (sheet.merges.length > 0) {
    throw new AppError('IMPORT_HEADER', {
      message: {
        zh: `表格含合并单元格（${sheet.merges.slice(0, 5).join('、')}），请取消合并，使每列只有一行表头`,
        en: `The sheet has merged cells (${sheet.merges.slice(0, 5).join(', ')}): unmerge them so that each column has one header cell`,
      },
      details: { merged: sheet.merges },
    });
  }
  if (sheet.formulas.length > 0)
    throw new AppError('IMPORT_INVALID', {
      message: { zh: '文件含公式单元格，请复制后“粘贴为数值”再导入', en: 'The file has formula cells: copy them and paste as values, then import' },
      details: { errors: sheet.formulas },
    });
  if (sheet.headers === null) throw new AppError('IMPORT_EMPTY');
  return { headers: sheet.headers, rows: sheet.rows };
}

interface SheetContext {
  strings: (string | null)[];
  numberFormat: (style: number) => string | undefined;
  date1904: boolean;
  limits: ReadLimits;
  onRows: (count: number) => void;
}

interface OpenCell {
  col: number;
  style: number;
  type: string | undefined;
  formula: string | null;
  value: string | null;
  inline: string | null;
}

type Capture = 'formula' | 'value' | 'inline' | null;

/**
 * A cell as Excel and exceljs write nearly all of them: `<c r="B2" s="1" t="s"><v>12</v></c>`, attributes in
 * this order, a value needing no decoding. Read in one match instead of five tag events (the sheet of the
 * registry's 100,000-row import has 1.4 million of them); any other form, or one cut by the end of what has
 * arrived, goes through the scanner's events.
 */
const PLAIN_CELL = /<c r="([A-Z]{1,3}\d+)"(?: s="(\d{1,9})")?(?: t="([a-zA-Z]{1,9})")?><v>([^<&\r]*)<\/v><\/c>/y;

/** Turns the sheet's XML events into rows: the first <row> is the header, later rows are kept when not blank. */
class SheetReader implements XmlSink {
  headers: string[] | null = null;
  readonly rows: TableRow[] = [];
  readonly merges: string[] = [];
  readonly formulas: CellProblem[] = [];
  private inSheetData = false;
  private rowNumber = 0;
  private cells: Cell[] | null = null;
  private nextCol = 0;
  private cell: OpenCell | null = null;
  private inInline = false;
  private inPhonetic = false;
  private capture: Capture = null;
  private heldCells = 0;

  constructor(private readonly ctx: SheetContext) {}

  get capturing(): boolean {
    return this.capture !== null;
  }

  open(name: string, a: XmlAttrs): void {
    switch (name) {
      case 'sheetData':
        this.inSheetData = true;
        break;
      case 'row':
        if (!this.inSheetData) break;
        this.rowNumber = parseInt(a.r ?? '', 10) || this.rowNumber + 1;
        this.cells = [];
        this.nextCol = 0;
        break;
      case 'c':
        if (this.cells === null) break;
        this.cell = { col: a.r ? columnOf(a.r) : this.nextCol, style: parseInt(a.s ?? '0', 10) || 0, type: a.t, formula: null, value: null, inline: null };
        break;
      case 'f':
        if (this.cell) this.startCapture('formula');
        break;
      case 'v':
        if (this.cell) this.startCapture('value');
        break;
      case 'is':
        if (this.cell) this.inInline = true;
        break;
      case 'rPh':
        this.inPhonetic = this.inInline;
        break;
      case 't':
        if (this.cell && this.inInline && !this.inPhonetic) this.startCapture('inline');
        break;
      case 'mergeCell':
        if (!this.inSheetData && a.ref && this.merges.length < MAX_REPORTED) this.merges.push(a.ref);
        break;
    }
  }

  close(name: string): void {
    switch (name) {
      case 'sheetData':
        this.inSheetData = false;
        break;
      case 'row':
        if (this.cells !== null) this.endRow(this.cells);
        this.cells = null;
        break;
      case 'c':
        if (this.cell && this.cells) this.endCell(this.cell, this.cells);
        this.cell = null;
        this.inInline = false;
        this.capture = null;
        break;
      case 'f':
      case 'v':
      case 't':
        this.capture = null;
        break;
      case 'is':
        this.inInline = false;
        break;
      case 'rPh':
        this.inPhonetic = false;
        break;
    }
  }

  text(s: string): void {
    const cell = this.cell;
    if (!cell || this.capture === null) return;
    const now = (cell[this.capture] ?? '') + s;
    if (now.length > MAX_NODE_CHARS) throw nodeTooLarge();
    cell[this.capture] = now;
  }

  element(buf: string, at: number): number {
    if (this.cells === null || this.cell !== null || buf.charCodeAt(at + 1) !== 99 /* c */) return -1;
    PLAIN_CELL.lastIndex = at;
    const m = PLAIN_CELL.exec(buf);
    if (m === null) return -1;
    const value = m[4];
    if (value.length > MAX_NODE_CHARS) throw nodeTooLarge();
    // what open('c'), open('v'), text, close('v') and close('c') would have made of it
    this.endCell({ col: columnOf(m[1]), style: parseInt(m[2] ?? '0', 10) || 0, type: m[3], formula: null, value, inline: null }, this.cells);
    return PLAIN_CELL.lastIndex;
  }

  private startCapture(target: Exclude<Capture, null>): void {
    const cell = this.cell!;
    // a formula or value element replaces any before it; inline rich-text runs add up
    if (target !== 'inline' || cell.inline === null) cell[target] = '';
    this.capture = target;
  }

  private endCell(cell: OpenCell, cells: Cell[]): void {
    if (cell.col >= MAX_COLUMNS) throw unreadable(`单元格超出工作表范围（第 ${this.rowNumber} 行）`);
    this.nextCol = cell.col + 1;
    const value = this.valueOf(cell);
    if (value === null) return;
    while (cells.length < cell.col) cells.push(null);
    cells[cell.col] = value;
  }

  private endRow(cells: Cell[]): void {
    if (this.headers === null) {
      this.hold(cells.length);
      this.headers = cells.map(cellText);
    } else if (cells.some((c) => cellText(c) !== '')) {
      this.hold(cells.length);
      this.rows.push({ row: this.rowNumber, cells });
      if (this.rows.length % 5000 === 0) this.ctx.onRows(this.rows.length);
    }
  }

  private hold(count: number): void {
    this.heldCells += count;
    if (this.heldCells > this.ctx.limits.maxCells) throw cellsTooMany(this.ctx.limits);
  }

  private valueOf(cell: OpenCell): Cell {
    if (cell.formula !== null) {
      if (this.formulas.length < MAX_REPORTED) {
        const column = this.headers?.[cell.col] || columnLetter(cell.col);
        this.formulas.push({ row: this.rowNumber, column, value: `=${cell.formula}`, reason: '公式单元格，请粘贴为数值' });
      }
      return null;
    }
    if (cell.type === 'inlineStr') return cell.inline ?? cell.value;
    const v = cell.value;
    if (v === null) return null;
    switch (cell.type ?? 'n') {
      case 's':
        return this.ctx.strings[parseInt(v, 10)] ?? null;
      case 'str':
      case 'e':
        return v;
      case 'b':
        return parseInt(v, 10) !== 0;
      case 'd': {
        const date = new Date(v);
        return Number.isNaN(date.getTime()) ? v : date;
      }
      default:
        return this.numberOf(v, cell.style);
    }
  }

  private numberOf(v: string, style: number): Cell {
    if (v.trim() === '') return null;
    const n = parseFloat(v);
    if (Number.isNaN(n)) return v;
    const format = this.ctx.numberFormat(style);
    if (isDateFormat(format)) return serialToDate(n, this.ctx.date1904);
    // a cell typed as 2.43% is stored as 0.0243 with a percent format: give back what the user saw
    if (format?.includes('%')) return `${shiftDecimal(numberToPlainString(n), 2)}%`;
    return n;
  }
}

/** The zero-based column of a reference such as "AB12". */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    if (col > MAX_COLUMNS) throw unreadable(`单元格地址 ${ref.slice(0, 20)} 超出工作表范围`);
  }
  if (i === 0) throw unreadable(`单元格地址 ${ref.slice(0, 20)} 有误`);
  return col - 1;
}
