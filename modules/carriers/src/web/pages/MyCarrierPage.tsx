/** 我的载体: a carrier's own account (载体填报员) — its carrier, a year, and the figures form of the bureau's drawer. */
import { useState } from 'react';
import { Alert, Card, Descriptions, Result, Spin, Typography } from 'antd';
import { ApiError, PageHeader, errorMessage, useConfirmDiscard, useT } from '@kechuang/platform-web';
import { lastYear, useMyCarrier } from '../api.ts';
import { CarrierFiguresForm } from '../components/CarrierFiguresForm.tsx';
import { levelLabel, ReviewYearSelect } from '../components/CarrierLabels.tsx';

export function MyCarrierPage() {
  const t = useT();
  const carrier = useMyCarrier();
  const [year, setYear] = useState(lastYear);
  const confirmDiscard = useConfirmDiscard();

  if (carrier.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (carrier.isError || !carrier.data) {
    const isUnbound = carrier.error instanceof ApiError && carrier.error.status === 404;
    return (
      <Result
        status="warning"
        title={isUnbound ? t('carrier.my.noCarrier') : errorMessage(carrier.error)}
        subTitle={isUnbound ? t('carrier.my.noCarrierHint') : undefined}
      />
    );
  }
  const c = carrier.data;
  return (
    <>
      <PageHeader
        title={<span data-testid="my-carrier-name">{c.name}</span>}
        subtitle={t('carrier.my.title')}
        extra={<ReviewYearSelect value={year} onChange={(y) => void confirmDiscard().then((ok) => ok && setYear(y))} testId="my-carrier-year" />}
      />
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('carrier.col.kind')}>{t(`carrier.kind.${c.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('carrier.col.level')}>{levelLabel(t, c.level)}</Descriptions.Item>
        <Descriptions.Item label={t('carrier.col.region')}>{c.regionName}</Descriptions.Item>
      </Descriptions>
      <Alert type="info" showIcon title={t('carrier.my.bureauSees')} style={{ marginBottom: 12 }} data-testid="my-carrier-note" />
      <Card size="small" title={<Typography.Text strong>{t('carrier.drawer.title', { name: c.name, year })}</Typography.Text>}>
        <CarrierFiguresForm key={`${c.id}-${year}`} carrierId={c.id} year={year} columns={3} />
      </Card>
    </>
  );
}
