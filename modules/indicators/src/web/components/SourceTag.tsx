/** Where a figure comes from; synthetic demo data is always visibly marked as such. */
import { Tag } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import { useT } from '@kechuang/platform-web';
import type { ValueSource } from '../types.ts';

const COLOURS: Record<ValueSource, string> = { plan: 'blue', import: 'cyan', manual: 'geekblue', synthetic: 'orange', computed: 'purple', rolledUp: 'default' };

export function SourceTag({ source }: { source: ValueSource | null | undefined }) {
  const t = useT();
  if (!source) return <>—</>;
  return (
    <Tag color={COLOURS[source] ?? 'default'} icon={source === 'synthetic' ? <ExperimentOutlined /> : undefined} style={{ marginInlineEnd: 0 }}>
      {t(`source.${source}`)}
    </Tag>
  );
}
