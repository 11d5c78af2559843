/**
 * The filtered list of contracts as an .xlsx in the request's language: the first sheet is the table alone under
 * the import's headers (amounts in yuan, the unit in the header), so the file imports back; the note has its own
 * sheet. The register's bookkeeping (rules, status, dates, income) is written for reading and not imported.
 */
import type { MessageLang } from '@kechuang/platform-core';
import { writeXlsx, type ExportColumn } from '@kechuang/platform-server';
import type { TechContract } from '../contract/tech-contracts.ts';
import {
  deductible,
  LOCATION_LABELS,
  REFUSAL_LABELS,
  REFUSAL_LABELS_EN,
  STATUS_LABELS,
  STATUS_LABELS_EN,
  SUBTYPE_LABELS,
  SUBTYPE_LABELS_EN,
  TECH_FIELDS,
  TECH_FIELDS_EN,
  TYPE_LABELS,
  TYPE_LABELS_EN,
  type PartyLocation,
} from '../domain/index.ts';
import { AMOUNT_COLUMNS, COLUMNS, type Column } from './columns.ts';

export const LOCATION_LABELS_EN: Record<PartyLocation, string> = { district: 'District', domestic: 'Elsewhere in China', abroad: 'Abroad' };

const WIDTHS: Partial<Record<Column, number>> = { title: 36, sellerName: 30, buyerName: 30, sellerUscc: 22, buyerUscc: 22, registrationNo: 20 };

export async function contractsXlsx(items: TechContract[], asOf: string, lang: MessageLang): Promise<{ fileName: string; data: Buffer }> {
  const en = lang === 'en';
  const loc = en ? LOCATION_LABELS_EN : LOCATION_LABELS;
  const rows = items.map((c) => ({
    registrationNo: c.registrationNo ?? '',
    contractNo: c.contractNo ?? '',
    title: c.title,
    type: (en ? TYPE_LABELS_EN : TYPE_LABELS)[c.type],
    subtype: (en ? SUBTYPE_LABELS_EN : SUBTYPE_LABELS)[c.subtype],
    rulesVersion: c.rulesVersion,
    signedOn: c.signedOn,
    sellerName: c.seller.name,
    sellerUscc: c.seller.uscc ?? '',
    sellerLocation: loc[c.seller.location],
    sellerRegion: c.seller.regionName ?? '',
    buyerName: c.buyer.name,
    buyerUscc: c.buyer.uscc ?? '',
    buyerLocation: loc[c.buyer.location],
    buyerRegion: c.buyer.regionName ?? '',
    contractAmount: c.contractAmount,
    techAmount: c.techAmount,
    nonTechnical: deductible(c.items),
    field: (en ? TECH_FIELDS_EN : TECH_FIELDS)[c.field],
    chainTag: c.chainTag ?? '',
    status: (en ? STATUS_LABELS_EN : STATUS_LABELS)[c.status],
    refusalGround: c.refusalGround ? (en ? REFUSAL_LABELS_EN : REFUSAL_LABELS)[c.refusalGround] : '',
    submittedOn: c.submittedOn,
    registeredOn: c.registeredOn ?? '',
    deadline: c.deadline,
    receivedTotal: c.receivedTotal,
  }));
  const columns: ExportColumn[] = (Object.keys(COLUMNS) as Column[]).map((key) => {
    const amount = AMOUNT_COLUMNS.includes(key);
    const header = en ? `${COLUMNS[key].en}${amount ? ' (CNY)' : ''}` : `${COLUMNS[key].zh}${amount ? '（元）' : ''}`;
    return { key, header, width: WIDTHS[key] ?? (amount ? 16 : 12), ...(amount && { numFmt: '#,##0.00' }) };
  });
  const notes = en
    ? [
        `Technology contracts · exported on ${asOf} · ${items.length} contracts`,
        'Amounts in yuan. The sheet imports back as new contracts (a registration number and date make a contract registered); rules, status, refusal ground, submission date, deadline and income received are for reading and are not imported.',
      ]
    : [
        `技术合同登记 · 导出于 ${asOf} · 共 ${items.length} 份`,
        '金额单位为元。本表可按导入模板的写法导入为新合同（填有登记编号和登记日期的为已登记合同）；适用规则、状态、不予登记理由、受理日期、办结期限、已到账仅供查看，导入时不读取。',
      ];
  const data = await writeXlsx([
    { name: en ? 'Contracts' : '技术合同', columns, rows },
    { name: en ? 'Notes' : '说明', columns: [{ header: en ? 'Notes' : '说明', key: 'note', width: 90 }], rows: notes.map((note) => ({ note })) },
  ]);
  return { fileName: `${en ? 'tech-contracts' : '技术合同'}_${asOf}.xlsx`, data };
}
