/** Excel exports of the report, the league table, the values list, and the import template. */
import type { MessageLang } from '@kechuang/platform-core';
import { writeXlsx, type ExportColumn } from '@kechuang/platform-server';
import type { Report } from './compute-report.ts';
import type { League } from './compute-league.ts';
import type { ValueRow } from './find-values.ts';
import { IMPORT_COLUMNS } from '../domain/import-row.ts';
import { lightStatus, type LightStatus } from '../domain/progress.ts';
import type { CatalogueItem, Indicator } from '../db/catalogue-queries.ts';
import { planShortZh } from '../domain/plan-names.ts';

export const LIGHT_LABELS = { green: '绿灯', yellow: '黄灯', red: '红灯', grey: '无数据' } as const;
const LIGHT_LABELS_EN: Record<keyof typeof LIGHT_LABELS, string> = { green: 'Green', yellow: 'Yellow', red: 'Red', grey: 'No data' };
const STATUS_LABELS: Record<MessageLang, Record<LightStatus, string>> = {
  zh: { ...LIGHT_LABELS, noData: '无数据', noTarget: '无目标', noBaseline: '无基数' },
  en: { ...LIGHT_LABELS_EN, noData: 'No data', noTarget: 'No target', noBaseline: 'No baseline' },
};
/** a grey light says why: no figure at all, or a figure but no target or no baseline to measure it by */
const lightLabel = (i: Report['items'][number], lang: MessageLang) => STATUS_LABELS[lang][lightStatus(i)];
const SOURCE_LABELS: Record<string, string> = {
  plan: '规划',
  import: '导入',
  manual: '手工填报',
  synthetic: '演示数据（合成）',
  computed: '计算',
  rolledUp: '下级汇总',
};
const SOURCE_LABELS_EN: Record<string, string> = {
  plan: 'Plan',
  import: 'Import',
  manual: 'Entered by hand',
  synthetic: 'Demo data (synthetic)',
  computed: 'Computed',
  rolledUp: 'Rolled up',
};

export function sourceLabel(s: string | null, lang: MessageLang = 'zh'): string {
  return s === null ? '' : ((lang === 'en' ? SOURCE_LABELS_EN : SOURCE_LABELS)[s] ?? s);
}

/** a column with its header in both languages: `[key, zh, en, width, numFmt?]` */
type Column = readonly [key: string, zh: string, en: string, width: number, numFmt?: string];
const columnsIn = (lang: MessageLang, columns: readonly Column[]): ExportColumn[] =>
  columns.map(([key, zh, en, width, numFmt]) => ({ key, header: lang === 'en' ? en : zh, width, ...(numFmt && { numFmt }) }));

const OFFICIAL_LABELS: Record<string, string> = { plan: '规划基数', import: '导入的基数', manual: '填报的基数' };
const OFFICIAL_LABELS_EN: Record<string, string> = { plan: 'plan baseline', import: 'imported baseline', manual: 'entered baseline' };

/** "官方口径 62%（2020 年规划基数）；平台计算 61.1%（口径：…）" for each computed figure beside a stated baseline (from the registry, the contracts register …: its basis says which) */
function comparisonNotes(i: Pick<Report['items'][number], 'comparisons' | 'unit' | 'computedBasis'>, lang: MessageLang): string {
  const fmt = (v: number) => `${v}${i.unit === '%' ? '%' : ` ${i.unit}`}`;
  type Comparison = Report['items'][number]['comparisons'][number];
  if (lang === 'en') {
    const stated = (c: Comparison) =>
      c.officialSource === 'synthetic'
        ? `baseline ${fmt(c.official)} (${c.period}, demo data)`
        : `official ${fmt(c.official)} (${c.period} ${OFFICIAL_LABELS_EN[c.officialSource] ?? sourceLabel(c.officialSource, lang)})`;
    return i.comparisons.map((c) => `${stated(c)}; computed by the platform ${fmt(c.computed)}`).join('\n');
  }
  const stated = (c: Comparison) =>
    c.officialSource === 'synthetic'
      ? `基数 ${fmt(c.official)}（${c.period} 年，演示数据）`
      : `官方口径 ${fmt(c.official)}（${c.period} 年${OFFICIAL_LABELS[c.officialSource] ?? sourceLabel(c.officialSource)}）`;
  return i.comparisons.map((c) => `${stated(c)}；平台计算 ${fmt(c.computed)}${i.computedBasis ? `（口径：${i.computedBasis}）` : ''}`).join('\n');
}

