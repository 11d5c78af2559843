import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { AppError } from '@kechuang/platform-core';
import { buildZip, SHEET_HEAD, workbookParts, xlsxOf, type ZipPart } from '../test/xlsx-bombs.ts';
import { readTable, type Table } from './read-table.ts';
import { cellText } from './table.ts';

/** The reader this one replaced (exceljs's streaming reader, as read-table.ts used it), as the reference for ordinary cells. */
async function readWithExceljs(data: Buffer): Promise<Table> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(data), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  let headers: string[] | null = null;
  const rows: Table['rows'] = [];
  for await (const sheet of reader) {
    for await (const r of sheet as AsyncIterable<ExcelJS.Row>) {
      // holes (exceljs leaves empty cells out) as null
      const cells = Array.from((r.values as unknown[]).slice(1), (v, i) => {
        if (v === undefined || v === null) return null;
        if (typeof v === 'object' && !(v instanceof Date)) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
        if (typeof v === 'number' && r.getCell(i + 1).numFmt?.includes('%')) return `${Math.round(v * 1e10) / 1e8}%`;
        return v as string | number | boolean | Date;
      });
      if (headers === null) headers = cells.map(cellText);
      else if (cells.some((c) => cellText(c) !== '')) rows.push({ row: r.number, cells });
    }
    break;
  }
  return { headers: headers!, rows };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

function decorate(ws: ExcelJS.Worksheet): void {
  ws.addRow(['地区代码', '', '名称 ', '数值', '比例', '日期', '是否', '富文本', '链接', '符号']);
  const row = ws.addRow([
    '330211001',
    null,
    ' 宁波 甲 ',
    12.5,
    0.0243,
    new Date(Date.UTC(2024, 4, 20)),
    true,
    { richText: [{ text: '甲' }, { font: { bold: true }, text: '乙' }] },
    { text: '链接', hyperlink: 'https://example.org' },
    '<&>"\' 换\n行',
  ]);
  row.getCell(5).numFmt = '0.00%';
  row.getCell(6).numFmt = 'yyyy"年"m"月"d"日"';
  const more = ws.addRow(['330211002', null, '乙', -3, 1.5, 45000.5, false, 1e-7, 123456789012, 0.1 + 0.2]);
  more.getCell(5).numFmt = '0%';
  more.getCell(6).numFmt = 'yyyy-mm-dd hh:mm';
  more.getCell(8).numFmt = '0.0%;[Red]-0.0%';
  ws.addRow([]);
  ws.getRow(7).getCell(30).value = '远处';
  ws.getRow(9).getCell(2).numFmt = '0.00'; // styled but empty: a blank row
  ws.getRow(10).values = ['330211003', null, null, 0];
}

describe('readTable on workbooks exceljs writes', () => {
  it.each([
    [
      'the workbook writer',
      async () => {
        const wb = new ExcelJS.Workbook();
        decorate(wb.addWorksheet('数据'));
        wb.addWorksheet('其他').addRow(['不读']);
        return Buffer.from(await wb.xlsx.writeBuffer());
      },
    ],
    [
      'the streaming writer with shared strings (as the benchmark writes)',
      async () => {
        const stream = new (await import('node:stream')).PassThrough();
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: true });
        const ws = wb.addWorksheet('数据');
        decorate(ws);
        ws.commit();
        await wb.commit();
        return Buffer.concat(chunks);
      },
    ],
  ])('reads what exceljs read, cell for cell, from %s', async (_, build) => {
    const data = await build();
    const table = await readTable(data, 'a.xlsx');
    expect(table).toEqual(await readWithExceljs(data));
    expect(table.headers).toEqual(['地区代码', '', '名称', '数值', '比例', '日期', '是否', '富文本', '链接', '符号']);
    expect(table.rows[0]).toEqual({
      row: 2,
      cells: ['330211001', null, ' 宁波 甲 ', 12.5, '2.43%', new Date(Date.UTC(2024, 4, 20)), true, '甲乙', '链接', '<&>"\' 换\n行'],
    });
    expect(table.rows[1].cells.slice(3, 10)).toEqual([-3, '150%', new Date(Date.UTC(2023, 2, 15, 12)), false, '0.00001%', 123456789012, 0.30000000000000004]);
    expect(table.rows.map((r) => r.row)).toEqual([2, 3, 7, 10]);
    expect(table.rows[2].cells).toHaveLength(30);
  });

  it('refuses formula cells, naming each by its column header and row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数据');
    ws.addRow(['指标', '数值']);
    ws.addRow(['A', { formula: '1+1', result: 2 }]);
    const e = await refusal(readTable(Buffer.from(await wb.xlsx.writeBuffer()), 'a.xlsx'));
    expect([e.code, e.message]).toEqual(['IMPORT_INVALID', '文件含公式单元格，请复制后“粘贴为数值”再导入']);
    expect(e.details).toEqual({ errors: [{ row: 2, column: '数值', value: '=1+1', reason: '公式单元格，请粘贴为数值' }] });
  });

  it('refuses merged cells, naming the ranges', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('数据');
    ws.addRow(['地区', '', '期间']);
    ws.addRow(['330211001', 'X', '2024']);
    ws.mergeCells('A1:B1');
    const e = await refusal(readTable(Buffer.from(await wb.xlsx.writeBuffer()), 'a.xlsx'));
    expect([e.code, e.message, e.details]).toEqual(['IMPORT_HEADER', '表格含合并单元格（A1:B1），请取消合并，使每列只有一行表头', { merged: ['A1:B1'] }]);
  });
});

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const sheet = (rows: string, after = '') => `${SHEET_HEAD}${rows}</sheetData>${after}</worksheet>`;

