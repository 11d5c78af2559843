/**
 * 指标进度: one region, one period (its data year in the header) — baseline, target, actual, expected, completion and
 * light per indicator; a grey light with a figure says 无目标 / 无基数; a registry count that differs from the stated
 * baseline of its year is shown beside it, and explained above the table.
 */
import { useMemo, useState } from 'react';
import { Alert, Card, Flex, Switch, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { StarFilled } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { ExportButton, PageHeader, errorMessage, useLang, useT } from '@kechuang/platform-web';
import { useReport } from '../api.ts';
import { LightTag, LIGHTS } from '../components/LightTag.tsx';
import { PeriodSelect, RegionSelect, usePeriodParam, useRegionParam } from '../components/Selectors.tsx';
import { SourceTag } from '../components/SourceTag.tsx';
import { CompletionBar, LightCountsInline } from '../components/Standings.tsx';
import { LIGHT_COLOURS } from '../components/LightTag.tsx';
import { figure, indicatorName, planName } from '../format.ts';
import { ComparisonLine, ComparisonNotes } from '../components/ComputedComparison.tsx';
import { DataYear } from '../components/DataYear.tsx';
import type { LightCounts, ReportItem } from '../types.ts';

export function ReportPage() {
  const t = useT();
  const lang = useLang();
  const [period, setPeriod] = usePeriodParam();
  const [region, setRegion] = useRegionParam();
  const [isHeadlineOnly, setHeadlineOnly] = useState(false);
  const report = useReport(region, period);
  const items = (report.data?.items ?? []).filter((i) => !isHeadlineOnly || i.isHeadline);
  const counts = LIGHTS.reduce((c, l) => ({ ...c, [l]: items.filter((i) => i.light === l).length }), {} as LightCounts);

  const withPeriod = (value: number | null, p: string | null, item: ReportItem) => (
    <div>
      {figure(value, item)}
      {p && <div style={{ fontSize: 12, color: '#8c8c8c' }}>{p}</div>}
      {item.comparisons
        .filter((c) => c.period === p)
        .map((c) => (
          <div key={c.period}>
            <ComparisonLine item={item} comparison={c} beside="baseline" />
          </div>
        ))}
    </div>
  );
  // a comparison of the report's own period that is not the baseline's sits under the actual
  const atActual = (i: ReportItem) => i.comparisons.filter((c) => c.period === report.data?.period && c.period !== i.baselinePeriod);

  const columns = useMemo<TableColumnsType<ReportItem>>(
    () => [
      {
        title: t('ind.field.indicator'),
        dataIndex: 'name',
        width: 280,
        render: (_: unknown, item) => (
          <Link to={`/trend?region=${region}&indicator=${item.code}`}>
            {item.isHeadline && <StarFilled style={{ color: '#faad14', marginInlineEnd: 4 }} />}
            {indicatorName(item, lang)}
          </Link>
        ),
      },
      { title: t('ind.field.baseline'), key: 'baseline', align: 'right', width: 110, render: (_: unknown, i) => withPeriod(i.baseline, i.baselinePeriod, i) },
      { title: t('ind.field.target'), key: 'target', align: 'right', width: 110, render: (_: unknown, i) => withPeriod(i.target, i.targetPeriod, i) },
      {
        title: <Tooltip title={t('ind.report.expectedHint')}>{t('ind.field.expected')}</Tooltip>,
        key: 'expected',
        align: 'right',
        width: 110,
        render: (_: unknown, i) => <Typography.Text type="secondary">{figure(i.expected, i)}</Typography.Text>,
      },
      {
        title: t('ind.field.actual'),
        key: 'actual',
        align: 'right',
        width: 110,
        render: (_: unknown, i) => (
          <div>
            <b>{figure(i.actual, i)}</b>
            {atActual(i).map((c) => (
              <div key={c.period}>
                <ComparisonLine item={i} comparison={c} beside="actual" />
              </div>
            ))}
          </div>
        ),
      },
      {
        title: t('ind.field.source'),
        dataIndex: 'actualSource',
        width: 140,
        render: (s: ReportItem['actualSource'], i) => <SourceTag source={s} synthetic={i.actualSynthetic} />,
      },
      {
        title: t('ind.field.completion'),
        dataIndex: 'completion',
        width: 160,
        render: (v: number | null, i) => <CompletionBar value={v} colour={LIGHT_COLOURS[i.light]} />,
      },
      { title: t('ind.field.light'), dataIndex: 'light', width: 96, render: (l: ReportItem['light'], i) => <LightTag light={l} item={i} /> },
    ],
    [t, lang, region, report.data?.period],
  );

  const data = report.data;
  return (
    <>
      <PageHeader
        title={
          <>
            {t('ind.report.title')}
            <DataYear period={data?.period} />
          </>
        }
        subtitle={data ? t('ind.report.subtitle', { region: data.region.name, period: data.period, plan: planName(data.plan, lang) }) : ' '}
        extra={
          <>
            <RegionSelect value={region} onChange={setRegion} width={220} hideWhenSingle />
            <PeriodSelect value={period} onChange={setPeriod} />
            <ExportButton url="/api/indicators/report/export" query={{ region, period }} />
          </>
        }
      />
      {report.isError && <Alert type="error" showIcon title={errorMessage(report.error)} style={{ marginBottom: 16 }} />}
      {data?.items.some((i) => i.actualSynthetic) && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('ind.report.syntheticNotice')} />}
      {data && <ComparisonNotes items={data.items} />}
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
          <LightCountsInline counts={counts} />
          <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
            <Switch size="small" checked={isHeadlineOnly} onChange={setHeadlineOnly} />
            {t('ind.report.headlineOnly')}
          </label>
        </Flex>
        <div data-testid="report-table">
          <Table<ReportItem>
            rowKey="code"
            size="middle"
            columns={columns}
            dataSource={items}
            loading={report.isFetching}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
        </div>
      </Card>
    </>
  );
}
