/** Test files built in memory: CSV text, and .xlsx workbooks with exceljs (formulas, merges, percent cells). */
import ExcelJS from 'exceljs';

export function csv(rows: (string | number)[][]): string {
  return rows.map((r) => r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',')).join('\n');
}

export async function xlsx(rows: unknown[][], decorate?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  for (const r of rows) ws.addRow(r);
  decorate?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const HEADER_ZH = ['地区代码', '指标', '期间', '类型', '数值', '单位'];
export const HEADER_EN = ['region', 'indicator', 'period', 'kind', 'value', 'unit'];