describe('readTable on workbooks other writers make', () => {
  it('joins inline rich-text runs, decodes entities and CDATA, and leaves phonetic guides out of shared strings', async () => {
    const parts: ZipPart[] = [
      ...workbookParts(),
      {
        name: 'xl/sharedStrings.xml',
        text: `<sst xmlns="${NS}"><si><r><t>科</t></r><r><rPr><b/></rPr><t>创</t></r></si><si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si><si><t/></si></sst>`,
      },
      {
        name: 'xl/worksheets/sheet1.xml',
        text: sheet(
          '<row r="1"><c r="A1" t="inlineStr"><is><r><t>甲</t></r><r><t xml:space="preserve"> &amp; 乙</t></r></is></c><c r="B1" t="inlineStr"><is><t><![CDATA[<b>]]>&#x4E2D;&#20013;</t></is></c><c r="C1" t="s"><v>0</v></c></row>' +
            '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="s"><v>9</v></c><c r="D2" t="str"><v>文本</v></c></row>',
        ),
      },
    ];
    expect(await readTable(buildZip(parts), 'a.xlsx')).toEqual({
      headers: ['甲 & 乙', '<b>中中', '科创'],
      rows: [{ row: 2, cells: ['漢字', null, null, '文本'] }],
    });
  });

  it('reads cells without addresses in order, rows without numbers as the next row, and namespace-prefixed XML', async () => {
    const prefixed = `<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c><x:v>3</x:v></x:c><x:c r="D2"><x:v>4</x:v></x:c><x:c><x:v>5</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    expect(await readTable(xlsxOf(prefixed), 'a.xlsx')).toEqual({ headers: ['a', '2'], rows: [{ row: 2, cells: [3, null, null, 4, 5] }] });
  });

  it('reads booleans, error values as their text, ISO dates, and date formats in the 1904 date system', async () => {
    const [types, rels] = workbookParts().filter((p) => p.name !== 'xl/workbook.xml');
    const parts: ZipPart[] = [
      types,
      rels,
      ...workbookParts().filter((p) => p.name === 'xl/_rels/workbook.xml.rels'),
      {
        name: 'xl/workbook.xml',
        text: `<workbook xmlns="${NS}" xmlns:r="r"><workbookPr date1904="1"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      },
      {
        name: 'xl/styles.xml',
        text: `<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0\\%"/></numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="31"/></cellXfs><dxfs><dxf><numFmt numFmtId="165" formatCode="yyyy"/></dxf></dxfs></styleSheet>`,
      },
      {
        name: 'xl/worksheets/sheet1.xml',
        text: sheet(
          '<row r="1"><c r="A1" t="inlineStr"><is><t>h</t></is></c></row>' +
            '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="e"><v>#N/A</v></c><c r="C2" t="d"><v>2024-05-20T00:00:00Z</v></c><c r="D2" s="1"><v>0</v></c><c r="E2" s="2"><v>0.5</v></c><c r="F2" s="3"><v>45000</v></c><c r="G2" s="0"><v>7</v></c><c r="H2"><v></v></c></row>',
        ),
      },
    ];
    const table = await readTable(buildZip(parts), 'a.xlsx');
    // id 31 has no built-in code in exceljs's table (an East Asian locale format), so it stays a number, as before
    expect(table.rows[0].cells).toEqual([true, '#N/A', new Date('2024-05-20T00:00:00Z'), new Date(Date.UTC(1904, 0, 1)), '50%', 45000, 7]);
  });

  it('reads cells in the plain form Excel writes exactly as the same cells in any other form, wherever the inflated chunks end', async () => {
    // the plain form <c r="B2" s="1" t="s"><v>…</v></c> is read in one match (read-xlsx.ts); spaced out, the same cells go through every XML event
    const attrs = (r: number): [string, string][] => [
      ['t="s"', String(r % 2)],
      ['', `${r}.25`],
      ['s="1"', '45000'],
      ['s="2"', '0.0243'],
      ['t="b"', '1'],
      ['t="e"', '#N/A'],
      ['t="str"', `文本${r}`],
      ['', ''],
      ['t="str"', 'a &amp; b'],
      ['t="str"', 'a\r\nb'],
      ['s="x"', '3'],
    ];
    const workbook = (cell: (ref: string, a: string, v: string) => string) => {
      const rows = Array.from({ length: 3000 }, (_, i) => {
        const r = i + 1;
        return `<row r="${r}">${attrs(r)
          .map(([a, v], c) => cell(`${String.fromCharCode(65 + c)}${r}`, a, v))
          .join('')}</row>`;
      });
      return buildZip([
        ...workbookParts(),
        { name: 'xl/styles.xml', text: `<styleSheet xmlns="${NS}"><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="10"/></cellXfs></styleSheet>` },
        { name: 'xl/sharedStrings.xml', text: `<sst xmlns="${NS}"><si><t>甲</t></si><si><t>乙</t></si></sst>` },
        { name: 'xl/worksheets/sheet1.xml', text: `${SHEET_HEAD}${rows.join('')}</sheetData></worksheet>` },
      ]);
    };
    const plain = await readTable(
      workbook((ref, a, v) => `<c r="${ref}"${a && ` ${a}`}><v>${v}</v></c>`),
      'a.xlsx',
    );
    const spaced = await readTable(
      workbook((ref, a, v) => `<c  r="${ref}" ${a} ><v>${v}</v></c>`),
      'a.xlsx',
    );
    expect(plain.rows).toHaveLength(2999);
    expect(plain.rows[1]).toEqual({
      row: 3,
      cells: ['乙', 3.25, new Date(Date.UTC(2023, 2, 15)), '2.43%', true, '#N/A', '文本3', null, 'a & b', 'a\nb', 3],
    });
    expect(plain).toEqual(spaced);
  });

  it('reads the first sheet in the tab order even when it is not sheet1.xml', async () => {
    const parts = workbookParts(2).map((p) =>
      p.name === 'xl/workbook.xml'
        ? {
            ...p,
            text: `<workbook xmlns="${NS}" xmlns:r="r"><sheets><sheet name="B" sheetId="2" r:id="rId2"/><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>`,
          }
        : p,
    );
    parts.push(
      { name: 'xl/worksheets/sheet1.xml', text: sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>第二个标签</t></is></c></row>') },
      { name: 'xl/worksheets/sheet2.xml', text: sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>第一个标签</t></is></c></row>') },
    );
    expect((await readTable(buildZip(parts), 'a.xlsx')).headers).toEqual(['第一个标签']);
  });

  it('reads a zip64 directory as a classic one', async () => {
    const parts = [
      ...workbookParts(),
      {
        name: 'xl/worksheets/sheet1.xml',
        text: sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>h</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>'),
      },
    ];
    expect(await readTable(buildZip(parts, { zip64: true }), 'a.xlsx')).toEqual(await readTable(buildZip(parts), 'a.xlsx'));
  });

  it.each([
    ['a file named .xlsx that is not a zip', Buffer.from('a,b\n1,2'), '文件不是有效的 .xlsx 工作簿'],
    ['a truncated workbook', xlsxOf(sheet('<row r="1"><c r="A1"><v>1</v></c></row>')).subarray(0, 200), '文件不是有效的 .xlsx 工作簿'],
    ['a workbook without sheets', buildZip(workbookParts(0)), '工作簿中没有工作表'],
    ['a cell beyond column XFD', xlsxOf(sheet('<row r="1"><c r="XFE1"><v>1</v></c></row>')), '单元格地址 XFE1 超出工作表范围'],
    ['a DTD', xlsxOf(`<!DOCTYPE x [<!ENTITY a "b">]>${sheet('')}`), '工作簿的 XML 含不支持的声明（如 DTD）'],
  ])('refuses %s as unreadable', async (_, data, reason) => {
    const e = await refusal(readTable(data, 'a.xlsx'));
    expect([e.code, e.status, (e.details as { reason: string }).reason]).toEqual(['IMPORT_UNREADABLE', 415, reason]);
  });

  it('keeps an empty sheet as no header', async () => {
    expect((await refusal(readTable(xlsxOf(sheet('')), 'a.xlsx'))).code).toBe('IMPORT_EMPTY');
  });
});

describe('readTable on CSV', () => {
  it('reads UTF-8 and GB18030 text with the header as row 1, skipping blank lines but keeping their numbers', async () => {
    const gbk = Buffer.from([0xb5, 0xd8, 0xc7, 0xf8, 0x2c, 0x61, 0x0a, 0x31, 0x2c, 0x32]); // 地区,a \n 1,2
    expect(await readTable(gbk, 'a.csv')).toEqual({ headers: ['地区', 'a'], rows: [{ row: 2, cells: ['1', '2'] }] });
    expect(await readTable(Buffer.from('\uFEFFa,b\n\n1,2\n'), 'a.csv')).toEqual({ headers: ['a', 'b'], rows: [{ row: 3, cells: ['1', '2'] }] });
  });
});
