/** Tier counts per town for one year as stacked bars (one colour per rung of the ladder). */
import { useMemo } from 'react';
import { Empty } from 'antd';
import { Chart, type ChartOption } from '@kechuang/platform-web/chart';
import { useT, type TFunction } from '@kechuang/platform-web';
import type { UnitCounts } from '../types.ts';
import { TIER_CHART_COLOURS } from './TierTag.tsx';

const RUNGS = ['techSme', 'hnte', 'techLittleGiant', 'techLeader'] as const;

export function tierChartOption(rows: UnitCounts[], t: TFunction): ChartOption {
  return {
    grid: { left: 16, right: 16, top: 48, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: rows.map((r) => r.regionName), axisLabel: { interval: 0, rotate: rows.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value', name: t('ent.unit.enterprises'), minInterval: 1, splitLine: { lineStyle: { type: 'dashed', color: '#f0f0f0' } } },
    series: RUNGS.map((k) => ({
      name: t(k === 'techSme' ? 'ent.tiers.techSmeNew' : `ent.tier.${k}`),
      type: 'bar' as const,
      stack: 'tiers',
      barMaxWidth: 48,
      itemStyle: { color: TIER_CHART_COLOURS[k] },
      emphasis: { focus: 'series' as const },
      data: rows.map((r) => r[k]),
    })),
  };
}

export function TierChart({ rows }: { rows: UnitCounts[] }) {
  const t = useT();
  const option = useMemo(() => tierChartOption(rows, t), [rows, t]);
  if (!rows.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} style={{ height: 320, paddingTop: 100, margin: 0 }} />;
  return <Chart option={option} height={360} data-testid="tier-chart" />;
}
