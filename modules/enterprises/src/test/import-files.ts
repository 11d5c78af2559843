/** Registry import files built in memory (CSV text, .xlsx, GBK bytes) and valid USCCs made up for tests. */
import ExcelJS from 'exceljs';
import { usccCheckCharacter } from '../domain/uscc.ts';

/** A valid USCC registered in 330211 with a 9-character organisation code built from `n`. */
export function testUscc(n: number, prefix = 'T'): string {
  const first17 = `91330211${prefix}${String(n).padStart(8 - prefix.length + 1, '0')}`.slice(0, 17);
  return first17 + usccCheckCharacter(first17);
}

export function csv(rows: (string | number)[][]): string {
  return rows.map((r) => r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',')).join('\n');
}

export async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const ENTERPRISE_HEADER = [
  '统一社会信用代码',
  '企业名称',
  '所属镇街',
  '地址',
  '成立日期',
  '注册资本（万元）',
  '行业代码',
  '技术领域',
  '产业链',
  '规上企业',
  '上市企业',
  '联系人',
  '联系电话',
  '电子邮箱',
];
export const YEAR_HEADER = [
  '统一社会信用代码',
  '年度',
  '营业收入',
  '高新技术产品(服务)收入',
  '研发费用',
  '其中境内研发费用',
  '成本费用总额',
  '资产总额',
  '净资产',
  '职工总数',
  '科技人员数',
  '科技成果转化数',
  '金额单位',
];
export const QUALIFICATION_HEADER = ['统一社会信用代码', '企业名称', '资质类型', '证书编号', '发证日期', '有效期至'];

/** GB18030/GBK bytes of a text, as Chinese Excel saves a CSV (Node decodes GB18030 but cannot encode it). */
export function gbkEncode(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) out.push(...(ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!));
  return Buffer.from(out);
}
