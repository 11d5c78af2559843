/** What an accepted import did (a refusal is the platform's import workbench's: ImportRefusal). */
import { Alert, Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { useT } from '@kechuang/platform-web';
import type { ImportResult } from '../types.ts';

export function ImportSummary({ result, fileName }: { result: ImportResult; fileName: string }) {
  const t = useT();
  return (
    <Card size="small" data-testid="import-result" style={{ borderColor: '#b7eb8f', background: '#f6ffed' }}>
      <Flex align="center" gap={8} style={{ marginBottom: 12 }}>
        <CheckCircleFilled style={{ color: '#52c41a', fontSize: 20 }} />
        <Typography.Text strong style={{ fontSize: 16 }}>
          {t('ind.import.success', { file: fileName })}
        </Typography.Text>
      </Flex>
      <Row gutter={16}>
        {(['rows', 'inserted', 'updated', 'unchanged'] as const).map((k) => (
          <Col key={k} span={6}>
            <Statistic title={t(`ind.import.${k}`)} value={result[k]} data-testid={`import-${k}`} />
          </Col>
        ))}
      </Row>
      {result.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={t('ind.import.warnings')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {result.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          }
        />
      )}
    </Card>
  );
}
