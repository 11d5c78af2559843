/** Where a figure comes from; synthetic demo data is always visibly marked as such. */
import { Tag } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import { useT } from '@kechuang/platform-web';
import type { ValueSource } from '../types.ts';

const COLOURS: Record<ValueSource, string> = { plan: 'blue', import: 'cyan', manual: 'geekblue', synthetic: 'orange', computed: 'purple', rolledUp: 'default' };

/** `synthetic`: the figure is demo data though its source is another (computed from or rolled up over demo records) */
export function SourceTag({ source, synthetic = false }: { source: ValueSource | null | undefined; synthetic?: boolean }) {
  const t = useT();
  if (!source) return <>—</>;
  const demo = source === 'synthetic' || synthetic;
  return (
    <Tag color={demo ? COLOURS.synthetic : (COLOURS[source] ?? 'default')} icon={demo ? <ExperimentOutlined /> : undefined} style={{ marginInlineEnd: 0 }}>
      {demo && source !== 'synthetic' ? t('ind.source.fromSynthetic', { source: t(`ind.source.${source}`) }) : t(`ind.source.${source}`)}
    </Tag>
  );
}
