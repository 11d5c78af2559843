/** The columns of the carriers' import (绩效评价 · 载体年度数据导入) as the import reads them and the template writes them. */
import { unitEn, type CarrierLevel, type ReviewIndicator } from '../domain/index.ts';

export const LEVEL_LABELS: Record<CarrierLevel, string> = { national: '国家级', provincial: '省级', municipal: '市级', district: '区级' };
export const LEVEL_LABELS_EN: Record<CarrierLevel, string> = { national: 'National', provincial: 'Provincial', municipal: 'Municipal', district: 'District' };
/** The fixed columns and the header texts each accepts; the first is the template's. */
export const FIXED = {
  name: ['载体名称', 'name'],
  kind: ['载体类型', 'kind'],
  region: ['所属镇街', 'region', 'regionCode'],
  level: ['级别', 'level'],
  year: ['年度', 'year'],
};
export type Fixed = keyof typeof FIXED;
/** the fixed columns' headers in the English template (the import accepts them too) */
export const FIXED_EN: Record<Fixed, string> = { name: 'Name', kind: 'Kind', region: 'Town', level: 'Level', year: 'Year' };
/** An indicator's header in the template: its label with its unit */
export const templateHeader = (ind: ReviewIndicator) => `${ind.label}（${ind.unit}）`;
export const templateHeaderEn = (ind: ReviewIndicator) => `${ind.labelEn} (${unitEn(ind.unit)})`;
