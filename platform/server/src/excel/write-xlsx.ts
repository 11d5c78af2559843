/** Writes report and list exports as .xlsx, with a bold frozen header row and sensible widths. */
import ExcelJS from 'exceljs';

export interface ExportColumn {
  header: string;
  key: string;
  width?: number;
  /** Excel number format, e.g. '0.00' or '0.0%' */
  numFmt?: string;
}
export interface ExportSheet {
  name: string;
  columns: ExportColumn[];
  rows: Record<string, unknown>[];
  /** lines printed above the table, e.g. the report's title and its data note */
  notes?: string[];
}

export async function writeXlsx(sheets: ExportSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kechuang 科创';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31));
    const notes = s.notes ?? [];
    for (const n of notes) ws.addRow([n]).font = { italic: true, color: { argb: 'FF666666' } };
    const header = ws.addRow(s.columns.map((c) => c.header));
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    s.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = c.width ?? Math.max(10, c.header.length * 2 + 2);
      if (c.numFmt) col.numFmt = c.numFmt;
    });
    for (const r of s.rows) ws.addRow(s.columns.map((c) => r[c.key] ?? null));
    ws.views = [{ state: 'frozen', ySplit: notes.length + 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