const REPORT_COLUMNS: readonly Column[] = [
  ['code', '指标代码', 'Code', 24],
  ['name', '指标', 'Indicator', 40],
  ['unit', '单位', 'Unit', 8],
  ['baseline', '基数', 'Baseline', 12],
  ['baselinePeriod', '基数期间', 'Baseline period', 10],
  ['target', '目标', 'Target', 12],
  ['targetPeriod', '目标期间', 'Target period', 10],
  ['actual', '实际', 'Actual', 12],
  ['source', '数据来源', 'Source', 16],
  ['expected', '序时进度值', 'Expected to date', 12],
  ['completion', '完成率', 'Completion', 10, '0.0%'],
  ['lightLabel', '亮灯', 'Light', 8],
  ['note', '说明', 'Notes', 60],
];

/** the report in the user's language: headers, lights, sources and notes (indicator names in English where the catalogue has them) */
export function reportXlsx(r: Report, lang: MessageLang = 'zh'): Promise<Buffer> {
  const demo = lang === 'en' ? ' (demo data)' : '（演示数据）';
  const source = (i: Report['items'][number]) =>
    i.actualSynthetic && i.actualSource !== 'synthetic' ? `${sourceLabel(i.actualSource, lang)}${demo}` : sourceLabel(i.actualSource, lang);
  const rows = r.items.map((i) => ({
    ...i,
    name: lang === 'en' && i.nameEn ? i.nameEn : i.name,
    source: source(i),
    lightLabel: lightLabel(i, lang),
    note: comparisonNotes(i, lang),
  }));
  const title =
    lang === 'en'
      ? `${r.region.name} (${r.region.code}) progress of the indicators, ${r.period} · ${r.plan.name}`
      : `${r.region.name}（${r.region.code}）${r.period} 年指标进度 · ${r.plan.name}`;
  return writeXlsx([{ name: lang === 'en' ? 'Progress' : '指标进度', columns: columnsIn(lang, REPORT_COLUMNS), rows, notes: [title] }]);
}

const LEAGUE_COLUMNS: readonly Column[] = [
  ['rank', '排名', 'Rank', 6],
  ['regionCode', '地区代码', 'Region code', 12],
  ['regionName', '镇街/园区', 'Town or park', 18],
  ['green', '绿灯', 'Green', 6],
  ['yellow', '黄灯', 'Yellow', 6],
  ['red', '红灯', 'Red', 6],
  ['grey', '无数据', 'No data', 7],
  ['greenShare', '绿灯占比', 'Green share', 10, '0.0%'],
  ['completion', '平均完成率', 'Mean completion', 11, '0.0%'],
];

