/** How many indicators are green, yellow, red or without data: a donut with labelled counts. */
import { useMemo } from 'react';
import { Flex } from 'antd';
import { Chart } from '@kechuang/platform-web/chart';
import { useT } from '@kechuang/platform-web';
import type { LightCounts } from '../types.ts';
import { LIGHT_COLOURS, LIGHTS, LightDot } from './LightTag.tsx';

export function LightSummary({ lights, height = 260 }: { lights: LightCounts; height?: number }) {
  const t = useT();
  const total = LIGHTS.reduce((s, l) => s + lights[l], 0);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item' as const, formatter: '{b}：{c} ({d}%)' },
      title: {
        text: String(total),
        subtext: t('ind.cockpit.indicatorsUnit'),
        left: 'center',
        top: '38%',
        textStyle: { fontSize: 28, fontWeight: 600 },
        subtextStyle: { fontSize: 12 },
      },
      series: [
        {
          type: 'pie' as const,
          radius: ['58%', '82%'],
          avoidLabelOverlap: true,
          label: { show: false },
          itemStyle: { borderColor: '#fff', borderWidth: 2 },
          data: LIGHTS.filter((l) => lights[l] > 0).map((l) => ({ name: t(`ind.light.${l}`), value: lights[l], itemStyle: { color: LIGHT_COLOURS[l] } })),
        },
      ],
    }),
    [lights, total, t],
  );
  return (
    <Flex align="center" gap={16} data-testid="light-summary">
      <div style={{ flex: '0 0 55%' }}>
        <Chart option={option} height={height} />
      </div>
      <div style={{ flex: 1 }}>
        {LIGHTS.map((l) => (
          <Flex key={l} align="center" justify="space-between" style={{ padding: '6px 0', borderBottom: '1px solid #f5f5f5' }}>
            <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
              <LightDot light={l} size={12} />
              {t(`ind.light.${l}`)}
            </span>
            <b style={{ fontSize: 18, color: l === 'grey' ? '#8c8c8c' : LIGHT_COLOURS[l] }}>{lights[l]}</b>
          </Flex>
        ))}
      </div>
    </Flex>
  );
}
