/**
 * Five-year trends of one enterprise: revenue and R&D expense as bars (万元), R&D intensity and the
 * high-tech revenue share as lines (%), sci-tech staff and employees as lines on a third axis (people).
 */
import { useMemo } from 'react';
import { Card, Empty } from 'antd';
import { Chart, type ChartOption } from '@kechuang/platform-web/chart';
import { formatNumber, useT, type TFunction } from '@kechuang/platform-web';
import { ratio } from '../format.ts';
import type { EnterpriseYear } from '../types.ts';

const COLOURS = { revenue: '#91caff', rdExpense: '#1664d9', rdIntensity: '#fa541c', highTechShare: '#52c41a', sciTechStaff: '#722ed1', employees: '#bfbfbf' };
const round = (n: number | null, digits: number) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);

export function trendsOption(years: EnterpriseYear[], t: TFunction): ChartOption {
  const shown = [...years].sort((a, b) => a.year - b.year).slice(-5);
  const toWan = (v: number | null) => (v === null ? null : round(v / 10_000, 2));
  const percent = (part: number | null, whole: number | null) => round((ratio(part, whole) ?? NaN) * 100, 2);
  const fix = (v: number | null) => (v === null || Number.isNaN(v) ? null : v);
  const names = {
    revenue: t('ent.field.revenue'),
    rdExpense: t('ent.field.rdExpense'),
    rdIntensity: t('ent.trend.rdIntensity'),
    highTechShare: t('ent.trend.highTechShare'),
    sciTechStaff: t('ent.field.sciTechStaff'),
    employees: t('ent.field.employees'),
  };
  const units = [t('ent.unit.wan'), '%', t('ent.unit.people')];
  return {
    grid: { left: 16, right: 96, top: 64, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll' },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = params as { seriesName: string; axisValue: string; value: number | null; marker: string; seriesIndex: number }[];
        if (!list.length) return '';
        const unitOf = (i: number) => (i < 2 ? ` ${units[0]}` : i < 4 ? '%' : ` ${units[2]}`);
        return [
          `<b>${list[0].axisValue}</b>`,
          ...list.map(
            (p) =>
              `${p.marker}${p.seriesName}：${p.value === null ? '—' : formatNumber(p.value, p.seriesIndex >= 4 ? 0 : 2)}${p.value === null ? '' : unitOf(p.seriesIndex)}`,
          ),
        ].join('<br/>');
      },
    },
    xAxis: { type: 'category', data: shown.map((y) => String(y.year)) },
    yAxis: [
      {
        type: 'value',
        name: units[0],
        axisLabel: { formatter: (v: number) => formatNumber(v, 0) },
        splitLine: { lineStyle: { type: 'dashed', color: '#f0f0f0' } },
      },
      { type: 'value', name: '%', position: 'right', axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
      { type: 'value', name: units[2], position: 'right', offset: 56, splitLine: { show: false }, minInterval: 1 },
    ],
    series: [
      { name: names.revenue, type: 'bar', yAxisIndex: 0, barMaxWidth: 28, itemStyle: { color: COLOURS.revenue }, data: shown.map((y) => toWan(y.revenue)) },
      {
        name: names.rdExpense,
        type: 'bar',
        yAxisIndex: 0,
        barMaxWidth: 28,
        itemStyle: { color: COLOURS.rdExpense },
        data: shown.map((y) => toWan(y.rdExpense)),
      },
      {
        name: names.rdIntensity,
        type: 'line',
        yAxisIndex: 1,
        symbolSize: 8,
        connectNulls: true,
        itemStyle: { color: COLOURS.rdIntensity },
        lineStyle: { width: 3 },
        data: shown.map((y) => fix(percent(y.rdExpense, y.revenue))),
      },
      {
        name: names.highTechShare,
        type: 'line',
        yAxisIndex: 1,
        symbolSize: 8,
        connectNulls: true,
        itemStyle: { color: COLOURS.highTechShare },
        lineStyle: { width: 3 },
        data: shown.map((y) => fix(percent(y.highTechRevenue, y.revenue))),
      },
      {
        name: names.sciTechStaff,
        type: 'line',
        yAxisIndex: 2,
        symbol: 'rect',
        symbolSize: 7,
        connectNulls: true,
        itemStyle: { color: COLOURS.sciTechStaff },
        lineStyle: { type: 'dashed' },
        data: shown.map((y) => y.sciTechStaff),
      },
      {
        name: names.employees,
        type: 'line',
        yAxisIndex: 2,
        symbol: 'rect',
        symbolSize: 7,
        connectNulls: true,
        itemStyle: { color: COLOURS.employees },
        lineStyle: { type: 'dashed' },
        data: shown.map((y) => y.employees),
      },
    ],
  };
}

export function TrendsChart({ years }: { years: EnterpriseYear[] }) {
  const t = useT();
  const option = useMemo(() => trendsOption(years, t), [years, t]);
  return (
    <Card title={t('ent.trend.title')} size="small" style={{ height: '100%' }}>
      {years.length ? (
        <Chart option={option} height={340} data-testid="profile-trends" />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ent.years.none')} style={{ margin: '24px 0' }} />
      )}
    </Card>
  );
}
