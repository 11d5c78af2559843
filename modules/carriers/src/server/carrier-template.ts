/**
 * The import template of a review (绩效评价 · 载体年度数据导入模板): headers with units, the jurisdiction's carriers
 * with their figures of the year, and a 说明 sheet (units, codes, towns, what a blank means), in the request's
 * language. It imports back unchanged in either language (the import reads both templates' headers and words).
 */
import { AppError, type MessageLang } from '@kechuang/platform-core';
import { reportingUnits, writeXlsx, type Actor, type Db } from '@kechuang/platform-server';
import { carrierFigures } from '../db/carrier-figures.ts';
import { CARRIER_KIND_LABELS, CARRIER_KIND_LABELS_EN, kindsOfReview, REVIEW_INDICATORS, REVIEW_LABELS, unitEn, type ReviewKind } from '../domain/index.ts';
import { FIXED, FIXED_EN, LEVEL_LABELS, LEVEL_LABELS_EN, templateHeader, templateHeaderEn } from './import-columns.ts';

/** The template of a review: headers with units, the jurisdiction's carriers with their figures of the year, and a 说明 sheet. */
export async function carrierTemplate(
  db: Db,
  actor: Actor,
  homeRegion: string,
  review: ReviewKind,
  year: number,
  lang: MessageLang = 'zh',
): Promise<{ fileName: string; data: Buffer }> {
  if (actor.scope.kind !== 'region') throw new AppError('FORBIDDEN');
  const zh = lang === 'zh';
  const scopePath = actor.scope.path;
  const kinds = kindsOfReview(review);
  const { carriers, figures } = await carrierFigures(db, scopePath, kinds, year);
  const indicators = REVIEW_INDICATORS[review];
  const header = zh ? templateHeader : templateHeaderEn;
  const towns = (await reportingUnits(db, homeRegion)).filter((u) => u.path.startsWith(scopePath)).map((u) => u.name);
  const rows = carriers.map((c) => ({
    name: c.name,
    kind: (zh ? CARRIER_KIND_LABELS : CARRIER_KIND_LABELS_EN)[c.kind],
    region: c.regionName,
    level: c.level ? (zh ? LEVEL_LABELS : LEVEL_LABELS_EN)[c.level] : null,
    year,
    ...Object.fromEntries(figures.filter((f) => f.carrierId === c.id).map((f) => [f.indicator, f.value])),
  }));
  const kindNames = kinds.map((k) => (zh ? CARRIER_KIND_LABELS : CARRIER_KIND_LABELS_EN)[k]);
  const notes = zh
    ? [
        ...indicators.map((i) => ({
          item: templateHeader(i),
          note: `代码 ${i.code}；单位：${i.unit}${i.unit === '%' ? '，填 0–100 的数（如 85 或 85%）' : ''}；不能为负数`,
        })),
        { item: '载体类型', note: kindNames.join(' 或 ') },
        { item: '所属镇街', note: `新建载体时必填：${towns.join('、')}` },
        { item: '级别', note: '国家级、省级、市级、区级，可留空' },
        { item: '说明', note: '按“载体类型 + 载体名称”匹配已有载体；找不到且填了所属镇街的，新建载体。所属镇街、级别只在新建时使用。' },
        { item: '说明', note: '空白单元格表示不填报，不会清除或改变已有数据；有任何一处错误则整个文件不导入，并逐行列出错误；重复导入同一文件不会改变数据。' },
      ]
    : [
        ...indicators.map((i) => ({
          item: templateHeaderEn(i),
          note: `Code ${i.code}; unit: ${unitEn(i.unit)}${i.unit === '%' ? ', a number from 0 to 100 (such as 85 or 85%)' : ''}; not negative`,
        })),
        { item: FIXED_EN.kind, note: kindNames.join(' or ') },
        { item: FIXED_EN.region, note: `Required for a new carrier: ${towns.join(', ')}` },
        { item: FIXED_EN.level, note: 'National, Provincial, Municipal, District, or empty' },
        {
          item: 'Notes',
          note: 'A row matches a carrier by kind and name; a carrier not found is added when its town is given. Town and level are used only for a new carrier.',
        },
        {
          item: 'Notes',
          note: 'A blank cell reports nothing and leaves what is stored; any error refuses the whole file, with every error listed by row; importing the same file twice changes nothing.',
        },
      ];
  const fixed = zh ? { name: FIXED.name[0], kind: FIXED.kind[0], region: FIXED.region[0], level: FIXED.level[0], year: FIXED.year[0] } : FIXED_EN;
  const data = await writeXlsx([
    {
      name: zh ? `${year}年数据` : `Figures ${year}`,
      columns: [
        { header: fixed.name, key: 'name', width: 32 },
        { header: fixed.kind, key: 'kind', width: 16 },
        { header: fixed.region, key: 'region', width: 14 },
        { header: fixed.level, key: 'level', width: 8 },
        { header: fixed.year, key: 'year', width: 8 },
        ...indicators.map((i) => ({ header: header(i), key: i.code, width: Math.max(12, header(i).length * (zh ? 2 : 1)) })),
      ],
      rows,
    },
    {
      name: zh ? '说明' : 'Notes',
      columns: [
        { header: zh ? '列' : 'Column', key: 'item', width: 32 },
        { header: zh ? '填写说明（单位、空白的含义）' : 'How to fill it in (units, what a blank means)', key: 'note', width: 90 },
      ],
      rows: notes,
    },
  ]);
  return { fileName: zh ? `${REVIEW_LABELS[review]}_${year}_数据模板.xlsx` : `${review}-review_${year}_template.xlsx`, data };
}
