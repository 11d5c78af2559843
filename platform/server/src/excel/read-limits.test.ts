import { describe, expect, it } from 'vitest';
import { AppError } from '@kechuang/platform-core';
import { buildZip, GB, repeatedDeflate, SHEET_HEAD, SHEET_TAIL, workbookParts, xlsxBomb, xlsxOf, type BombShape } from '../test/xlsx-bombs.ts';
import { DEFAULT_READ_LIMITS, MB, type ReadLimits } from './read-limits.ts';
import { readTable } from './read-table.ts';
import { ZipArchive } from './zip-directory.ts';

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const SMALL: ReadLimits = { maxInflatedBytes: 4 * MB, maxCells: 20_000 };
const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>h</t></is></c></row>';
const rows = (n: number, cols: number) =>
  Array.from(
    { length: n },
    (_, r) => `<row r="${r + 2}">${Array.from({ length: cols }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r + 2}"><v>${c}</v></c>`).join('')}</row>`,
  ).join('');

describe('decompression bombs', () => {
  it.each<[BombShape, ReadLimits, string]>([
    // the directory declares 1 GB: refused before a byte inflates
    ['one huge sheet', DEFAULT_READ_LIMITS, '文件解压后超过 200 MB 上限，请删除多余的工作表、图片和格式，或拆分后分批导入'],
    ['many sheets', DEFAULT_READ_LIMITS, '文件解压后超过 200 MB 上限，请删除多余的工作表、图片和格式，或拆分后分批导入'],
    ['huge shared strings', DEFAULT_READ_LIMITS, '文件解压后超过 200 MB 上限，请删除多余的工作表、图片和格式，或拆分后分批导入'],
    // the directory lies (1 KB): refused while inflating, at the bound
    ['lying directory', SMALL, '文件解压后超过 4 MB 上限，请删除多余的工作表、图片和格式，或拆分后分批导入'],
    ['lying directory, full rows', SMALL, '表格超过 20,000 个单元格（行数 × 列数）上限，请拆分后分批导入'],
  ])('refuses a 1 GB bomb of the shape "%s" with 413, the heap staying small', async (shape, limits, message) => {
    const bomb = xlsxBomb(shape, GB);
    expect(bomb.length).toBeLessThan(5 * MB);
    const before = process.memoryUsage().heapUsed;
    const e = await refusal(readTable(bomb, 'bomb.xlsx', undefined, limits));
    expect([e.code, e.status, e.message]).toEqual(['IMPORT_TOO_LARGE', 413, message]);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(100 * MB);
  });

  it('refuses a zip64 directory declaring a 5 GB sheet, before inflating it', async () => {
    const parts = [
      ...workbookParts(),
      { name: 'xl/worksheets/sheet1.xml', deflated: repeatedDeflate([{ text: SHEET_HEAD + SHEET_TAIL }]), declaredSize: 5 * GB },
    ];
    expect((await refusal(readTable(buildZip(parts, { zip64: true }), 'a.xlsx'))).details).toEqual({ limit: 'inflatedBytes', max: 200 * MB });
  });

  it('stops inflating a lying entry as soon as the running total passes the bound', async () => {
    const zip = new ZipArchive(xlsxBomb('lying directory', GB), SMALL);
    let inflated = 0;
    const e = await refusal(
      (async () => {
        for await (const chunk of zip.inflate('xl/worksheets/sheet1.xml')) inflated += chunk.length;
      })(),
    );
    expect(e.code).toBe('IMPORT_TOO_LARGE');
    expect(inflated).toBeLessThanOrEqual(SMALL.maxInflatedBytes);
    expect(inflated).toBeGreaterThan(SMALL.maxInflatedBytes - 64 * 1024);
  });

  it.each([
    [
      'too many entries',
      buildZip(Array.from({ length: 10_001 }, (_, i) => ({ name: `x/${i}.xml`, text: '' }))),
      '工作簿含 10,001 个内部文件，超过 10,000 个上限',
    ],
    [
      'too many worksheets',
      buildZip([...workbookParts(1_001), ...Array.from({ length: 1_001 }, (_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, text: '' }))]),
      '工作簿含 1,001 个工作表，超过 1,000 个上限，请只保留要导入的工作表',
    ],
  ])('refuses a workbook with %s from its directory', async (_, data, message) => {
    const e = await refusal(readTable(data, 'a.xlsx'));
    expect([e.status, e.message]).toEqual([413, message]);
  });
});

describe('the cell bound', () => {
  it('takes a table of exactly the bound and refuses one cell more, in .xlsx and .csv', async () => {
    const limits = { ...DEFAULT_READ_LIMITS, maxCells: 1 + 25 * 4 };
    expect((await readTable(xlsxOf(SHEET_HEAD + header + rows(25, 4) + SHEET_TAIL), 'a.xlsx', undefined, limits)).rows).toHaveLength(25);
    const e = await refusal(readTable(xlsxOf(SHEET_HEAD + header + rows(25, 4) + rows(1, 1) + SHEET_TAIL), 'a.xlsx', undefined, limits));
    expect([e.code, e.status, e.message]).toEqual(['IMPORT_TOO_LARGE', 413, '表格超过 101 个单元格（行数 × 列数）上限，请拆分后分批导入']);
    const csv = (n: number) => Buffer.from(`h\n${'1,2,3,4\n'.repeat(n)}`);
    expect((await readTable(csv(25), 'a.csv', undefined, limits)).rows).toHaveLength(25);
    expect((await refusal(readTable(csv(26), 'a.csv', undefined, limits))).message).toBe('表格超过 101 个单元格（行数 × 列数）上限，请拆分后分批导入');
  });

  it('counts a row as wide as its last filled cell, so rows with one cell in column XFD cannot fill the heap', async () => {
    const far = Array.from({ length: 7 }, (_, r) => `<row r="${r + 2}"><c r="XFD${r + 2}"><v>1</v></c></row>`).join('');
    const limits = { ...DEFAULT_READ_LIMITS, maxCells: 100_000 };
    expect(
      (await readTable(xlsxOf(SHEET_HEAD + header + far.slice(0, far.indexOf('</row>') + 6) + SHEET_TAIL), 'a.xlsx', undefined, limits)).rows[0].cells,
    ).toHaveLength(16_384);
    const e = await refusal(readTable(xlsxOf(SHEET_HEAD + header + far + SHEET_TAIL), 'a.xlsx', undefined, limits));
    expect(e.details).toEqual({ limit: 'cells', max: 100_000 });
  });

  it('counts empty CSV fields too', async () => {
    const e = await refusal(readTable(Buffer.from(',,,,,,,,,\n'.repeat(1000)), 'a.csv', undefined, { ...DEFAULT_READ_LIMITS, maxCells: 5000 }));
    expect(e.code).toBe('IMPORT_TOO_LARGE');
  });
});

describe('the shared-string bound', () => {
  it('refuses more distinct strings than the table may have cells', async () => {
    const strings = Array.from({ length: 101 }, (_, i) => `s${i}`);
    const e = await refusal(readTable(xlsxOf(SHEET_HEAD + header + SHEET_TAIL, strings), 'a.xlsx', undefined, { ...DEFAULT_READ_LIMITS, maxCells: 100 }));
    expect([e.status, e.message]).toEqual([413, '工作簿中的文本超过上限（最多 100 个不同的文本、共 104,857,600 个字符），请拆分后分批导入']);
  });

  it('refuses more characters than half the inflation bound', async () => {
    const strings = Array.from({ length: 60 }, () => 'x'.repeat(1000));
    const limits = { maxInflatedBytes: 100_000, maxCells: 1000 };
    expect((await refusal(readTable(xlsxOf(SHEET_HEAD + header + SHEET_TAIL, strings), 'a.xlsx', undefined, limits))).details).toEqual({
      limit: 'sharedStrings',
      maxStrings: 1000,
      maxChars: 50_000,
    });
    expect((await readTable(xlsxOf(SHEET_HEAD + header + SHEET_TAIL, strings.slice(0, 40)), 'a.xlsx', undefined, limits)).headers).toEqual(['h']);
  });

  it('refuses a single cell of over a million characters', async () => {
    const e = await refusal(
      readTable(xlsxOf(SHEET_HEAD + header + `<row r="2"><c r="A2" t="inlineStr"><is><t>${'字'.repeat(1_100_000)}</t></is></c></row>` + SHEET_TAIL), 'a.xlsx'),
    );
    expect([e.status, (e.details as { limit: string }).limit]).toEqual([413, 'nodeChars']);
  });
});
