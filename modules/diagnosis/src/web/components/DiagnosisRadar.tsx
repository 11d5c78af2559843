/**
 * 科技体检 radar: each indicator's percentile among the peers (0–100) beside the peers' median, which is the
 * 50th percentile on every axis. Radar is not among platform/web's Chart types, so it is registered here.
 */
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { RadarChart } from 'echarts/charts';
import { LegendComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([RadarChart, RadarComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** long axis names on two lines (at the space nearest the middle, else halved), so side labels are not cut off */
function wrap(name: string): string {
  if (name.length <= 8) return name;
  const mid = name.length / 2;
  const spaces = [...name].flatMap((c, i) => (c === ' ' ? [i] : []));
  if (spaces.length > 0) {
    const at = spaces.reduce((a, b) => (Math.abs(b - mid) < Math.abs(a - mid) ? b : a));
    return `${name.slice(0, at)}\n${name.slice(at + 1)}`;
  }
  return `${name.slice(0, Math.ceil(mid))}\n${name.slice(Math.ceil(mid))}`;
}

const FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif';

export interface RadarAxis {
  name: string;
  /** null: not compared (missing figure, too few peers) */
  percentile: number | null;
}

export function DiagnosisRadar({ axes, ownName, medianName, height = 340 }: { axes: RadarAxis[]; ownName: string; medianName: string; height?: number }) {
  const option = {
    textStyle: { fontFamily: FONT },
    animation: false,
    legend: { bottom: 0, data: [ownName, medianName] },
    tooltip: { trigger: 'item' as const },
    radar: {
      indicator: axes.map((a) => ({ name: wrap(a.percentile === null ? `${a.name}（—）` : a.name), min: 0, max: 100 })),
      radius: '62%',
      splitNumber: 4,
      axisName: { color: '#333', fontSize: 12 },
    },
    series: [
      {
        type: 'radar' as const,
        data: [
          {
            name: medianName,
            value: axes.map(() => 50),
            lineStyle: { type: 'dashed' as const, color: '#8c8c8c' },
            itemStyle: { color: '#8c8c8c' },
            symbol: 'none',
          },
          {
            name: ownName,
            value: axes.map((a) => (a.percentile === null ? 0 : Math.round(a.percentile))),
            areaStyle: { opacity: 0.2 },
            itemStyle: { color: '#1664d9' },
            lineStyle: { color: '#1664d9' },
          },
        ],
      },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge lazyUpdate style={{ height, width: '100%' }} />;
}
