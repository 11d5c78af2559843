/** The weights a run used, group by group (AHP groups with their consistency ratio), with each method's name and one-line explanation. */
import { Card, Col, Row, Table, Tag, Tooltip, Typography } from 'antd';
import { formatNumber, useT } from '@kechuang/platform-web';
import type { GroupWeights, Run } from '../types.ts';
import { useMethodLabel } from './Labels.tsx';

export function WeightsPanel({ run }: { run: Run }) {
  const t = useT();
  const label = useMethodLabel();
  const name = new Map(run.summary.nodes.map((n) => [n.id, n.name ?? (n.indicator ? (run.columns[n.indicator]?.name ?? n.indicator) : n.id)]));
  return (
    <Row gutter={[12, 12]} data-testid="weights-panel">
      {run.summary.weights.map((g: GroupWeights) => (
        <Col xs={24} lg={12} key={g.id}>
          <Card
            size="small"
            title={
              <Tooltip title={t('ev.bd.code', { code: g.id })} placement="topLeft">
                <span>{name.get(g.id)}</span>
              </Tooltip>
            }
            extra={<MethodTags weighting={label('weighting', g.method)} aggregation={label('aggregation', g.aggregation)} />}
          >
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t(`ev.m.weight.${g.method}`)}；{t(`ev.m.agg.${g.aggregation}`)}
              {g.cr !== undefined && <> · {t('ev.w.cr', { cr: formatNumber(g.cr, 3) })}</>}
            </Typography.Paragraph>
            <Table
              size="small"
              pagination={false}
              rowKey="id"
              dataSource={g.children}
              columns={[
                { title: t('ev.w.child'), dataIndex: 'id', render: (id: string) => name.get(id) ?? id },
                {
                  title: t('ev.w.weight'),
                  dataIndex: 'weight',
                  width: 200,
                  render: (w: number) => (
                    <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                      <div style={{ width: 100, height: 8, background: '#f0f0f0', borderRadius: 4 }}>
                        <div style={{ width: `${Math.round(w * 100)}%`, height: 8, background: '#1664d9', borderRadius: 4 }} />
                      </div>
                      {formatNumber(w * 100, 1)}%
                    </div>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function MethodTags({ weighting, aggregation }: { weighting: string; aggregation: string }) {
  return (
    <span>
      <Tag>{weighting}</Tag>
      <Tag style={{ marginInlineEnd: 0 }}>{aggregation}</Tag>
    </span>
  );
}
