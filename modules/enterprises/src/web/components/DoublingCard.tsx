/** 双倍增进度: HNTE and tech-SME counts now against the base year, the plan's target and its compound path. */
import { Card, Col, Empty, Flex, Progress, Row, Statistic, Tag, Typography } from 'antd';
import { formatPercent, useT } from '@kechuang/platform-web';
import { useDoubling } from '../api.ts';
import { UnitSelect } from './UnitSelect.tsx';

export function DoublingCard({ region, onRegion }: { region: string | undefined; onRegion: (r: string | undefined) => void }) {
  const t = useT();
  const doubling = useDoubling(region);
  const data = doubling.data;
  return (
    <Card
      size="small"
      title={`${t('ent.doubling.title')}${data ? ` · ${data.regionName}` : ''}`}
      loading={doubling.isLoading}
      extra={<UnitSelect value={region ?? data?.regionCode} onChange={onRegion} withDistrict width={180} hideWhenSingle />}
      data-testid="doubling"
    >
      <Row gutter={[24, 16]}>
        {(data?.items ?? []).map(({ indicatorCode, progress }) => (
          <Col xs={24} lg={12} key={indicatorCode} data-testid={`doubling-${indicatorCode}`}>
            <Typography.Text strong>{t(`ent.indicator.${indicatorCode}`)}</Typography.Text>
            {progress ? (
              <>
                <Flex gap={24} wrap style={{ margin: '8px 0' }}>
                  <Statistic title={t('ent.doubling.base', { year: progress.baseYear })} value={progress.base} />
                  <Statistic
                    title={t('ent.doubling.now', { year: progress.year })}
                    value={progress.current}
                    styles={{ content: { color: progress.onTrack ? '#389e0d' : '#cf1322' } }}
                  />
                  <Statistic title={t('ent.doubling.expected')} value={progress.expected} precision={1} />
                  <Statistic title={t('ent.doubling.target', { year: progress.targetYear })} value={progress.target} />
                </Flex>
                <Flex align="center" gap={12}>
                  <Progress
                    style={{ flex: 1, margin: 0 }}
                    percent={Math.max(0, Math.min(100, (progress.completion ?? 0) * 100))}
                    showInfo={false}
                    strokeColor={progress.onTrack ? '#52c41a' : '#faad14'}
                  />
                  <span style={{ whiteSpace: 'nowrap' }}>
                    {t('ent.doubling.completion')} {formatPercent(progress.completion)}
                  </span>
                  <Tag color={progress.onTrack ? 'success' : 'warning'} style={{ marginInlineEnd: 0 }}>
                    {progress.onTrack ? t('ent.doubling.onTrack') : t('ent.doubling.behind')}
                  </Tag>
                </Flex>
              </>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ent.doubling.noPlan')} />
            )}
          </Col>
        ))}
      </Row>
    </Card>
  );
}
