/**
 * Small shared pieces: a run's status tag, a tier tag, a rank band in words, a finalist's stability with what
 * moves it, a person's name (the username on hover), a method's name, the preset's name.
 */
import { Tag, Tooltip, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { formatNumber, useLang, useT } from '@kechuang/platform-web';
import { imputationLabel, methodLabel, rankBand, stabilityWords, stableLabel, type MethodKind, type RankExplanation } from '../../domain/words.ts';
import type { PresetCode, RunStatus } from '../types.ts';

const TIER_COLOURS = ['gold', 'blue', 'green', 'purple', 'cyan'];

const STATUS_COLOURS: Record<RunStatus, string> = { computed: 'blue', published: 'green', withdrawn: 'default' };

export function StatusTag({ status }: { status: RunStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="run-status">
      {t(`ev.status.${status}`)}
    </Tag>
  );
}

/** a tier's tag, coloured by its position among the run's tiers (the first gold) */
export function TierTag({ tier, tiers, tied }: { tier: string | null; tiers: string[]; tied?: boolean }) {
  const t = useT();
  if (!tier) return null;
  const k = tiers.indexOf(tier);
  return (
    <Tag color={TIER_COLOURS[k < 0 ? 0 : k % TIER_COLOURS.length]} data-testid="tier-tag" style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
      {tier}
      {tied && (
        <Tooltip title={t('ev.res.tiedAtCutoff')}>
          <WarningOutlined style={{ marginLeft: 4 }} />
        </Tooltip>
      )}
    </Tag>
  );
}

/** "第 3–7 名之间": the 5–95% ranks over the samples in whole ranks; the median and the exact quantiles on hover */
export function RankBand({ median, p05, p95 }: { median: number | null; p05: number | null; p95: number | null }) {
  const t = useT();
  const lang = useLang();
  if (median === null) return <>—</>;
  const exact = t('ev.mc.exact', { median: formatNumber(median, 1), p05: formatNumber(p05, 1), p95: formatNumber(p95, 1) });
  return (
    <Tooltip title={exact}>
      <span data-testid="rank-band">{rankBand(p05, p95, lang)}</span>
    </Tooltip>
  );
}

/** 稳定 / 不稳定 with how often it stays within its tier's places and what moves it, in the user's language */
export function Stability(props: {
  isStable: boolean | null;
  explanation?: RankExplanation | null;
  perturbation: number;
  columnNames: Record<string, string>;
  compact?: boolean;
}) {
  const lang = useLang();
  if (props.isStable === null) return null;
  const tag = (
    <Tag color={props.isStable ? 'green' : 'orange'} style={{ marginInlineEnd: 6 }}>
      {stableLabel(props.isStable, lang)}
    </Tag>
  );
  if (!props.explanation) return <span data-testid="stability">{tag}</span>;
  const w = stabilityWords(props.explanation, props.isStable, props.perturbation, lang, (c) => props.columnNames[c] ?? c);
  return (
    <div data-testid="stability" style={{ lineHeight: 1.5 }}>
      {tag}
      <span>{w.within}</span>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid="stability-driver">
        {w.driver}
      </Typography.Text>
    </div>
  );
}

/** a person's display name, the username on hover */
export function PersonName({ name, username }: { name: string | null | undefined; username: string | null | undefined }) {
  if (!name && !username) return null;
  return (
    <Tooltip title={username && username !== name ? username : undefined}>
      <span>{name ?? username}</span>
    </Tooltip>
  );
}

/** a method's name in the user's language: 极差标准化 / Min-max; an imputation as stored ("median(industry)") with its grouping column's name */
export function useMethodLabel() {
  const lang = useLang();
  return (kind: MethodKind, code: string, columnName?: (code: string) => string) =>
    kind === 'imputation' ? imputationLabel(code, lang, columnName) : methodLabel(kind, code, lang);
}

export function presetLabel(t: (k: string) => string, preset: PresetCode | null): string {
  return t(`ev.preset.${preset ?? 'upload'}`);
}

export const score = (x: number | null | undefined, digits = 2) => formatNumber(x ?? null, digits);
