/** 驾驶舱: headline indicators, the light summary, the league of towns and parks, headline trends, the other rooms' cards. */
import { Suspense } from 'react';
import { Alert, Button, Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { FullscreenOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { PageHeader, errorMessage, useLang, useT } from '@kechuang/platform-web';
import { useCockpit } from '../api.ts';
import { CockpitLeague } from '../components/CockpitLeague.tsx';
import { HeadlineCard } from '../components/HeadlineCard.tsx';
import { LightSummary } from '../components/LightSummary.tsx';
import { PeriodSelect, RegionSelect, usePeriodParam, useRegionParam } from '../components/Selectors.tsx';
import { TrendChart } from '../components/TrendChart.tsx';
import { indicatorName, planName } from '../format.ts';
import { DataYear } from '../components/DataYear.tsx';
import { cockpitCards } from '../cockpit-cards.ts';

export function CockpitPage() {
  const t = useT();
  const lang = useLang();
  const [period, setPeriod] = usePeriodParam();
  const [region, setRegion] = useRegionParam();
  const cockpit = useCockpit(period, region);
  const data = cockpit.data;
  const lightTotal = data ? data.lights.green + data.lights.yellow + data.lights.red + data.lights.grey : 0;

  return (
    <>
      <PageHeader
        title={
          <>
            {t('ind.cockpit.title')}
            <DataYear period={data?.period} />
          </>
        }
        subtitle={data ? t('ind.cockpit.subtitle', { region: data.region.name, plan: planName(data.plan, lang), period: data.period }) : ' '}
        extra={
          <>
            <RegionSelect value={region} onChange={setRegion} width={220} hideWhenSingle />
            <PeriodSelect value={period} onChange={setPeriod} />
            <Link to="/wall" data-testid="open-wall">
              <Button icon={<FullscreenOutlined />}>{t('ind.wall.open')}</Button>
            </Link>
          </>
        }
      />
      {cockpit.isError && <Alert type="error" showIcon title={errorMessage(cockpit.error)} style={{ marginBottom: 16 }} />}
      {!data ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : (
        <>
          <Card title={t('ind.cockpit.headline')} size="small" styles={{ body: { padding: 16 } }}>
            <Row gutter={[12, 12]} data-testid="cockpit-headline">
              {data.headline.map((item) => (
                <Col key={item.code} xs={24} md={12} xl={8}>
                  <HeadlineCard item={item} regionCode={data.region.code} />
                </Col>
              ))}
              {data.headline.length === 0 && <Empty style={{ margin: '24px auto' }} />}
            </Row>
          </Card>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} xl={8}>
              <Card
                title={t('ind.cockpit.lights')}
                size="small"
                style={{ height: '100%' }}
                extra={<Typography.Text type="secondary">{t('ind.cockpit.indicatorCount', { count: lightTotal })}</Typography.Text>}
              >
                <LightSummary lights={data.lights} />
              </Card>
            </Col>
            <Col xs={24} xl={16}>
              <Card
                title={t('ind.cockpit.league')}
                size="small"
                style={{ height: '100%' }}
                extra={<Link to={`/league?period=${data.period}`}>{t('ind.cockpit.seeLeague')}</Link>}
              >
                <CockpitLeague league={data.league} unitCount={data.unitCount} period={data.period} />
              </Card>
            </Col>
          </Row>
          <Card title={t('ind.cockpit.trends')} size="small" style={{ marginTop: 16 }}>
            <Row gutter={[16, 16]} data-testid="cockpit-trends">
              {data.trends.map((trend) => (
                <Col key={trend.indicator.code} xs={24} md={12} xl={8}>
                  <Link to={`/trend?region=${data.region.code}&indicator=${trend.indicator.code}`}>
                    <Typography.Text strong ellipsis style={{ display: 'block', marginBottom: 4 }}>
                      {indicatorName(data.headline.find((h) => h.code === trend.indicator.code) ?? trend.indicator, lang)}
                      <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
                        {' '}
                        ({trend.indicator.unit})
                      </Typography.Text>
                    </Typography.Text>
                  </Link>
                  <TrendChart trend={trend} height={200} isCompact />
                </Col>
              ))}
            </Row>
          </Card>
          {cockpitCards().map(({ key, component: RoomCard }) => (
            <Suspense key={key} fallback={null}>
              <RoomCard />
            </Suspense>
          ))}
        </>
      )}
    </>
  );
}
