/** 导入技术合同: one file of contracts through the platform's import workbench (all or nothing), and the history of runs. */
import { Card, Flex, Modal, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { ImportWorkbench, useT } from '@kechuang/platform-web';
import { ROOT, useRefreshContracts } from '../api.ts';
import type { ImportResult } from '../types.ts';

const RUN_KINDS = ['techContracts'];

export function ContractImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const refresh = useRefreshContracts();
  return (
    <Modal open={open} title={t('tc.importTitle')} onCancel={onClose} footer={null} width={960} destroyOnHidden>
      <ImportWorkbench<ImportResult>
        layout="dialog"
        uploadUrl={`${ROOT}/import`}
        template={{ url: `${ROOT}/import-template`, label: t('tc.import.template'), hint: t('tc.import.hint') }}
        drop={{ title: t('tc.import.drop'), hint: t('tc.import.dropHint') }}
        summary={(result, fileName) => (
          <Card size="small" data-testid="tc-import-result" style={{ borderColor: '#b7eb8f', background: '#f6ffed' }}>
            <Flex align="center" gap={8}>
              <CheckCircleFilled style={{ color: '#52c41a', fontSize: 20 }} />
              <Typography.Text strong>{t('tc.import.success', { file: fileName, rows: result.rows, registered: result.registered })}</Typography.Text>
            </Flex>
          </Card>
        )}
        onSettled={() => void refresh()}
        history={{ kinds: RUN_KINDS }}
        testId="tc-import"
      />
    </Modal>
  );
}