export function leagueXlsx(l: League, lang: MessageLang = 'zh'): Promise<Buffer> {
  const en = lang === 'en';
  const columns: ExportColumn[] = [
    ...columnsIn(lang, LEAGUE_COLUMNS),
    ...l.indicators.flatMap((i) => {
      const name = en && i.nameEn ? i.nameEn : i.name;
      return [
        { header: en ? `${name} (${i.unit})` : `${name}（${i.unit}）`, key: `${i.code}.actual`, width: 16 },
        { header: en ? `${name}: light` : `${name} 亮灯`, key: `${i.code}.light`, width: 10 },
      ];
    }),
  ];
  const lights = en ? LIGHT_LABELS_EN : LIGHT_LABELS;
  const rows = l.items.map((item) => {
    const row: Record<string, unknown> = { ...item };
    for (const i of l.indicators) {
      row[`${i.code}.actual`] = item.cells[i.code]?.actual ?? null;
      row[`${i.code}.light`] = lights[item.cells[i.code]?.light ?? 'grey'];
    }
    return row;
  });
  const title = en ? `League of the towns and parks, ${l.period} · ${l.plan.name}` : `${l.period} 年镇街园区亮灯赛绩 · ${l.plan.name}`;
  return writeXlsx([{ name: en ? 'League' : '亮灯赛绩', columns, rows, notes: [title] }]);
}

const VALUE_COLUMNS: readonly Column[] = [
  ['regionCode', '地区代码', 'Region code', 12],
  ['regionName', '地区', 'Region', 14],
  ['indicatorName', '指标', 'Indicator', 40],
  ['period', '期间', 'Period', 10],
  ['kindLabel', '类型', 'Kind', 8],
  ['value', '数值', 'Value', 14],
  ['unit', '单位', 'Unit', 8],
  ['sourceLabel', '来源', 'Source', 16],
  ['updatedAt', '更新时间', 'Updated at', 26],
  ['updatedBy', '更新人', 'Updated by', 12],
];

export function valuesXlsx(items: ValueRow[], lang: MessageLang = 'zh'): Promise<Buffer> {
  const kinds = lang === 'en' ? KIND_LABELS_EN : KIND_LABELS;
  return writeXlsx([
    {
      name: lang === 'en' ? 'Values' : '指标数据',
      columns: columnsIn(lang, VALUE_COLUMNS),
      rows: items.map((v) => ({ ...v, value: Number(v.value), kindLabel: kinds[v.kind] ?? v.kind, sourceLabel: sourceLabel(v.source, lang) })),
    },
  ]);
}

const KIND_LABELS: Record<string, string> = { baseline: '基数', target: '目标', actual: '实际' };
const KIND_LABELS_EN: Record<string, string> = { baseline: 'Baseline', target: 'Target', actual: 'Actual' };
const ROLLUP_LABELS: Record<string, string> = { sum: '求和', ratio: '分子分母比值', none: '不汇总' };

const CATALOGUE_COLUMNS: readonly Column[] = [
  ['code', '指标代码', 'Code', 26],
  ['nameZh', '指标名称', 'Chinese name', 44],
  ['nameEn', 'English name', 'English name', 40],
  ['unit', '单位', 'Unit', 8],
  ['dir', '方向', 'Direction', 10],
  ['precision', '小数位', 'Decimals', 8],
  ['category', '类别', 'Category', 12],
  ['planNames', '所属规划', 'Plans', 14],
  ['rollupLabel', '汇总方式', 'Roll-up', 14],
  ['numeratorCode', '分子指标', 'Numerator', 18],
  ['denominatorCode', '分母指标', 'Denominator', 18],
  ['trajectoryLabel', '序时轨迹', 'Trajectory', 10],
  ['headline', '核心指标', 'Headline', 8],
  ['definition', '定义', 'Definition', 40],
  ['dataSource', '数据来源', 'Data source', 24],
  ['computedBasis', '计算口径', 'Computed basis', 40],
];
const ROLLUP_LABELS_EN: Record<string, string> = { sum: 'Sum', ratio: 'Ratio of numerator to denominator', none: 'None' };

