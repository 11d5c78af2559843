/** A method picker with its one-line explanation under it (normalisation, weighting, aggregation, imputation). */
import { Select, Typography } from 'antd';
import { useT } from '@kechuang/platform-web';
import { useMethodLabel } from './Labels.tsx';

const KINDS = { norm: 'normalisation', weight: 'weighting', agg: 'aggregation', imp: 'imputation' } as const;

export const NORMALISATIONS = ['minmax', 'zscore', 'rank', 'percentile', 'distance', 'goalposts'] as const;
export const WEIGHTINGS = ['given', 'equal', 'ahp', 'entropy', 'critic'] as const;
export const AGGREGATIONS = ['arithmetic', 'geometric', 'topsis'] as const;
export const IMPUTATIONS = ['exclude', 'mean', 'median'] as const;

export function MethodSelect<T extends string>(props: {
  kind: 'norm' | 'weight' | 'agg' | 'imp';
  methods: readonly T[];
  value: T | undefined;
  onChange: (v: T | undefined) => void;
  /** a choice meaning "as the scheme" (undefined) */
  inheritLabel?: string;
  width?: number;
  testId?: string;
}) {
  const t = useT();
  const label = useMethodLabel();
  const options = [
    ...(props.inheritLabel ? [{ value: '', label: props.inheritLabel }] : []),
    ...props.methods.map((m) => ({ value: m, label: label(KINDS[props.kind], m) })),
  ];
  return (
    <div style={{ display: 'inline-flex', flexDirection: 'column', maxWidth: 340 }}>
      <Select
        size="small"
        style={{ width: props.width ?? 130 }}
        value={props.value ?? ''}
        onChange={(v: string) => props.onChange(v === '' ? undefined : (v as T))}
        options={options}
        data-testid={props.testId}
      />
      {props.value && (
        <Typography.Text type="secondary" style={{ fontSize: 12, lineHeight: 1.4, marginTop: 2 }}>
          {t(`ev.m.${props.kind}.${props.value}`)}
        </Typography.Text>
      )}
    </div>
  );
}
