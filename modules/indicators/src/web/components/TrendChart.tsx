/**
 * One indicator's trend: actuals as a line whose points take their light's colour, the plan path
 * (expected values) dashed, the baseline and the target pinned, the target as a line across. The tooltip
 * says where a year's actual comes from, and where the registry's count differs from the baseline stated
 * for that year, gives both and the count's 口径.
 */
import { useMemo } from 'react';
import { Empty } from 'antd';
import { Chart, type ChartOption } from '@kechuang/platform-web/chart';
import { formatValue, useT, type TFunction } from '@kechuang/platform-web';
import type { Trend } from '../types.ts';
import { LIGHT_COLOURS } from './LightTag.tsx';
import { useComparisonText } from './ComputedComparison.tsx';

const ACTUAL_COLOUR = '#1664d9';
const PATH_COLOUR = '#8c8c8c';

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

type CompareText = ReturnType<typeof useComparisonText>;

export function trendOption(trend: Trend, t: TFunction, isCompact = false, compare: CompareText = () => ''): ChartOption {
  const { precision, unit } = trend.indicator;
  const periods = trend.points.map((p) => p.period);
  const fmt = (v: number | null | undefined) => formatValue(v ?? null, precision, unit);
  // baseline and target as diamonds on the plan path, labelled with their value
  const pin = (label: string, at: { period: string; value: number } | null, colour: string, position: 'top' | 'left') =>
    at && periods.includes(at.period)
      ? [
          {
            name: label,
            coord: [at.period, at.value] as [string, number],
            value: at.value,
            symbol: 'diamond',
            symbolSize: isCompact ? 10 : 16,
            itemStyle: { color: colour, borderColor: '#fff', borderWidth: 1 },
            label: {
              show: !isCompact,
              position,
              formatter: `${label} ${fmt(at.value)}`,
              color: colour,
              fontSize: 12,
              backgroundColor: '#fff',
              borderColor: colour,
              borderWidth: 1,
              borderRadius: 4,
              padding: [3, 6],
            },
          },
        ]
      : [];
  return {
    grid: isCompact ? { left: 8, right: 16, top: 16, bottom: 4, containLabel: true } : { left: 16, right: 48, top: 56, bottom: 16, containLabel: true },
    legend: isCompact ? { show: false } : { top: 0, data: [t('ind.trend.actual'), t('ind.trend.expected')] },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = params as { seriesName: string; axisValue: string; dataIndex: number; value: number | null; seriesIndex: number }[];
        if (!list.length) return '';
        const point = trend.points[list[0].dataIndex];
        const lines = [`<b>${list[0].axisValue}</b>`];
        lines.push(
          `${t('ind.trend.actual')}：${fmt(point.actual)}${point.actual !== null && point.light !== 'grey' ? ` · ${t(`ind.light.${point.light}`)}` : ''}${point.rolledUp ? `（${t('ind.trend.rolledUp')}）` : ''}`,
        );
        if (point.actualSource && !point.rolledUp) lines.push(escapeHtml(t('ind.trend.source', { source: t(`ind.source.${point.actualSource}`) })));
        if (point.actualSynthetic && point.actualSource !== 'synthetic')
          lines.push(escapeHtml(t('ind.source.fromSynthetic', { source: t(`ind.source.${point.actualSource}`) })));
        if (point.expected !== null) lines.push(`${t('ind.trend.expected')}：${fmt(point.expected)}`);
        if (point.official && point.actual !== null) {
          const c = { period: point.period, official: point.official.value, officialSource: point.official.source, computed: point.actual };
          // wrapped, so that a long 口径 stays inside the chart
          lines.push(
            `<div style="max-width:320px;white-space:normal;color:#d48806" data-testid="trend-comparison">${escapeHtml(compare(trend.indicator, c))}</div>`,
          );
        }
        return lines.join('<br/>');
      },
    },
    xAxis: { type: 'category', data: periods, boundaryGap: false, axisLabel: { fontSize: isCompact ? 10 : 12 } },
    yAxis: {
      type: 'value',
      scale: true,
      name: isCompact ? undefined : unit,
      axisLabel: { fontSize: isCompact ? 10 : 12, formatter: (v: number) => formatValue(v, Math.min(precision, 2)) },
      splitLine: { lineStyle: { type: 'dashed', color: '#f0f0f0' } },
    },
    series: [
      {
        name: t('ind.trend.actual'),
        type: 'line',
        connectNulls: true,
        lineStyle: { color: ACTUAL_COLOUR, width: isCompact ? 2 : 3 },
        itemStyle: { color: ACTUAL_COLOUR },
        symbol: 'circle',
        symbolSize: isCompact ? 7 : 11,
        data: trend.points.map((p) => ({
          value: p.actual,
          itemStyle: { color: p.actual === null ? ACTUAL_COLOUR : LIGHT_COLOURS[p.light], borderColor: '#fff', borderWidth: 2 },
        })),
        z: 3,
      },
      {
        name: t('ind.trend.expected'),
        type: 'line',
        connectNulls: true,
        symbol: 'circle',
        symbolSize: isCompact ? 0 : 5,
        lineStyle: { color: PATH_COLOUR, type: 'dashed', width: 2 },
        itemStyle: { color: PATH_COLOUR },
        data: trend.points.map((p) => p.expected),
        markPoint: {
          data: [
            ...pin(t('ind.trend.baseline', { period: trend.baseline?.period ?? '' }), trend.baseline, '#1664d9', 'top'),
            ...pin(t('ind.trend.target', { period: trend.target?.period ?? '' }), trend.target, '#389e0d', 'left'),
          ],
        },
        markLine: trend.target
          ? {
              silent: true,
              symbol: 'none',
              lineStyle: { color: '#52c41a', type: 'dotted' },
              label: { show: false },
              data: [{ yAxis: trend.target.value }],
            }
          : undefined,
      },
    ],
  };
}

export function TrendChart({
  trend,
  height = 360,
  isCompact = false,
  testId,
}: {
  trend: Trend | undefined;
  height?: number;
  isCompact?: boolean;
  testId?: string;
}) {
  const t = useT();
  const compare = useComparisonText();
  const option = useMemo(() => (trend ? trendOption(trend, t, isCompact, compare) : null), [trend, t, isCompact, compare]);
  const hasData = !!trend && trend.points.some((p) => p.actual !== null || p.expected !== null);
  if (!option || !hasData)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ind.trend.empty')} style={{ height, margin: 0, paddingTop: height / 4 }} />;
  return <Chart option={option} height={height} data-testid={testId} />;
}