export function catalogueXlsx(items: CatalogueItem[], lang: MessageLang = 'zh'): Promise<Buffer> {
  const zh = lang === 'zh';
  return writeXlsx([
    {
      name: zh ? '指标目录' : 'Catalogue',
      columns: columnsIn(lang, CATALOGUE_COLUMNS),
      rows: items.map((i) => ({
        ...i,
        dir: i.direction === 'higher' ? (zh ? '越高越好' : 'Higher is better') : zh ? '越低越好' : 'Lower is better',
        rollupLabel: (zh ? ROLLUP_LABELS : ROLLUP_LABELS_EN)[i.rollup],
        trajectoryLabel: i.trajectory === 'linear' ? (zh ? '线性' : 'Linear') : zh ? '复合增长' : 'Compound growth',
        headline: i.isHeadline ? (zh ? '是' : 'yes') : '',
        planNames: zh ? i.plans.map(planShortZh).join('、') : i.plans.join(', '),
      })),
    },
  ]);
}

/**
 * The template: the long layout's header, two example rows, and the catalogue on a second sheet, in the request's
 * language (the import reads the English headers too: they are the columns' codes).
 */
export function templateXlsx(indicators: Indicator[], regions: { code: string; name: string }[], lang: MessageLang = 'zh'): Promise<Buffer> {
  const zh = lang === 'zh';
  const example = regions[0]?.code ?? '330211001';
  const first = indicators[0];
  const dir = (i: Indicator) => (i.direction === 'higher' ? (zh ? '越高越好' : 'Higher is better') : zh ? '越低越好' : 'Lower is better');
  return writeXlsx([
    {
      name: zh ? '导入数据' : 'Values',
      columns: IMPORT_COLUMNS.map((c) => ({ header: zh ? c.zh : c.en, key: c.field, width: c.field === 'indicator' ? 36 : 14 })),
      rows: first
        ? [
            { region: example, indicator: first.code, period: '2024', kind: zh ? '实际' : 'actual', value: '', unit: first.unit },
            { region: example, indicator: zh ? first.nameZh : first.code, period: '2025', kind: zh ? '目标' : 'target', value: '', unit: first.unit },
          ]
        : [],
    },
    {
      name: zh ? '指标目录' : 'Catalogue',
      columns: [
        { header: zh ? '指标代码' : 'Code', key: 'code', width: 28 },
        { header: zh ? '指标名称' : 'Name', key: zh ? 'nameZh' : 'nameEn', width: 44 },
        { header: zh ? '单位' : 'Unit', key: 'unit', width: 8 },
        { header: zh ? '方向' : 'Direction', key: 'dir', width: 16 },
      ],
      rows: indicators.map((i) => ({ ...i, dir: dir(i) })),
    },
    {
      name: zh ? '地区代码' : 'Regions',
      columns: [
        { header: zh ? '地区代码' : 'Region code', key: 'code', width: 14 },
        { header: zh ? '地区' : 'Region', key: 'name', width: 20 },
      ],
      rows: regions,
    },
    {
      name: zh ? '填写说明' : 'Notes',
      columns: [{ header: zh ? '说明' : 'Notes', key: 'text', width: 100 }],
      rows: (zh
        ? [
            '每行一个数值：地区代码（GB/T 2260）、指标（代码或中文全称）、期间（2023 / 2023Q2 / 2023-05）、类型（基数 / 目标 / 实际）、数值、单位（可选）。',
            '数值可写作 2.43、2.43%、1,029；金额可带单位 万元 / 亿元，会换算成指标的单位。',
            '整个文件在一个事务中导入：有任何一行出错，则不导入任何数据，并逐行列出错误。重复导入同一文件不会改变数据。',
            '请勿使用公式和合并单元格。',
          ]
        : [
            'One value a row: region code (GB/T 2260), indicator (its code or Chinese name), period (2023 / 2023Q2 / 2023-05), kind (baseline / target / actual), value, unit (optional).',
            "A value may be written 2.43, 2.43% or 1,029; an amount may carry the unit 万元 (10,000 yuan) or 亿元 (100 million yuan) and is converted to the indicator's unit.",
            'The whole file is imported in one transaction: if any row has an error, nothing is imported and every error is listed by row. Importing the same file again changes nothing.',
            'Do not use formulas or merged cells.',
          ]
      ).map((text) => ({ text })),
    },
  ]);
}
