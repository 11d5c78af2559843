/**
 * Each finalist's rank band (ECharts): a bar from the 5% to the 95% rank, the median rank as a
 * diamond and the rank in this run as a ring; dashed lines at the tiers' last places. Green bars are
 * stable finalists (95% rank within their tier), orange the others.
 */
import { useMemo } from 'react';
import { Chart, type ChartOption } from '@kechuang/platform-web/chart';
import { useLang, useT, type Lang, type TFunction } from '@kechuang/platform-web';
import { rankBand, stableLabel } from '../../domain/words.ts';
import type { SensitivityItem } from '../types.ts';

const STABLE = '#52c41a';
const UNSTABLE = '#fa8c16';

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function sensitivityOption(items: SensitivityItem[], cutoffs: number[], t: TFunction, lang: Lang): ChartOption {
  const names = items.map((i) => (i.label.length > 16 ? `${i.label.slice(0, 15)}…` : i.label));
  const maxRank = Math.max(...items.map((i) => i.rankP95 ?? i.rank), ...cutoffs) + 1;
  const lo = items.map((i) => (i.rankP05 ?? i.rank) - 0.3);
  return {
    grid: { left: 8, right: 48, top: 56, bottom: 24, containLabel: true },
    legend: { top: 0, data: [t('ev.mc.interval'), t('ev.mc.median'), t('ev.mc.nominal')] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const k = (params as { dataIndex: number }[])[0]?.dataIndex ?? 0;
        const i = items[k];
        const band = rankBand(i.rankP05, i.rankP95, lang);
        return `<b>${escape(i.label)}</b><br/>${t('ev.mc.nominal')}：${i.rank}<br/>${t('ev.mc.median')}：${i.medianRank === null ? '—' : Math.round(i.medianRank)}<br/>${t('ev.mc.interval')}：${band}<br/>${stableLabel(i.isStable, lang)}`;
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: Math.ceil(maxRank),
      name: t('ev.res.rank'),
      minInterval: 1,
      splitLine: { lineStyle: { type: 'dashed', color: '#f0f0f0' } },
    },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { interval: 0 } },
    series: [
      { type: 'bar', stack: 'interval', silent: true, itemStyle: { color: 'transparent' }, data: lo, barWidth: 10 },
      {
        name: t('ev.mc.interval'),
        type: 'bar',
        stack: 'interval',
        barWidth: 10,
        itemStyle: { borderRadius: 5, color: STABLE },
        data: items.map((i, k) => ({ value: (i.rankP95 ?? i.rank) + 0.3 - lo[k], itemStyle: { color: i.isStable ? STABLE : UNSTABLE } })),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#8c8c8c' },
          label: { formatter: (p: unknown) => t('ev.mc.cutoff', { n: Math.round((p as { value: number }).value - 0.5) }), position: 'start', color: '#8c8c8c' },
          // alternate the labels top and bottom, so that two boundaries close together do not print over each other
          data: cutoffs.map((c, k) => ({ xAxis: c + 0.5, label: { position: k % 2 ? 'end' : 'start' } })),
        },
      },
      {
        name: t('ev.mc.median'),
        type: 'line',
        data: items.map((i) => i.medianRank),
        symbol: 'diamond',
        symbolSize: 12,
        lineStyle: { opacity: 0 },
        itemStyle: { color: '#1664d9' },
        z: 5,
      },
      {
        name: t('ev.mc.nominal'),
        type: 'line',
        data: items.map((i) => i.rank),
        symbol: 'emptyCircle',
        symbolSize: 8,
        lineStyle: { opacity: 0 },
        itemStyle: { color: '#262626' },
        z: 6,
      },
    ],
  };
}

export function SensitivityChart({ items, cutoffs }: { items: SensitivityItem[]; cutoffs: number[] }) {
  const t = useT();
  const lang = useLang();
  const option = useMemo(() => sensitivityOption(items, cutoffs, t, lang), [items, cutoffs, t, lang]);
  return <Chart option={option} height={Math.max(260, 60 + items.length * 26)} data-testid="sensitivity-chart" />;
}
