/**
 * 工作清单: the five lists the bureau works from, one tab each, scoped to the viewer's jurisdiction,
 * paged on the server and exported to Excel with the same filters. The tab is in the URL (?list=…).
 */
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Select, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { DataTable, PageHeader, useT, bureauYear } from '@kechuang/platform-web';
import { ROOT } from '../api.ts';
import { UnitSelect } from '../components/UnitSelect.tsx';
import { workListColumns } from '../components/workListColumns.tsx';
import { WORK_LISTS, type WorkListItem, type WorkListName } from '../types.ts';

const MONTHS = [3, 6, 12, 18, 24, 36];
const ROW_ATTRS = { 'data-testid': 'worklist-row' } as HTMLAttributes<HTMLElement>;

function WorkList({ list }: { list: WorkListName }) {
  const t = useT();
  const thisYear = bureauYear();
  const [region, setRegion] = useState<string>();
  const [months, setMonths] = useState(6);
  const [year, setYear] = useState(thisYear - 1);
  const columns = useMemo(() => workListColumns(t, list), [t, list]);
  const params = { region, months: list === 'hnteExpiring' ? months : undefined, year: list === 'zeroRd' ? year : undefined };
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t(`ent.wl.${list}.hint`)}
      </Typography.Paragraph>
      <DataTable<WorkListItem>
        key={list}
        url={`${ROOT}/lists/${list}`}
        rowKey={(r) => `${r.id}|${typeof r.detail.certificateNo === 'string' ? r.detail.certificateNo : ''}`}
        columns={columns}
        params={params}
        size="small"
        searchPlaceholder={t('ent.registry.searchPlaceholder')}
        searchTestId="worklist-search"
        onRow={() => ROW_ATTRS}
        data-testid="worklist-table"
        filters={
          <>
            <UnitSelect value={region} onChange={setRegion} allowClear withDistrict width={160} hideWhenSingle />
            {list === 'hnteExpiring' && (
              <Select
                value={months}
                onChange={setMonths}
                style={{ width: 190 }}
                prefix={t('ent.wl.within')}
                options={MONTHS.map((m) => ({ value: m, label: t('ent.wl.months', { n: m }) }))}
                data-testid="worklist-months"
              />
            )}
            {list === 'zeroRd' && (
              <Select
                value={year}
                onChange={setYear}
                style={{ width: 130 }}
                prefix={t('ent.field.year')}
                options={Array.from({ length: 8 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: String(y) }))}
                data-testid="worklist-year"
              />
            )}
          </>
        }
      />
    </>
  );
}

export function WorkListsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const requested = params.get('list') as WorkListName | null;
  const active: WorkListName = requested && WORK_LISTS.includes(requested) ? requested : 'hnteCandidates';
  return (
    <>
      <PageHeader title={t('ent.wl.title')} subtitle={t('ent.wl.subtitle')} />
      <Tabs
        activeKey={active}
        destroyOnHidden
        onChange={(key) => setParams({ list: key }, { replace: true })}
        items={WORK_LISTS.map((list) => ({
          key: list,
          label: <span data-testid={`worklist-tab-${list}`}>{t(`ent.wl.${list}`)}</span>,
          children: <WorkList list={list} />,
        }))}
      />
    </>
  );
}
