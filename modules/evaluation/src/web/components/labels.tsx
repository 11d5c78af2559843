/** Small shared pieces: a run's status tag, a tier tag, a rank interval, the preset's name. */
import { Tag, Tooltip } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { formatNumber, useT } from '@kechuang/platform-web';
import type { PresetCode, RunStatus } from '../types.ts';

const TIER_COLOURS = ['gold', 'blue', 'green', 'purple', 'cyan'];

const STATUS_COLOURS: Record<RunStatus, string> = { computed: 'blue', published: 'green', withdrawn: 'default' };

export function StatusTag({ status }: { status: RunStatus }) {
  const t = useT();
  return <Tag color={STATUS_COLOURS[status]} data-testid="run-status">{t(`ev.status.${status}`)}</Tag>;
}

/** a tier's tag, coloured by its position among the run's tiers (the first gold) */
export function TierTag({ tier, tiers, tied }: { tier: string | null; tiers: string[]; tied?: boolean }) {
  const t = useT();
  if (!tier) return null;
  const k = tiers.indexOf(tier);
  return (
    <Tag color={TIER_COLOURS[k < 0 ? 0 : k % TIER_COLOURS.length]} data-testid="tier-tag">
      {tier}
      {tied && (
        <Tooltip title={t('ev.res.tiedAtCutoff')}>
          <WarningOutlined style={{ marginLeft: 4 }} />
        </Tooltip>
      )}
    </Tag>
  );
}

const rank = (x: number | null) => (x === null ? '—' : String(Math.round(x * 10) / 10));

/** "3 [1–6]": the median rank and the 5–95% interval */
export function RankInterval({ median, p05, p95 }: { median: number | null; p05: number | null; p95: number | null }) {
  if (median === null) return <>—</>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {rank(median)} <span style={{ color: '#8c8c8c' }}>[{rank(p05)}–{rank(p95)}]</span>
    </span>
  );
}

export function presetLabel(t: (k: string) => string, preset: PresetCode | null): string {
  return t(`ev.preset.${preset ?? 'upload'}`);
}

export const score = (x: number | null | undefined, digits = 2) => formatNumber(x ?? null, digits);
