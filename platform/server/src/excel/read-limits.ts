/**
 * How much one uploaded table may make the server inflate and hold: the guard against decompression
 * bombs (a few MB of .xlsx that inflate to GB). The two configurable limits come from the app context
 * (KECHUANG_MAX_INFLATED_MB, KECHUANG_MAX_CELLS); the structural ones are far above any real workbook.
 * Every refusal is IMPORT_TOO_LARGE (413) naming the limit.
 */
import { AppError } from '@kechuang/platform-core';

export interface ReadLimits {
  /** bytes all of a workbook's parts may inflate to: as declared in the zip directory, and as actually inflated */
  maxInflatedBytes: number;
  /** cells of the table as read: the header and every kept row, each as wide as its last filled cell */
  maxCells: number;
}

export const MB = 1024 * 1024;
/** 100,000 rows × 15 columns (the benchmark import) is 1.5 million cells and about 50 MB of sheet XML. */
export const DEFAULT_READ_LIMITS: ReadLimits = { maxInflatedBytes: 200 * MB, maxCells: 5_000_000 };

/** Excel writes a handful of parts per sheet; a workbook with more entries or sheets is not a table to import. */
export const MAX_ZIP_ENTRIES = 10_000;
export const MAX_WORKSHEETS = 1_000;
/** Excel's own limit on distinct cell formats is 65,490. */
export const MAX_CELL_FORMATS = 65_536;
/** Excel holds at most 32,767 characters in a cell; one XML tag, text or CDATA section beyond this is not a spreadsheet's. */
export const MAX_NODE_CHARS = 1 << 20;
/** Excel's grid: columns A–XFD. */
export const MAX_COLUMNS = 16_384;

const count = (n: number) => n.toLocaleString('en-US');
const megabytes = (bytes: number) => String(Math.round((bytes / MB) * 10) / 10);

function tooLarge(zh: string, en: string, details: Record<string, unknown>): AppError {
  return new AppError('IMPORT_TOO_LARGE', { message: { zh, en }, details });
}

export function inflatedTooLarge(limits: ReadLimits): AppError {
  return tooLarge(
    `文件解压后超过 ${megabytes(limits.maxInflatedBytes)} MB 上限，请删除多余的工作表、图片和格式，或拆分后分批导入`,
    `Unzipped, the file exceeds the ${megabytes(limits.maxInflatedBytes)} MB limit: remove extra sheets, pictures and formats, or split it`,
    { limit: 'inflatedBytes', max: limits.maxInflatedBytes },
  );
}

export function cellsTooMany(limits: ReadLimits): AppError {
  return tooLarge(
    `表格超过 ${count(limits.maxCells)} 个单元格（行数 × 列数）上限，请拆分后分批导入`,
    `The sheet exceeds the limit of ${count(limits.maxCells)} cells (rows × columns): split it`,
    { limit: 'cells', max: limits.maxCells },
  );
}

export function sharedStringsTooMany(maxStrings: number, maxChars: number): AppError {
  return tooLarge(
    `工作簿中的文本超过上限（最多 ${count(maxStrings)} 个不同的文本、共 ${count(maxChars)} 个字符），请拆分后分批导入`,
    `The workbook holds too much text (at most ${count(maxStrings)} distinct texts, ${count(maxChars)} characters in all): split it`,
    { limit: 'sharedStrings', maxStrings, maxChars },
  );
}

export function entriesTooMany(found: number): AppError {
  return tooLarge(
    `工作簿含 ${count(found)} 个内部文件，超过 ${count(MAX_ZIP_ENTRIES)} 个上限`,
    `The workbook holds ${count(found)} internal files, more than the ${count(MAX_ZIP_ENTRIES)} allowed`,
    { limit: 'zipEntries', max: MAX_ZIP_ENTRIES, found },
  );
}

export function sheetsTooMany(found: number): AppError {
  return tooLarge(
    `工作簿含 ${count(found)} 个工作表，超过 ${count(MAX_WORKSHEETS)} 个上限，请只保留要导入的工作表`,
    `The workbook has ${count(found)} sheets, more than the ${count(MAX_WORKSHEETS)} allowed: keep only the sheet to import`,
    { limit: 'worksheets', max: MAX_WORKSHEETS, found },
  );
}

export function formatsTooMany(): AppError {
  return tooLarge(`工作簿的单元格格式超过 ${count(MAX_CELL_FORMATS)} 种上限`, `The workbook has more than ${count(MAX_CELL_FORMATS)} cell formats`, {
    limit: 'cellFormats',
    max: MAX_CELL_FORMATS,
  });
}

export function nodeTooLarge(): AppError {
  return tooLarge(
    `工作簿中有超过 ${count(MAX_NODE_CHARS)} 个字符的单个单元格或 XML 节点（Excel 单元格最多 32,767 个字符）`,
    `The workbook has a cell or XML node of more than ${count(MAX_NODE_CHARS)} characters (an Excel cell holds at most 32,767)`,
    { limit: 'nodeChars', max: MAX_NODE_CHARS },
  );
}

export function unreadable(reason: string): AppError {
  return new AppError('IMPORT_UNREADABLE', { details: { reason } });
}

/** The running total of bytes inflated for one upload, refused as soon as it passes the limit. */
export class InflateBudget {
  private used = 0;
  constructor(readonly limits: ReadLimits) {}

  take(bytes: number): void {
    this.used += bytes;
    if (this.used > this.limits.maxInflatedBytes) throw inflatedTooLarge(this.limits);
  }
}
