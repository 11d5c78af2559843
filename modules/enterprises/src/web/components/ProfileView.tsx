/**
 * 企业画像: master data and the qualification timeline, the rule checks (HNTE conditions, score bands,
 * what it would take; tech-SME; super-deduction estimate), five-year trends, yearly figures with their
 * source, IP and R&D institutions. What the viewer may change comes from the profile (canEdit, canSelfReport).
 */
import { Alert, Button, Col, Flex, Result, Row, Spin, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, ExperimentOutlined, MedicineBoxOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { ApiError, BoundAccountButton, PageHeader, errorMessage, useAuth, useBreadcrumbName, useT } from '@kechuang/platform-web';
import { useProfile } from '../api.ts';
import { HnteCheck } from './HnteCheck.tsx';
import { IpCard } from './IpCard.tsx';
import { MasterData } from './MasterData.tsx';
import { Qualifications } from './Qualifications.tsx';
import { RdInstitutions } from './RdInstitutions.tsx';
import { SuperDeductionCard } from './SuperDeductionCard.tsx';
import { TechSmeCard } from './TechSmeCard.tsx';
import { TierTag } from './TierTag.tsx';
import { TrendsChart } from './TrendsChart.tsx';
import { YearsTable } from './YearsTable.tsx';

const isValidId = (id: number) => Number.isInteger(id) && id > 0;

export function ProfileView({ id, backToRegistry }: { id: number; backToRegistry: boolean }) {
  const t = useT();
  const profile = useProfile(id);
  const { hasRole } = useAuth();
  // the header's breadcrumb names the company, not only the page
  useBreadcrumbName(profile.data?.enterprise.name);

  if (profile.isLoading) {
    return (
      <div style={{ display: 'grid', placeItems: 'center', minHeight: 320 }}>
        <Spin />
      </div>
    );
  }
  if (profile.error || !profile.data) {
    const isNotFound = !isValidId(id) || (profile.error instanceof ApiError && profile.error.status === 404);
    return (
      <Result
        status={isNotFound ? '404' : 'error'}
        title={isNotFound ? '404' : t('common.loadFailed')}
        subTitle={profile.error ? errorMessage(profile.error) : t('ent.profile.notFound')}
        data-testid={isNotFound ? 'profile-not-found' : 'profile-error'}
        extra={
          <Link to="/">
            <Button type="primary">{t('common.backHome')}</Button>
          </Link>
        }
      />
    );
  }

  const p = profile.data;
  const e = p.enterprise;
  const pendingYears = p.years.filter((y) => y.source === 'selfReport' && !y.confirmed).map((y) => y.year);
  return (
    <div data-testid="enterprise-profile">
      <PageHeader
        title={
          <Flex gap={12} align="center" wrap>
            <span data-testid="profile-name">{e.name}</span>
            <TierTag tier={p.tier} />
            {e.isSynthetic && (
              <Tooltip title={t('ent.synthetic')}>
                <Tag color="orange" icon={<ExperimentOutlined />}>
                  {t('ent.source.synthetic')}
                </Tag>
              </Tooltip>
            )}
          </Flex>
        }
        subtitle={`${e.uscc} · ${e.regionName}${p.canEdit ? '' : p.canSelfReport ? '' : ` · ${t('ent.profile.readOnly')}`}`}
        extra={
          <>
            {backToRegistry && (
              <Link to="/enterprises">
                <Button icon={<ArrowLeftOutlined />}>{t('ent.profile.back')}</Button>
              </Link>
            )}
            <Link to={`/evaluation/diagnosis/${e.id}`}>
              <Button icon={<MedicineBoxOutlined />} data-testid="profile-diagnosis">
                {t('nav.diagnosis')}
              </Button>
            </Link>
            {hasRole('bureauAdmin') && (
              <BoundAccountButton
                url={`/api/enterprises/${e.id}/accounts`}
                recordName={e.name}
                label={t('ent.account.open')}
                title={t('ent.account.title', { name: e.name })}
                testId="enterprise-account"
              />
            )}
            <Button icon={<ReloadOutlined />} onClick={() => void profile.refetch()} loading={profile.isFetching} aria-label={t('common.refresh')} />
          </>
        }
      />
      {pendingYears.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            p.canEdit ? t('ent.profile.pendingBureau', { years: pendingYears.join('、') }) : t('ent.profile.pendingOwn', { years: pendingYears.join('、') })
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <MasterData profile={p} />
        </Col>
        <Col xs={24} xl={8}>
          <Qualifications profile={p} />
        </Col>
        <Col span={24}>
          <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
            {t('ent.check.title')}
          </Typography.Title>
        </Col>
        <Col span={24}>
          <HnteCheck hnte={p.check.hnte} asOf={p.check.asOf} coreIp={p.coreIp} />
        </Col>
        <Col xs={24} lg={12}>
          <TechSmeCard techSme={p.check.techSme} />
        </Col>
        <Col xs={24} lg={12}>
          <SuperDeductionCard estimate={p.check.superDeduction} />
        </Col>
        <Col span={24}>
          <TrendsChart years={p.years} />
        </Col>
        <Col span={24}>
          <YearsTable profile={p} />
        </Col>
        <Col xs={24} lg={12}>
          <IpCard profile={p} />
        </Col>
        <Col xs={24} lg={12}>
          <RdInstitutions profile={p} />
        </Col>
      </Row>
    </div>
  );
}
