/** Small pieces the room's pages share: the status tag, the deadline clock, amounts in 万元. */
import { Tag, Tooltip } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import { formatNumber, useT } from '@kechuang/platform-web';
import type { TechContract } from '../types.ts';

const STATUS_COLOURS: Record<TechContract['status'], string> = {
  submitted: 'processing',
  registered: 'success',
  refused: 'error',
  returned: 'warning',
  deregistered: 'default',
};

export function StatusTag({ status }: { status: TechContract['status'] }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="tc-status">
      {t(`tc.status.${status}`)}
    </Tag>
  );
}

/** days left to the deadline while waiting; overdue in red */
export function DeadlineClock({ contract }: { contract: Pick<TechContract, 'status' | 'daysLeft' | 'deadline'> }) {
  const t = useT();
  if (contract.status !== 'submitted' || contract.daysLeft === null) return <span style={{ color: '#8c8c8c' }}>—</span>;
  const n = contract.daysLeft;
  const text = n < 0 ? t('tc.clock.overdue', { n: -n }) : n === 0 ? t('tc.clock.today') : t('tc.clock.left', { n });
  return (
    <Tooltip title={contract.deadline}>
      <Tag color={n < 0 ? 'red' : n <= 3 ? 'orange' : 'blue'} data-testid="tc-clock">
        {text}
      </Tag>
    </Tooltip>
  );
}

export function SyntheticMark({ shown }: { shown: boolean }) {
  const t = useT();
  if (!shown) return null;
  return (
    <Tooltip title={t('tc.synthetic')}>
      <ExperimentOutlined style={{ color: '#fa8c16' }} />
    </Tooltip>
  );
}

/** yuan as 万元 with two decimals */
export const wan = (yuan: number) => formatNumber(yuan / 10_000, 2);
