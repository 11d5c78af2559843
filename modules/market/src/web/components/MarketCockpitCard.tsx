/**
 * The market's card on the cockpit (驾驶舱): this year's headline figures of the user's region — listings published,
 * matches pushed, leads opened, deals signed, contracts registered and their amount — from /api/market/overview,
 * with a link to 市场成效. Shown to the cockpit's readers alone (the bureau, leaders, town officers).
 */
import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router-dom';
import { READ_ROLES, bureauYear, formatNumber, useAuth, useT } from '@kechuang/platform-web';
import { LISTING_KINDS } from '../../contract/kinds.ts';
import { LEAD_STATUSES } from '../../contract/lead-stages.ts';
import { useMarketOverview } from '../overview-api.ts';

export function MarketCockpitCard() {
  const t = useT();
  const { hasRole } = useAuth();
  const year = bureauYear();
  const mayRead = hasRole(...READ_ROLES);
  const overview = useMarketOverview({ from: `${year}-01`, to: `${year}-12` }, mayRead);
  if (!mayRead || overview.isError) return null;
  const f = overview.data?.totals;
  const figures: [string, number | string][] = f
    ? [
        ['market.overview.listings', LISTING_KINDS.reduce((s, k) => s + f.listings[k], 0)],
        ['market.overview.demands', f.listings.demand],
        ['market.overview.matches', f.matches],
        ['market.overview.leadsOpened', LEAD_STATUSES.reduce((s, k) => s + f.leads[k], 0)],
        ['market.overview.signed', f.signed],
        ['market.overview.contracts', f.contracts],
        ['market.overview.contractAmount', formatNumber(f.contractAmount / 10_000, 2)],
        ['market.overview.techAmount', formatNumber(f.techAmount / 10_000, 2)],
      ]
    : [];
  return (
    <Card
      title={t('market.overview.cockpitTitle', { year })}
      size="small"
      style={{ marginTop: 16 }}
      loading={!f}
      extra={<Link to="/market/overview">{t('market.overview.cockpitMore')}</Link>}
      data-testid="cockpit-market"
    >
      <Row gutter={[16, 16]}>
        {figures.map(([key, value]) => (
          <Col key={key} xs={12} md={6} xl={3}>
            <Statistic title={t(key)} value={value} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
