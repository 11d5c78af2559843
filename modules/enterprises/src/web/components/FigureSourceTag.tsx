/** Where a year's figures come from; an enterprise's self-report stays marked until the bureau confirms it. */
import { Tag } from 'antd';
import { ExperimentOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useT } from '@kechuang/platform-web';
import type { FigureSource } from '../types.ts';

const COLOURS: Record<FigureSource, string> = { import: 'cyan', manual: 'geekblue', selfReport: 'green', synthetic: 'orange' };

export function FigureSourceTag({ source, confirmed }: { source: FigureSource; confirmed: boolean }) {
  const t = useT();
  if (source === 'selfReport' && !confirmed) {
    return (
      <Tag color="warning" icon={<ExclamationCircleOutlined />} style={{ marginInlineEnd: 0 }} data-testid="self-report-pending">
        {t('ent.source.selfReportPending')}
      </Tag>
    );
  }
  return (
    <Tag color={COLOURS[source]} icon={source === 'synthetic' ? <ExperimentOutlined /> : undefined} style={{ marginInlineEnd: 0 }}>
      {t(source === 'selfReport' ? 'ent.source.selfReportConfirmed' : `ent.source.${source}`)}
    </Tag>
  );
}
