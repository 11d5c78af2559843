/**
 * The import template of a review (绩效评价 · 载体年度数据导入模板): Chinese headers with units, the jurisdiction's carriers
 * with their figures of the year, and a 说明 sheet (units, codes, towns, what a blank means). It imports back unchanged.
 */
import { AppError } from '@kechuang/platform-core';
import { reportingUnits, writeXlsx, type Actor, type Db } from '@kechuang/platform-server';
import { carrierFigures } from '../db/carrier-figures.ts';
import { CARRIER_KIND_LABELS, kindsOfReview, REVIEW_INDICATORS, REVIEW_LABELS, type ReviewKind } from '../domain/index.ts';
import { FIXED, LEVEL_LABELS, templateHeader } from './import-columns.ts';

/** The template of a review: Chinese headers with units, the jurisdiction's carriers with their figures of the year, and a 说明 sheet. */
export async function carrierTemplate(db: Db, actor: Actor, homeRegion: string, review: ReviewKind, year: number): Promise<{ fileName: string; data: Buffer }> {
  if (actor.scope.kind !== 'region') throw new AppError('FORBIDDEN');
  const scopePath = actor.scope.path;
  const kinds = kindsOfReview(review);
  const { carriers, figures } = await carrierFigures(db, scopePath, kinds, year);
  const indicators = REVIEW_INDICATORS[review];
  const towns = (await reportingUnits(db, homeRegion)).filter((u) => u.path.startsWith(scopePath)).map((u) => u.name);
  const rows = carriers.map((c) => ({
    name: c.name,
    kind: CARRIER_KIND_LABELS[c.kind],
    region: c.regionName,
    level: c.level ? LEVEL_LABELS[c.level] : null,
    year,
    ...Object.fromEntries(figures.filter((f) => f.carrierId === c.id).map((f) => [f.indicator, f.value])),
  }));
  const notes = [
    ...indicators.map((i) => ({
      item: templateHeader(i),
      note: `代码 ${i.code}；单位：${i.unit}${i.unit === '%' ? '，填 0–100 的数（如 85 或 85%）' : ''}；不能为负数`,
    })),
    { item: '载体类型', note: review === 'incubator' ? '科技企业孵化器 或 众创空间' : '产业技术研究院' },
    { item: '所属镇街', note: `新建载体时必填：${towns.join('、')}` },
    { item: '级别', note: '国家级、省级、市级、区级，可留空' },
    { item: '说明', note: '按“载体类型 + 载体名称”匹配已有载体；找不到且填了所属镇街的，新建载体。所属镇街、级别只在新建时使用。' },
    { item: '说明', note: '空白单元格表示不填报，不会清除或改变已有数据；有任何一处错误则整个文件不导入，并逐行列出错误；重复导入同一文件不会改变数据。' },
  ];
  const data = await writeXlsx([
    {
      name: `${year}年数据`,
      columns: [
        { header: FIXED.name[0], key: 'name', width: 32 },
        { header: FIXED.kind[0], key: 'kind', width: 16 },
        { header: FIXED.region[0], key: 'region', width: 14 },
        { header: FIXED.level[0], key: 'level', width: 8 },
        { header: FIXED.year[0], key: 'year', width: 8 },
        ...indicators.map((i) => ({ header: templateHeader(i), key: i.code, width: Math.max(12, templateHeader(i).length * 2) })),
      ],
      rows,
    },
    {
      name: '说明',
      columns: [
        { header: '列', key: 'item', width: 32 },
        { header: '填写说明（单位、空白的含义）', key: 'note', width: 90 },
      ],
      rows: notes,
    },
  ]);
  return { fileName: `${REVIEW_LABELS[review]}_${year}_数据模板.xlsx`, data };
}
