/**
 * Reads the first sheet of an .xlsx file, or a .csv file (UTF-8, or GB18030/GBK as Chinese Excel
 * saves it), into a header row and data rows numbered as the spreadsheet shows them (header = row 1).
 * Refuses what cannot be read faithfully: formula cells, merged cells, a missing header. Refuses with
 * IMPORT_TOO_LARGE (413) what would take more than the limits allow: an .xlsx inflating beyond
 * `maxInflatedBytes` (checked in the zip directory first, then while inflating), a table of more than
 * `maxCells` cells (see read-limits.ts).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { AppError } from '@kechuang/platform-core';
import { cellsTooMany, DEFAULT_READ_LIMITS, type ReadLimits } from './read-limits.ts';
import { readXlsx } from './read-xlsx.ts';
import type { Table, TableRow } from './table.ts';

export { cellText, columnLetter, type Cell, type CellProblem, type Table, type TableRow } from './table.ts';
export { DEFAULT_READ_LIMITS, type ReadLimits } from './read-limits.ts';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * `onRows` hears how many data rows have been read so far (every few thousand rows), for progress bars;
 * `limits` are the deployment's (the app context's `readLimits`), the defaults when not given.
 */
export async function readTable(
  data: Buffer,
  fileName: string,
  onRows: (count: number) => void = () => undefined,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<Table> {
  const isZip = ZIP_MAGIC.every((b, i) => data[i] === b);
  if (isZip) return readXlsx(data, limits, onRows);
  if (/\.(xlsx|xlsm)$/i.test(fileName)) throw new AppError('IMPORT_UNREADABLE', { details: { file: fileName, reason: '文件不是有效的 .xlsx 工作簿' } });
  if (/\.xls$/i.test(fileName)) throw new AppError('IMPORT_UNREADABLE', { details: { file: fileName, reason: '不支持旧版 .xls 格式，请另存为 .xlsx' } });
  if (looksBinary(data)) throw new AppError('IMPORT_UNREADABLE', { details: { file: fileName, reason: '文件不是电子表格' } });
  return readCsv(data, limits);
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

/** The upload limit bounds a CSV's bytes; its cells are counted as records are parsed, so a file of empty fields cannot fill the heap. */
function readCsv(data: Buffer, limits: ReadLimits): Table {
  let records: string[][];
  let cells = 0;
  try {
    records = parseCsv(decodeText(data), {
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
      on_record: (record: string[]) => {
        cells += record.length;
        if (cells > limits.maxCells) throw cellsTooMany(limits);
        return record;
      },
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
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
