/** 亮灯赛绩: every unit × every indicator as coloured lights, the overall rank, ranking on one indicator. */
import { useMemo, useState } from 'react';
import { Alert, Card, Flex, Table, Typography, type TableProps } from 'antd';
import { ExportButton, PageHeader, errorMessage, useLang, useT } from '@kechuang/platform-web';
import { useLeague } from '../api.ts';
import { leagueColumns } from '../components/leagueColumns.tsx';
import { LightLegend } from '../components/LightLegend.tsx';
import { IndicatorSelect, PeriodSelect, usePeriodParam, useSearchParam } from '../components/Selectors.tsx';
import type { LeagueRow } from '../types.ts';
import { planName } from '../format.ts';
import { DataYear } from '../components/DataYear.tsx';

type SortKey = 'rank' | 'greenShare' | 'completion' | 'regionCode';
const SORT_KEYS: SortKey[] = ['rank', 'greenShare', 'completion', 'regionCode'];

export function LeaguePage() {
  const t = useT();
  const lang = useLang();
  const [period, setPeriod] = usePeriodParam();
  const [indicator, setIndicator] = useSearchParam('indicator');
  const [sorting, setSorting] = useState<{ sort: SortKey; order: 'ascend' | 'descend' }>({ sort: 'rank', order: 'ascend' });
  const [paging, setPaging] = useState({ page: 1, pageSize: 50 });
  // ranking on one indicator: the server orders by that indicator's rank
  const query = { period, indicator, sort: indicator ? undefined : sorting.sort, order: indicator ? undefined : sorting.order, ...paging };
  const league = useLeague(query);
  const data = league.data;
  const columns = useMemo(() => leagueColumns(data, { t, lang, indicator, ...sorting }), [data, t, lang, indicator, sorting]);
  const own = data && data.items.length === 1 && data.unitCount > 1 ? data.items[0] : null;

  const onChange: TableProps<LeagueRow>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = String(s.columnKey) as SortKey;
      setSorting(s.order && SORT_KEYS.includes(key) ? { sort: key, order: s.order } : { sort: 'rank', order: 'ascend' });
      if (indicator) setIndicator(undefined);
      return;
    }
    setPaging({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 50 });
  };

  return (
    <>
      <PageHeader
        title={
          <>
            {t('ind.league.title')}
            <DataYear period={data?.period} />
          </>
        }
        subtitle={data ? t('ind.league.subtitle', { plan: planName(data.plan, lang) }) : ' '}
        extra={
          <>
            <IndicatorSelect value={indicator} onChange={setIndicator} allowClear placeholder={t('ind.league.rankOn')} width={320} />
            <PeriodSelect value={period} onChange={setPeriod} />
            <ExportButton url="/api/indicators/league/export" query={{ period, indicator, sort: query.sort, order: query.order }} />
          </>
        }
      />
      {league.isError && <Alert type="error" showIcon title={errorMessage(league.error)} style={{ marginBottom: 16 }} />}
      {own && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="league-own-rank"
          title={<Typography.Text strong>{`${own.regionName} · ${t('ind.league.ownRank', { rank: own.rank, count: data!.unitCount })}`}</Typography.Text>}
        />
      )}
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{indicator ? t('ind.league.rankOn') : t('ind.league.overall')}</Typography.Text>
          <LightLegend />
        </Flex>
        <div data-testid="league-table">
          <Table<LeagueRow>
            rowKey="regionCode"
            size="middle"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={league.isFetching}
            onChange={onChange}
            scroll={{ x: 'max-content' }}
            pagination={(data?.total ?? 0) > paging.pageSize ? { current: paging.page, pageSize: paging.pageSize, total: data?.total ?? 0 } : false}
            sticky
          />
        </div>
      </Card>
    </>
  );
}
