/**
 * A deterministic import file of actuals in the long layout 地区代码,指标,期间,类型,数值,单位:
 * the district's reporting units × the catalogue's indicators × periods (months, quarters and years,
 * oldest first), kind 实际, every key distinct. Year periods stop at 2019 so that no row collides with
 * the demo data's actuals (2020–2024): a first import inserts every row.
 *
 * The same rows come out three ways: .csv text, an .xlsx workbook (written by exceljs's streaming
 * writer with shared strings, as Excel saves them), and the normalised CSV a bare COPY loads.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { seededRandom as random } from '@kechuang/platform-core';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';

export interface ActualRow {
  region: string;
  indicator: string;
  unit: string;
  period: string;
  year: number;
  /** the value as typed, with the indicator's precision */
  value: string;
}

export const HEADER = ['地区代码', '指标', '期间', '类型', '数值', '单位'];
const FIRST_YEAR = 1986;
const LAST_YEAR = 2024;
const LAST_YEAR_PERIOD = 2019;

function periods(): { text: string; year: number }[] {
  const out: { text: string; year: number }[] = [];
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    for (let m = 1; m <= 12; m++) out.push({ text: `${y}-${String(m).padStart(2, '0')}`, year: y });
    for (let q = 1; q <= 4; q++) out.push({ text: `${y}Q${q}`, year: y });
    if (y <= LAST_YEAR_PERIOD) out.push({ text: String(y), year: y });
  }
  return out;
}

export function actualRows(units: string[], indicators: { code: string; unit: string; precision: number }[], count: number): ActualRow[] {
  const ps = periods();
  const capacity = ps.length * units.length * indicators.length;
  if (capacity < count) throw new Error(`bench: only ${capacity} distinct keys for ${count} rows`);
  const rnd = random(20_240_101);
  const rows: ActualRow[] = [];
  for (const p of ps) {
    for (const region of units) {
      for (const i of indicators) {
        if (rows.length === count) return rows;
        const scale = i.unit === '%' ? 100 : i.precision === 0 ? 5000 : 800;
        rows.push({ region, indicator: i.code, unit: i.unit, period: p.text, year: p.year, value: (rnd() * scale).toFixed(i.precision) });
      }
    }
  }
  return rows;
}

const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The import file as .csv (UTF-8, with a header). */
export function toImportCsv(rows: ActualRow[]): Buffer {
  const lines = [HEADER.join(',')];
  for (const r of rows) lines.push([r.region, r.indicator, r.period, '实际', r.value, r.unit].map(csvField).join(','));
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}

/**
 * The import file as .xlsx: codes and periods as text, years and values as numbers (what a user
 * typing into Excel gets).
 */
export async function toImportXlsx(rows: ActualRow[]): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kc-bench-'));
  const file = path.join(dir, 'actuals.xlsx');
  try {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
    const ws = wb.addWorksheet('数据');
    ws.addRow(HEADER).commit();
    for (const r of rows) {
      ws.addRow([r.region, r.indicator, /^\d{4}$/.test(r.period) ? Number(r.period) : r.period, '实际', Number(r.value), r.unit]).commit();
    }
    ws.commit();
    await wb.commit();
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The same rows normalised, for a bare COPY into a table shaped like indicator_values. */
export const COPY_COLUMNS = '(region_code, indicator_code, kind, period, year, value, source)';
/** `extra` is appended to every line (e.g. ",7,3" for import_run_id and updated_by). */
export function toCopyCsv(rows: ActualRow[], extra = ''): string {
  let out = '';
  for (const r of rows) out += `${r.region},${r.indicator},actual,${r.period},${r.year},${r.value},import${extra}\n`;
  return out;
}
