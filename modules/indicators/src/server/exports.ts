/** Excel exports of the report, the league table, the values list, and the import template. */
import { writeXlsx, type ExportColumn } from '@kechuang/platform-server';
import type { Report } from './compute-report.ts';
import type { League } from './compute-league.ts';
import type { ValueRow } from './find-values.ts';
import { IMPORT_COLUMNS } from '../domain/import-row.ts';
import { lightStatus, type LightStatus } from '../domain/progress.ts';
import type { CatalogueItem, Indicator } from '../db/catalogue-queries.ts';
import { planShortZh } from '../domain/plan-names.ts';

export const LIGHT_LABELS = { green: '绿灯', yellow: '黄灯', red: '红灯', grey: '无数据' } as const;
const STATUS_LABELS: Record<LightStatus, string> = { ...LIGHT_LABELS, noData: '无数据', noTarget: '无目标', noBaseline: '无基数' };
/** a grey light says why: no figure at all, or a figure but no target or no baseline to measure it by */
const lightLabel = (i: Report['items'][number]) => STATUS_LABELS[lightStatus(i)];
const SOURCE_LABELS: Record<string, string> = { plan: '规划', import: '导入', manual: '手工填报', synthetic: '演示数据（合成）', computed: '计算', rolledUp: '下级汇总' };

export function sourceLabel(s: string | null): string {
  return s === null ? '' : (SOURCE_LABELS[s] ?? s);
}

const OFFICIAL_LABELS: Record<string, string> = { plan: '规划基数', import: '导入的基数', manual: '填报的基数' };

/** "官方口径 62%（2020 年规划基数）；据企业库计算 61.1%（口径：…）" for each computed figure beside a stated baseline */
function comparisonNotes(i: Pick<Report['items'][number], 'comparisons' | 'unit' | 'computedBasis'>): string {
  const fmt = (v: number) => `${v}${i.unit === '%' ? '%' : ` ${i.unit}`}`;
  const stated = (c: Report['items'][number]['comparisons'][number]) =>
    c.officialSource === 'synthetic' ? `基数 ${fmt(c.official)}（${c.period} 年，演示数据）` : `官方口径 ${fmt(c.official)}（${c.period} 年${OFFICIAL_LABELS[c.officialSource] ?? sourceLabel(c.officialSource)}）`;
  return i.comparisons
    .map((c) => `${stated(c)}；据企业库计算 ${fmt(c.computed)}${i.computedBasis ? `（口径：${i.computedBasis}）` : ''}`)
    .join('\n');
}

export function reportXlsx(r: Report): Promise<Buffer> {
  const columns: ExportColumn[] = [
    { header: '指标代码', key: 'code', width: 24 },
    { header: '指标', key: 'name', width: 40 },
    { header: '单位', key: 'unit', width: 8 },
    { header: '基数', key: 'baseline', width: 12 },
    { header: '基数期间', key: 'baselinePeriod', width: 10 },
    { header: '目标', key: 'target', width: 12 },
    { header: '目标期间', key: 'targetPeriod', width: 10 },
    { header: '实际', key: 'actual', width: 12 },
    { header: '数据来源', key: 'source', width: 16 },
    { header: '序时进度值', key: 'expected', width: 12 },
    { header: '完成率', key: 'completion', width: 10, numFmt: '0.0%' },
    { header: '亮灯', key: 'lightLabel', width: 8 },
    { header: '说明', key: 'note', width: 60 },
  ];
  const source = (i: Report['items'][number]) =>
    i.actualSynthetic && i.actualSource !== 'synthetic' ? `${sourceLabel(i.actualSource)}（演示数据）` : sourceLabel(i.actualSource);
  const rows = r.items.map((i) => ({ ...i, source: source(i), lightLabel: lightLabel(i), note: comparisonNotes(i) }));
  return writeXlsx([{ name: '指标进度', columns, rows, notes: [`${r.region.name}（${r.region.code}）${r.period} 年指标进度 · ${r.plan.name}`] }]);
}

export function leagueXlsx(l: League): Promise<Buffer> {
  const columns: ExportColumn[] = [
    { header: '排名', key: 'rank', width: 6 },
    { header: '地区代码', key: 'regionCode', width: 12 },
    { header: '镇街/园区', key: 'regionName', width: 18 },
    { header: '绿灯', key: 'green', width: 6 },
    { header: '黄灯', key: 'yellow', width: 6 },
    { header: '红灯', key: 'red', width: 6 },
    { header: '无数据', key: 'grey', width: 7 },
    { header: '绿灯占比', key: 'greenShare', width: 10, numFmt: '0.0%' },
    { header: '平均完成率', key: 'completion', width: 11, numFmt: '0.0%' },
    ...l.indicators.flatMap((i) => [
      { header: `${i.name}（${i.unit}）`, key: `${i.code}.actual`, width: 16 },
      { header: `${i.name} 亮灯`, key: `${i.code}.light`, width: 10 },
    ]),
  ];
  const rows = l.items.map((item) => {
    const row: Record<string, unknown> = { ...item };
    for (const i of l.indicators) {
      row[`${i.code}.actual`] = item.cells[i.code]?.actual ?? null;
      row[`${i.code}.light`] = LIGHT_LABELS[item.cells[i.code]?.light ?? 'grey'];
    }
    return row;
  });
  return writeXlsx([{ name: '亮灯赛绩', columns, rows, notes: [`${l.period} 年镇街园区亮灯赛绩 · ${l.plan.name}`] }]);
}

