/** An enterprise's tier on the ladder (梯队) as a coloured tag. */
import { Tag } from 'antd';
import { useT } from '@kechuang/platform-web';
import type { Tier } from '../types.ts';

export const TIER_COLOURS: Record<Tier, string> = { none: 'default', techSme: 'cyan', hnte: 'blue', techLittleGiant: 'purple', techLeader: 'gold' };
/** the ladder's rungs, bottom to top, for charts */
export const TIER_CHART_COLOURS: Record<Exclude<Tier, 'none'>, string> = {
  techSme: '#13c2c2',
  hnte: '#1664d9',
  techLittleGiant: '#722ed1',
  techLeader: '#d48806',
};

export function TierTag({ tier }: { tier: Tier }) {
  const t = useT();
  return (
    <Tag color={TIER_COLOURS[tier]} style={{ marginInlineEnd: 0 }} data-testid="tier-tag" data-tier={tier}>
      {t(`ent.tier.${tier}`)}
    </Tag>
  );
}
