/**
 * 指标趋势: one region, one indicator — actuals against the plan path, with baseline and target; the header names
 * the latest year with an actual; a year whose registry count differs from the stated baseline shows both.
 */
import { Alert, Card, Col, Descriptions, Row, Table, Tag, Tooltip } from 'antd';
import { PageHeader, errorMessage, formatPercent, useLang, useT } from '@kechuang/platform-web';
import { useCatalogue, useTrend } from '../api.ts';
import { LightTag } from '../components/LightTag.tsx';
import { IndicatorSelect, RegionSelect, useRegionParam, useSearchParam } from '../components/Selectors.tsx';
import { TrendChart } from '../components/TrendChart.tsx';
import { figure, indicatorName, planName } from '../format.ts';
import { ComparisonLine } from '../components/ComputedComparison.tsx';
import { DataYear } from '../components/DataYear.tsx';
import type { TrendPoint } from '../types.ts';

export function TrendPage() {
  const t = useT();
  const lang = useLang();
  const [region, setRegion] = useRegionParam();
  const [chosen, setIndicator] = useSearchParam('indicator');
  const catalogue = useCatalogue();
  const entries = catalogue.data?.items ?? [];
  const indicator = chosen ?? entries.find((i) => i.isHeadline)?.code ?? entries[0]?.code;
  const entry = entries.find((i) => i.code === indicator);
  const trend = useTrend(region, indicator);
  const data = trend.data;
  const unit = data?.indicator ?? { precision: 2, unit: '' };
  const latest = data?.points.filter((p) => p.actual !== null).at(-1)?.period;

  return (
    <>
      <PageHeader
        title={
          <>
            {t('ind.trend.title')}
            <DataYear period={latest} latest />
          </>
        }
        subtitle={
          data ? `${data.region.name} · ${entry ? indicatorName(entry, lang) : data.indicator.name} · ${planName(data.plan, lang)}` : t('ind.trend.subtitle')
        }
        extra={
          <>
            <RegionSelect value={region} onChange={setRegion} width={220} hideWhenSingle />
            <IndicatorSelect value={indicator} onChange={(c) => setIndicator(c)} width={360} />
          </>
        }
      />
      {trend.isError && <Alert type="error" showIcon title={errorMessage(trend.error)} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Card size="small" loading={!data && trend.isLoading}>
            <TrendChart trend={data} height={560} testId="trend-chart" />
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Card size="small" title={entry ? indicatorName(entry, lang) : t('ind.field.indicator')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('ind.field.unit')}>{entry?.unit ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('ind.catalogue.direction')}>{entry ? t(`ind.direction.${entry.direction}`) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('ind.field.baseline')}>
                {data?.baseline ? `${figure(data.baseline.value, unit)}（${data.baseline.period}）` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('ind.field.target')}>
                {data?.target ? `${figure(data.target.value, unit)}（${data.target.period}）` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('ind.catalogue.trajectory')}>{entry ? t(`ind.trajectory.${entry.trajectory}`) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('ind.catalogue.definition')}>{entry?.definition || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('ind.catalogue.dataSource')}>{entry?.dataSource || '—'}</Descriptions.Item>
              {entry?.computedBasis && <Descriptions.Item label={t('ind.catalogue.computedBasis')}>{entry.computedBasis}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card size="small" style={{ marginTop: 16 }} styles={{ body: { padding: 0 } }}>
            <Table<TrendPoint>
              rowKey="period"
              size="small"
              pagination={false}
              dataSource={(data?.points ?? []).filter((p) => p.actual !== null || p.expected !== null)}
              columns={[
                { title: t('ind.field.period'), dataIndex: 'period', width: 70 },
                {
                  title: t('ind.field.actual'),
                  dataIndex: 'actual',
                  align: 'right',
                  render: (v: number | null, p) => (
                    <>
                      {v === null && data?.baseline?.period === p.period ? (
                        // the base year has the plan's stated figure, not a measured actual: shown as such, not as 无数据
                        <span data-testid="trend-baseline-cell">
                          {figure(data.baseline.value, unit)} <Tag style={{ marginInlineEnd: 0 }}>{t('ind.trend.baselineCell')}</Tag>
                        </span>
                      ) : (
                        <Tooltip
                          title={
                            p.actualSource
                              ? p.actualSynthetic && p.actualSource !== 'synthetic'
                                ? t('ind.source.fromSynthetic', { source: t(`ind.source.${p.actualSource}`) })
                                : t(`ind.source.${p.actualSource}`)
                              : undefined
                          }
                        >
                          <span>
                            <b>{figure(v, unit)}</b>
                            {p.rolledUp && <sup style={{ color: '#8c8c8c' }}> Σ</sup>}
                            {p.actualSynthetic && (
                              <sup style={{ color: '#d48806' }} data-testid="trend-demo-mark">
                                {' '}
                                {t('ind.trend.demoMark')}
                              </sup>
                            )}
                          </span>
                        </Tooltip>
                      )}
                      {p.official && v !== null && data && (
                        <div>
                          <ComparisonLine
                            beside="actual"
                            item={data.indicator}
                            comparison={{
                              period: p.period,
                              official: p.official.value,
                              officialKind: 'baseline',
                              officialSource: p.official.source,
                              computed: v,
                            }}
                          />
                        </div>
                      )}
                    </>
                  ),
                },
                { title: t('ind.field.expected'), dataIndex: 'expected', align: 'right', render: (v: number | null) => figure(v, unit) },
                { title: t('ind.field.completion'), dataIndex: 'completion', align: 'right', width: 80, render: (v: number | null) => formatPercent(v) },
                { title: t('ind.field.light'), dataIndex: 'light', width: 90, render: (l: TrendPoint['light']) => <LightTag light={l} /> },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
