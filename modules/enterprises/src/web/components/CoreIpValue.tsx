/**
 * 拥有核心知识产权 as the HNTE check read it (profile.coreIp): the same words in 基本信息 and in the check,
 * with where the judgement comes from — the bureau's record, or the IP register when nothing is recorded.
 */
import { Tooltip } from 'antd';
import { useT } from '@kechuang/platform-web';
import { coreIpText } from '../rule-text.ts';
import type { CoreIpJudgement } from '../types.ts';

export function CoreIpValue({ coreIp, testId }: { coreIp: CoreIpJudgement; testId?: string }) {
  const t = useT();
  return (
    <Tooltip title={t(coreIp.basis === 'fromIp' ? 'ent.coreIp.fromIpHelp' : 'ent.coreIp.recordedHelp')}>
      <span data-testid={testId} data-basis={coreIp.basis}>
        {coreIpText(t, coreIp)}
      </span>
    </Tooltip>
  );
}
