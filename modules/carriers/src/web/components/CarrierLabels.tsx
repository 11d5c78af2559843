/** Small pieces of the performance review's pages: the year picker, a figure's source tag, a carrier's level, a reporting-progress tag. */
import { Select, Tag } from 'antd';
import { useT } from '@kechuang/platform-web';
import { lastYear } from '../api.ts';
import type { CarrierLevel, FigureSource } from '../types.ts';

/** the years a review can look at: this year back to eight years ago, newest first */
const reviewYears = () => Array.from({ length: 9 }, (_, k) => lastYear() + 1 - k);

export function ReviewYearSelect({ value, onChange, testId }: { value: number; onChange: (year: number) => void; testId?: string }) {
  const t = useT();
  return (
    <Select<number>
      value={value}
      onChange={onChange}
      style={{ width: 110 }}
      options={reviewYears().map((y) => ({ value: y, label: t('carrier.yearOption', { year: y }) }))}
      data-testid={testId}
    />
  );
}

const SOURCE_COLOURS: Record<FigureSource, string> = { manual: 'geekblue', import: 'cyan', selfReport: 'green', synthetic: 'orange' };

/** 局录入 / 导入 / 载体填报 */
export function FigureSourceTag({ source }: { source: FigureSource }) {
  const t = useT();
  return (
    <Tag color={SOURCE_COLOURS[source]} style={{ marginInlineEnd: 4 }} data-testid="figure-source">
      {t(`carrier.source.${source}`)}
    </Tag>
  );
}

export function levelLabel(t: (k: string) => string, level: CarrierLevel | null): string {
  return t(`carrier.level.${level ?? 'none'}`);
}

/** x/y of the year's figures: green when complete, orange when partial, grey when none */
export function ProgressTag({ reported, required }: { reported: number; required: number }) {
  const t = useT();
  const state = reported >= required && required > 0 ? 'complete' : reported > 0 ? 'partial' : 'none';
  const colour = { complete: 'success', partial: 'warning', none: 'default' }[state];
  return (
    <Tag color={colour} title={t(`carrier.progress.${state}`)} data-testid="carrier-progress" data-state={state}>
      {reported}/{required} · {t(`carrier.progress.${state}`)}
    </Tag>
  );
}