export function valuesXlsx(items: ValueRow[]): Promise<Buffer> {
  return writeXlsx([{
    name: '指标数据',
    columns: [
      { header: '地区代码', key: 'regionCode', width: 12 },
      { header: '地区', key: 'regionName', width: 14 },
      { header: '指标', key: 'indicatorName', width: 40 },
      { header: '期间', key: 'period', width: 10 },
      { header: '类型', key: 'kindLabel', width: 8 },
      { header: '数值', key: 'value', width: 14 },
      { header: '单位', key: 'unit', width: 8 },
      { header: '来源', key: 'sourceLabel', width: 16 },
      { header: '更新时间', key: 'updatedAt', width: 26 },
      { header: '更新人', key: 'updatedBy', width: 12 },
    ],
    rows: items.map((v) => ({ ...v, value: Number(v.value), kindLabel: KIND_LABELS[v.kind] ?? v.kind, sourceLabel: sourceLabel(v.source) })),
  }]);
}

const KIND_LABELS: Record<string, string> = { baseline: '基数', target: '目标', actual: '实际' };
const ROLLUP_LABELS: Record<string, string> = { sum: '求和', ratio: '分子分母比值', none: '不汇总' };

export function catalogueXlsx(items: CatalogueItem[]): Promise<Buffer> {
  return writeXlsx([{
    name: '指标目录',
    columns: [
      { header: '指标代码', key: 'code', width: 26 },
      { header: '指标名称', key: 'nameZh', width: 44 },
      { header: 'English name', key: 'nameEn', width: 40 },
      { header: '单位', key: 'unit', width: 8 },
      { header: '方向', key: 'dir', width: 10 },
      { header: '小数位', key: 'precision', width: 8 },
      { header: '类别', key: 'category', width: 12 },
      { header: '所属规划', key: 'planNames', width: 14 },
      { header: '汇总方式', key: 'rollupLabel', width: 14 },
      { header: '分子指标', key: 'numeratorCode', width: 18 },
      { header: '分母指标', key: 'denominatorCode', width: 18 },
      { header: '序时轨迹', key: 'trajectoryLabel', width: 10 },
      { header: '核心指标', key: 'headline', width: 8 },
      { header: '定义', key: 'definition', width: 40 },
      { header: '数据来源', key: 'dataSource', width: 24 },
      { header: '计算口径', key: 'computedBasis', width: 40 },
    ],
    rows: items.map((i) => ({
      ...i,
      dir: i.direction === 'higher' ? '越高越好' : '越低越好',
      rollupLabel: ROLLUP_LABELS[i.rollup],
      trajectoryLabel: i.trajectory === 'linear' ? '线性' : '复合增长',
      headline: i.isHeadline ? '是' : '',
      planNames: i.plans.map(planShortZh).join('、'),
    })),
  }]);
}

/** The template: the long layout's header, two example rows, and the catalogue on a second sheet. */
export function templateXlsx(indicators: Indicator[], regions: { code: string; name: string }[]): Promise<Buffer> {
  const example = regions[0]?.code ?? '330211001';
  const first = indicators[0];
  return writeXlsx([
    {
      name: '导入数据',
      columns: IMPORT_COLUMNS.map((c) => ({ header: c.zh, key: c.field, width: c.field === 'indicator' ? 36 : 14 })),
      rows: first
        ? [
            { region: example, indicator: first.code, period: '2024', kind: '实际', value: '', unit: first.unit },
            { region: example, indicator: first.nameZh, period: '2025', kind: '目标', value: '', unit: first.unit },
          ]
        : [],
    },
    {
      name: '指标目录',
      columns: [
        { header: '指标代码', key: 'code', width: 28 },
        { header: '指标名称', key: 'nameZh', width: 44 },
        { header: '单位', key: 'unit', width: 8 },
        { header: '方向', key: 'dir', width: 10 },
      ],
      rows: indicators.map((i) => ({ ...i, dir: i.direction === 'higher' ? '越高越好' : '越低越好' })),
    },
    { name: '地区代码', columns: [{ header: '地区代码', key: 'code', width: 14 }, { header: '地区', key: 'name', width: 20 }], rows: regions },
    {
      name: '填写说明',
      columns: [{ header: '说明', key: 'text', width: 100 }],
      rows: [
        '每行一个数值：地区代码（GB/T 2260）、指标（代码或中文全称）、期间（2023 / 2023Q2 / 2023-05）、类型（基数 / 目标 / 实际）、数值、单位（可选）。',
        '数值可写作 2.43、2.43%、1,029；金额可带单位 万元 / 亿元，会换算成指标的单位。',
        '整个文件在一个事务中导入：有任何一行出错，则不导入任何数据，并逐行列出错误。重复导入同一文件不会改变数据。',
        '请勿使用公式和合并单元格。',
      ].map((text) => ({ text })),
    },
  ]);
}
