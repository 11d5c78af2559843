/** Pieces of a league row: the rank badge, the light counts, a completion bar. */
import { Flex, Progress, Tooltip } from 'antd';
import { formatPercent, useT } from '@kechuang/platform-web';
import type { LightCounts } from '../types.ts';
import { LIGHT_COLOURS, LIGHTS, LightDot } from './LightTag.tsx';

const MEDALS = ['#f5a623', '#a0a9b8', '#c7834f'];

export function RankBadge({ rank }: { rank: number | null | undefined }) {
  if (rank === null || rank === undefined) return <span style={{ color: '#bfbfbf' }}>—</span>;
  const medal = MEDALS[rank - 1];
  return (
    <span
      style={{
        display: 'inline-grid',
        placeItems: 'center',
        width: 26,
        height: 26,
        borderRadius: 13,
        fontWeight: 600,
        fontSize: 13,
        background: medal ?? '#f0f0f0',
        color: medal ? '#fff' : '#595959',
      }}
    >
      {rank}
    </span>
  );
}

/** ● 绿 15 ● 黄 1 ● 红 1 — each count with its colour and its word */
export function LightCountsInline({ counts }: { counts: LightCounts }) {
  const t = useT();
  return (
    <Flex gap={8} wrap={false}>
      {LIGHTS.map((l) => (
        <Tooltip key={l} title={`${t(`ind.light.${l}`)} ${counts[l]}`}>
          <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap', color: counts[l] ? '#262626' : '#bfbfbf' }}>
            <LightDot light={l} size={9} />
            {t(`ind.light.${l}`).slice(0, 1)}
            <b>{counts[l]}</b>
          </span>
        </Tooltip>
      ))}
    </Flex>
  );
}

export function CompletionBar({ value, colour = '#1664d9' }: { value: number | null; colour?: string }) {
  return (
    <Flex align="center" gap={8} style={{ minWidth: 120 }}>
      <Progress
        percent={value === null ? 0 : Math.max(0, Math.min(100, value * 100))}
        showInfo={false}
        size="small"
        strokeColor={colour}
        style={{ margin: 0, flex: 1 }}
      />
      <span style={{ minWidth: 44, textAlign: 'right' }}>{formatPercent(value)}</span>
    </Flex>
  );
}

export function GreenShare({ value }: { value: number | null }) {
  return <CompletionBar value={value} colour={LIGHT_COLOURS.green} />;
}
