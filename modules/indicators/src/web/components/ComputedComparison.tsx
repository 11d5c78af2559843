/**
 * A figure the platform computed (from the enterprise registry, the contracts register …) beside the baseline a plan (or an import) states for
 * the same year, when the two differ: both figures, and why — the computed figure's 口径 from the catalogue.
 * e.g. 官方口径 62%（2020 年规划基数）；平台计算 61.1%（口径：填报了当年数据的规上企业中……）
 */
import { useCallback } from 'react';
import { Alert, Tooltip, Typography } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import { useLang, useT } from '@kechuang/platform-web';
import type { ComputedComparison, ValueSource } from '../types.ts';
import { figure, indicatorName } from '../format.ts';

interface Figures {
  unit: string;
  precision: number;
  computedBasis: string;
}

/** the sentence that gives both figures and the computed one's 口径 */
export function useComparisonText(): (item: Figures, c: { period: string; official: number; officialSource: ValueSource; computed: number }) => string {
  const t = useT();
  return useCallback(
    (item, c) => {
      const official = t(`ind.compare.official.${c.officialSource}`, { value: figure(c.official, item), period: c.period });
      const computed = t('ind.compare.computed', { value: figure(c.computed, item) });
      return item.computedBasis
        ? t('ind.compare.sentence', { official, computed, basis: item.computedBasis })
        : t('ind.compare.sentenceNoBasis', { official, computed });
    },
    [t],
  );
}

/**
 * Under a figure, the other one: under the stated baseline 企业库计算 61.1%, under the computed actual 官方口径 62.0%;
 * on a card (`beside` 'both') both, 2020 年基数 62.0%，企业库计算 61.1%. The whole sentence, with the 口径, on hover.
 */
export function ComparisonLine({
  item,
  comparison: c,
  beside,
}: {
  item: Figures & { code: string };
  comparison: ComputedComparison;
  beside: 'baseline' | 'actual' | 'both';
}) {
  const t = useT();
  const text = useComparisonText();
  const [official, computed] = [figure(c.official, item), figure(c.computed, item)];
  const label =
    beside === 'baseline'
      ? t('ind.compare.short', { value: computed })
      : beside === 'actual'
        ? c.officialSource === 'synthetic'
          ? `${t('ind.field.baseline')} ${official}`
          : t('ind.compare.shortOfficial', { value: official })
        : t('ind.compare.card', { period: c.period, official, computed });
  return (
    <Tooltip title={text(item, c)}>
      <Typography.Text
        type="warning"
        style={{ fontSize: 12, cursor: 'help', whiteSpace: beside === 'baseline' ? 'nowrap' : 'normal' }}
        data-testid={`comparison-${item.code}`}
      >
        {label} <InfoCircleOutlined />
      </Typography.Text>
    </Tooltip>
  );
}

/** above a table: every indicator of the view whose computed figure differs from the stated one, in full */
export function ComparisonNotes({ items }: { items: (Figures & { code: string; name: string; nameEn: string; comparisons: ComputedComparison[] })[] }) {
  const t = useT();
  const lang = useLang();
  const text = useComparisonText();
  const notes = items.flatMap((i) => i.comparisons.map((c) => ({ key: `${i.code}|${c.period}`, name: indicatorName(i, lang), text: text(i, c) })));
  if (notes.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="comparison-notes"
      title={t('ind.compare.title')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {notes.map((n) => (
            <li key={n.key}>
              <b>{n.name}</b>：{n.text}
            </li>
          ))}
        </ul>
      }
    />
  );
}
