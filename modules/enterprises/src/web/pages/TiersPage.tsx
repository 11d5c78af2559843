/**
 * 梯队统计: counts per town (and park) for a year range — table and stacked bars —, the doubling
 * progress, and for the bureau the registry's counts written as computed indicator actuals.
 */
import { useMemo, useState } from 'react';
import { Button, Card, Col, Row, Segmented, Select, Table, Typography, type TableColumnsType } from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import { ExportButton, BUREAU_ROLES, PageHeader, formatPercent, useAuth, useT, useUnits, bureauYear } from '@kechuang/platform-web';
import { ROOT, useTierCounts } from '../api.ts';
import { DoublingCard } from '../components/DoublingCard.tsx';
import { IndicatorActualsDialog } from '../components/IndicatorActualsDialog.tsx';
import { TierChart } from '../components/TierChart.tsx';
import { ratio } from '../format.ts';
import type { UnitCounts } from '../types.ts';

export function TiersPage() {
  const t = useT();
  const { hasRole } = useAuth();
  const units = useUnits();
  const isBureau = hasRole(...BUREAU_ROLES);
  const thisYear = bureauYear();
  const [from, setFrom] = useState(thisYear - 2);
  const [to, setTo] = useState(thisYear);
  const [chartYear, setChartYear] = useState<number>();
  const [doublingRegion, setDoublingRegion] = useState<string>();
  const [isWriting, setWriting] = useState(false);
  const range = { from: Math.min(from, to), to: Math.max(from, to) };
  const counts = useTierCounts(range.from, range.to);
  const items = useMemo(() => counts.data?.items ?? [], [counts.data]);
  const shownYear = chartYear !== undefined && chartYear >= range.from && chartYear <= range.to ? chartYear : range.to;
  // the district's own row (the bureau's) closes each year; the chart compares the towns and parks
  const districtCode = units.data?.district.code;
  const chartRows = items.filter((r) => r.year === shownYear && r.regionCode !== districtCode);
  const years = Array.from({ length: 10 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: String(y) }));

  const columns = useMemo<TableColumnsType<UnitCounts>>(
    () => [
      { title: t('ent.field.year'), dataIndex: 'year', width: 70 },
      {
        title: t('ent.field.region'),
        dataIndex: 'regionName',
        width: 150,
        render: (name: string, r) => (r.regionCode === districtCode ? <b>{name}</b> : name),
      },
      { title: t('ent.tiers.enterprises'), dataIndex: 'enterprises', align: 'right', width: 80 },
      { title: t('ent.tiers.techSmeNew'), dataIndex: 'techSme', align: 'right', width: 120 },
      { title: t('ent.tier.hnte'), dataIndex: 'hnte', align: 'right', width: 110 },
      { title: t('ent.tier.techLittleGiant'), dataIndex: 'techLittleGiant', align: 'right', width: 120 },
      { title: t('ent.tier.techLeader'), dataIndex: 'techLeader', align: 'right', width: 110 },
      { title: t('ent.tiers.aboveScale'), dataIndex: 'aboveScale', align: 'right', width: 90 },
      {
        title: t('ent.tiers.rdShare'),
        key: 'rdShare',
        align: 'right',
        width: 150,
        render: (_: unknown, r) =>
          r.aboveScaleReporting === 0 ? (
            '—'
          ) : (
            <span>
              {formatPercent(ratio(r.aboveScaleWithRd, r.aboveScaleReporting))}{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                ({r.aboveScaleWithRd}/{r.aboveScaleReporting})
              </Typography.Text>
            </span>
          ),
      },
      { title: t('ent.tiers.provCenters'), dataIndex: 'provEngineeringCenters', align: 'right', width: 140 },
    ],
    [t, districtCode],
  );

  return (
    <>
      <PageHeader
        title={t('ent.tiers.title')}
        subtitle={t('ent.tiers.subtitle')}
        extra={
          <>
            <Select value={from} onChange={setFrom} options={years} style={{ width: 120 }} prefix={t('ent.actuals.from')} data-testid="tiers-from" />
            <Select value={to} onChange={setTo} options={years} style={{ width: 120 }} prefix={t('ent.actuals.to')} data-testid="tiers-to" />
            <ExportButton url={`${ROOT}/tiers/export`} query={range} testId="tiers-export" />
            {isBureau && (
              <Button type="primary" icon={<CalculatorOutlined />} onClick={() => setWriting(true)} data-testid="actuals-open">
                {t('ent.actuals.title')}
              </Button>
            )}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <DoublingCard region={doublingRegion} onRegion={setDoublingRegion} />
        </Col>
        <Col span={24}>
          <Card
            size="small"
            title={t('ent.tiers.chartTitle', { year: shownYear })}
            extra={
              range.to > range.from && (
                <Segmented
                  size="small"
                  value={shownYear}
                  onChange={(y) => setChartYear(y)}
                  options={Array.from({ length: range.to - range.from + 1 }, (_, i) => range.from + i)}
                />
              )
            }
          >
            <TierChart rows={chartRows} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('ent.tiers.note')}
            </Typography.Text>
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={t('ent.tiers.tableTitle')}>
            <Table<UnitCounts>
              rowKey={(r) => `${r.year}|${r.regionCode}`}
              size="small"
              loading={counts.isFetching}
              columns={columns}
              dataSource={[...items].sort((a, b) => b.year - a.year)}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              scroll={{ x: 1100 }}
              onRow={(r) => (r.regionCode === districtCode ? { style: { background: '#fafafa' } } : {})}
              data-testid="tiers-table"
            />
          </Card>
        </Col>
      </Row>
      {isBureau && <IndicatorActualsDialog open={isWriting} onClose={() => setWriting(false)} />}
    </>
  );
}
