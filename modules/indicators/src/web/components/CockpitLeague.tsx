/** The cockpit's league of towns and parks; a town officer sees their own rank among all units. */
import { Empty, Flex, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '@kechuang/platform-web';
import type { Standing } from '../types.ts';
import { CompletionBar, GreenShare, LightCountsInline, RankBadge } from './Standings.tsx';

export function CockpitLeague({ league, unitCount, period }: { league: Standing[]; unitCount: number; period: string }) {
  const t = useT();
  if (league.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  if (league.length === 1 && unitCount > 1) {
    const own = league[0];
    return (
      <Flex vertical gap={16} data-testid="own-rank">
        <Statistic
          title={own.regionName}
          value={t('ind.cockpit.ownRank', { rank: own.rank, count: unitCount })}
          styles={{ content: { fontSize: 26, fontWeight: 600 } }}
        />
        <LightCountsInline counts={own} />
        <div>
          <Typography.Text type="secondary">{t('ind.field.greenShare')}</Typography.Text>
          <GreenShare value={own.greenShare} />
        </div>
        <div>
          <Typography.Text type="secondary">{t('ind.field.meanCompletion')}</Typography.Text>
          <CompletionBar value={own.completion} />
        </div>
      </Flex>
    );
  }
  return (
    <div data-testid="cockpit-league">
      <Table<Standing>
        size="small"
        rowKey="regionCode"
        pagination={false}
        dataSource={league}
        columns={[
          { title: t('ind.field.rank'), dataIndex: 'rank', width: 56, align: 'center', render: (r: number) => <RankBadge rank={r} /> },
          {
            title: t('ind.field.region'),
            dataIndex: 'regionName',
            width: 170,
            render: (name: string, s) => <Link to={`/report?region=${s.regionCode}&period=${period}`}>{name}</Link>,
          },
          { title: t('ind.field.lights'), key: 'lights', width: 230, render: (_: unknown, s) => <LightCountsInline counts={s} /> },
          { title: t('ind.field.greenShare'), dataIndex: 'greenShare', width: 150, render: (v: number | null) => <GreenShare value={v} /> },
          { title: t('ind.field.meanCompletion'), dataIndex: 'completion', width: 150, render: (v: number | null) => <CompletionBar value={v} /> },
        ]}
      />
    </div>
  );
}
