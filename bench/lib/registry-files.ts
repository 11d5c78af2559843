/**
 * Deterministic synthetic registry data for the registry bench: enterprises (USCCs 91330211K…, which
 * the demo data never uses), their yearly figures as an import file (.csv / .xlsx, amounts in 万元 with
 * two decimals, named in the headers) and the same figures normalised to whole yuan for a bare COPY.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { seededRandom } from '@kechuang/platform-core';
import { usccCheckCharacter } from '@kechuang/enterprises/domain';

export const TOWNS = ['招宝山街道', '蛟川街道', '骆驼街道', '庄市街道', '贵驷街道', '澥浦镇', '九龙湖镇'];
const TOWN_CODES = ['330211001', '330211002', '330211003', '330211004', '330211005', '330211100', '330211101'];
const WORDS = ['科技', '新材料', '电子', '机械', '化工', '智能', '软件', '精密'];
const FIELDS = ['电子信息', '新材料', '先进制造与自动化', '新能源与节能', '高技术服务', '资源与环境', '生物与新医药', '航空航天'];
const FIELD_CODES = [
  'electronicInformation',
  'newMaterials',
  'advancedManufacturing',
  'newEnergy',
  'highTechServices',
  'resourcesEnvironment',
  'biomedicine',
  'aerospace',
];
const INDUSTRIES = ['C2651', 'C3979', 'C3411', 'C2929', 'I6513', 'C3824', 'M7320', 'C2710'];

export function benchUscc(i: number): string {
  const first17 = `91330211K${String(i).padStart(8, '0')}`;
  return first17 + usccCheckCharacter(first17);
}

export interface BenchEnterprise {
  uscc: string;
  name: string;
  town: number;
  foundedOn: string;
  field: number;
  industry: string;
  aboveScale: boolean;
}

export function benchEnterprises(count: number, seed = 7): BenchEnterprise[] {
  const rnd = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => ({
    uscc: benchUscc(i + 1),
    name: `宁波基准${WORDS[i % WORDS.length]}${String(i + 1).padStart(6, '0')}有限公司`,
    town: Math.floor(rnd() * TOWNS.length),
    foundedOn: `${2000 + Math.floor(rnd() * 22)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`,
    field: Math.floor(rnd() * FIELDS.length),
    industry: INDUSTRIES[Math.floor(rnd() * INDUSTRIES.length)],
    aboveScale: rnd() < 0.15,
  }));
}

const csvLines = (header: string[], rows: (string | number)[][]) => Buffer.from([header, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n', 'utf8');

export const ENTERPRISE_HEADER = ['统一社会信用代码', '企业名称', '所属镇街', '成立日期', '行业代码', '技术领域', '规上企业'];
export function enterprisesCsv(list: BenchEnterprise[]): Buffer {
  return csvLines(
    ENTERPRISE_HEADER,
    list.map((e) => [e.uscc, e.name, TOWNS[e.town], e.foundedOn, e.industry, FIELDS[e.field], e.aboveScale ? '是' : '否']),
  );
}

/** One enterprise-year; amounts in hundredths of 万元 (= 100 yuan), so both the file and the COPY are exact. */
export interface BenchYear {
  uscc: string;
  year: number;
  /** revenue, highTechRevenue, rdExpense, rdExpenseDomestic, totalCost, totalAssets, netAssets */
  amounts: number[];
  employees: number;
  sciTechStaff: number;
  conversions: number;
}

export const YEAR_HEADER = [
  '统一社会信用代码',
  '年度',
  '营业收入（万元）',
  '高新技术产品(服务)收入（万元）',
  '研发费用（万元）',
  '其中境内研发费用（万元）',
  '成本费用总额（万元）',
  '资产总额（万元）',
  '净资产（万元）',
  '职工总数',
  '科技人员数',
  '科技成果转化数',
];
export const YEARS = [2021, 2022, 2023];

/** `count` enterprise-years over the first enterprises, three years each (2021–2023), oldest first per enterprise. */
export function benchYears(list: BenchEnterprise[], count: number, seed = 11): BenchYear[] {
  const rnd = seededRandom(seed);
  const out: BenchYear[] = [];
  for (const e of list) {
    const base = 50_000 + Math.floor(rnd() * 5_000_000); // 500–50,500 万元
    const share = 0.3 + rnd() * 0.6;
    const rd = 0.01 + rnd() * 0.07;
    const staff = 20 + Math.floor(rnd() * 800);
    for (const [k, year] of YEARS.entries()) {
      if (out.length === count) return out;
      const revenue = Math.floor(base * (1 + 0.1 * k) * (0.9 + rnd() * 0.2));
      const highTech = Math.floor(revenue * share);
      const rdExpense = Math.floor(revenue * rd);
      const totalAssets = Math.floor(revenue * 1.2);
      const employees = staff + k * 5;
      out.push({
        uscc: e.uscc,
        year,
        amounts: [revenue, highTech, rdExpense, Math.floor(rdExpense * 0.9), Math.floor(revenue * 0.85), totalAssets, Math.floor(totalAssets * 0.45)],
        employees,
        sciTechStaff: Math.floor(employees * (0.05 + rnd() * 0.25)),
        conversions: Math.floor(rnd() * 8),
      });
    }
  }
  return out;
}

const wan = (hundredths: number) => (hundredths / 100).toFixed(2);

export function yearsCsv(rows: BenchYear[]): Buffer {
  return csvLines(
    YEAR_HEADER,
    rows.map((y) => [y.uscc, y.year, ...y.amounts.map(wan), y.employees, y.sciTechStaff, y.conversions]),
  );
}

export async function yearsXlsx(rows: BenchYear[]): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kc-bench-'));
  const file = path.join(dir, 'years.xlsx');
  try {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
    const ws = wb.addWorksheet('年度数据');
    ws.addRow(YEAR_HEADER).commit();
    for (const y of rows) ws.addRow([y.uscc, y.year, ...y.amounts.map((a) => a / 100), y.employees, y.sciTechStaff, y.conversions]).commit();
    ws.commit();
    await wb.commit();
    return await readFile(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const COPY_COLUMNS =
  '(enterprise_id, year, revenue, high_tech_revenue, rd_expense, rd_expense_domestic, total_cost, total_assets, net_assets, employees, sci_tech_staff, conversions, source)';
/** The same rows normalised (ids resolved, amounts in yuan), for a bare COPY into a table like enterprise_years. */
export function yearsCopyCsv(rows: BenchYear[], ids: Map<string, number>): string {
  let out = '';
  for (const y of rows)
    out += `${ids.get(y.uscc)},${y.year},${y.amounts.map((a) => a * 100).join(',')},${y.employees},${y.sciTechStaff},${y.conversions},import\n`;
  return out;
}

export { TOWN_CODES, FIELD_CODES };
