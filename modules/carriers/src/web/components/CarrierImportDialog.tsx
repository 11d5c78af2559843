/**
 * 导入 Excel: one file of carriers and their figures for the year, through the platform's import workbench — the
 * summary when it is taken, or every bad cell (row, column, value, reason) when it is refused (a file with one bad
 * cell imports nothing), and the history of the carriers' imports.
 */
import { Card, Col, Flex, Modal, Row, Statistic, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { ImportWorkbench, useT } from '@kechuang/platform-web';
import { CARRIERS, useRefreshCarriers } from '../api.ts';
import type { CarrierImportResult, ReviewKind } from '../types.ts';

const COUNTS = ['rows', 'carriersCreated', 'figuresWritten', 'figuresUnchanged', 'carriers'] as const;

function Summary({ result, fileName }: { result: CarrierImportResult; fileName: string }) {
  const t = useT();
  return (
    <Card size="small" data-testid="carrier-import-result" style={{ borderColor: '#b7eb8f', background: '#f6ffed' }}>
      <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
        <CheckCircleFilled style={{ color: '#52c41a', fontSize: 20 }} />
        <Typography.Text strong>{t('carrier.import.success', { file: fileName, year: result.year })}</Typography.Text>
      </Flex>
      <Row gutter={12}>
        {COUNTS.map((k) => (
          <Col key={k} flex={1}>
            <Statistic title={t(`carrier.import.${k}`)} value={k === 'carriers' ? result.carriers.length : result[k]} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

/** the carriers' runs in the platform's import history */
const RUN_KINDS = ['carrierFigures'];

export function CarrierImportDialog({ open, review, year, onClose }: { open: boolean; review: ReviewKind; year: number; onClose: () => void }) {
  const t = useT();
  const refresh = useRefreshCarriers();
  return (
    <Modal open={open} title={t('carrier.import.title', { year })} onCancel={onClose} footer={null} width={960} destroyOnHidden>
      <ImportWorkbench<CarrierImportResult>
        layout="dialog"
        uploadUrl={`${CARRIERS}/import?year=${year}`}
        template={{ url: `${CARRIERS}/import-template`, params: { review, year }, label: t('carrier.template'), hint: t('carrier.import.hint') }}
        drop={{ title: t('carrier.import.drop'), hint: t('carrier.import.dropHint') }}
        summary={(result, fileName) => <Summary result={result} fileName={fileName} />}
        onSettled={() => void refresh()}
        history={{ kinds: RUN_KINDS }}
        testId="carrier-import"
      />
    </Modal>
  );
}
