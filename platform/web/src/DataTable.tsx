/**
 * The one table every list uses: server-side paging, sorting, search and filters, and an 导出 Excel
 * button that downloads the list's `/export` with the same query. Query string sent:
 * `page, pageSize, sort, order (ascend|descend), q` and every filter in `params` or in a column filter.
 */
import { useMemo, useState, type Key, type ReactNode } from 'react';
import { App, Button, Input, Space, Table, type TableColumnsType, type TableProps } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, downloadFile, errorMessage, type QueryParams } from './api.ts';
import { useT } from './i18n.ts';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type SortOrder = 'ascend' | 'descend';

export interface DataTableProps<T> {
  /** the list endpoint, e.g. "/api/users" */
  url: string;
  columns: TableColumnsType<T>;
  rowKey: string | ((row: T) => Key);
  /** filters from outside the table (a filter bar): sent as they are; a change goes back to page 1 */
  params?: QueryParams;
  /** default `${url}/export`; false hides the button */
  exportUrl?: string | false;
  /** false hides the search box */
  searchPlaceholder?: string | false;
  /** extra controls at the left of the toolbar (filters), and at its right (buttons) */
  filters?: ReactNode;
  actions?: ReactNode;
  defaultSort?: { field: string; order: SortOrder };
  defaultPageSize?: number;
  expandable?: TableProps<T>['expandable'];
  scrollX?: number | string;
  size?: 'small' | 'middle' | 'large';
  /** row attributes (a class for highlighting, a data-testid for browser tests) */
  onRow?: TableProps<T>['onRow'];
  'data-testid'?: string;
  /** data-testid of the search box */
  searchTestId?: string;
}

/** the query key prefix of a list, for invalidating it after a write */
export const listQueryKey = (url: string) => ['list', url] as const;

const columnKey = <T,>(c: TableColumnsType<T>[number]): string | undefined => {
  if (c.key !== undefined) return String(c.key);
  const di = (c as { dataIndex?: unknown }).dataIndex;
  return typeof di === 'string' ? di : Array.isArray(di) ? di.join('.') : undefined;
};

export function DataTable<T extends object>(props: DataTableProps<T>) {
  const t = useT();
  const { message } = App.useApp();
  const { url, params = {}, defaultPageSize = 20 } = props;
  const paramsKey = JSON.stringify(params);
  const [paging, setPaging] = useState({ key: paramsKey, page: 1, pageSize: defaultPageSize });
  const [sort, setSort] = useState<{ field?: string; order?: SortOrder }>(props.defaultSort ?? {});
  const [q, setQ] = useState('');
  const [columnFilters, setColumnFilters] = useState<Record<string, string | undefined>>({});
  const [isExporting, setExporting] = useState(false);

  // new outside filters start again at page 1
  const page = paging.key === paramsKey ? paging.page : 1;
  const filterParams: QueryParams = { ...params, ...columnFilters, q };
  const query: QueryParams = {
    ...filterParams,
    page,
    pageSize: paging.pageSize,
    sort: sort.order ? sort.field : undefined,
    order: sort.order ? sort.order : undefined,
  };

  const list = useQuery({
    queryKey: [...listQueryKey(url), query],
    queryFn: () => api.get<Page<T>>(url, query),
    placeholderData: keepPreviousData,
  });

  const columns = useMemo(
    () =>
      props.columns.map((c) => {
        const key = columnKey(c);
        const withSort = c.sorter ? { ...c, sortOrder: sort.field === key ? (sort.order ?? null) : null } : c;
        return c.filters ? { ...withSort, filteredValue: key && columnFilters[key] ? [columnFilters[key]] : null } : withSort;
      }),
    [props.columns, sort, columnFilters],
  );

  const onChange: TableProps<T>['onChange'] = (pagination, filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const field = s.columnKey !== undefined ? String(s.columnKey) : Array.isArray(s.field) ? s.field.join('.') : (s.field as string | undefined);
      setSort(s.order ? { field, order: s.order } : {});
      setPaging({ key: paramsKey, page: 1, pageSize: paging.pageSize });
      return;
    }
    if (extra.action === 'filter') {
      const next: Record<string, string | undefined> = {};
      for (const [key, values] of Object.entries(filters)) next[key] = values && values.length ? String(values[0]) : undefined;
      setColumnFilters(next);
      setPaging({ key: paramsKey, page: 1, pageSize: paging.pageSize });
      return;
    }
    setPaging({ key: paramsKey, page: pagination.current ?? 1, pageSize: pagination.pageSize ?? paging.pageSize });
  };

  const exportUrl = props.exportUrl === undefined ? `${url}/export` : props.exportUrl;
  const onExport = async () => {
    if (!exportUrl) return;
    setExporting(true);
    try {
      await downloadFile(exportUrl, { ...filterParams, sort: sort.order ? sort.field : undefined, order: sort.order });
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div data-testid={props['data-testid']}>
      <div style={{ display: 'flex', alignItems: 'flex-start', gap: 12, marginBottom: 12 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, flex: 1, minWidth: 0 }}>
          {props.searchPlaceholder !== false && (
            <Input.Search
              allowClear
              placeholder={props.searchPlaceholder ?? t('common.search')}
              style={{ width: 220 }}
              data-testid={props.searchTestId}
              onSearch={(value) => {
                setQ(value.trim());
                setPaging({ key: paramsKey, page: 1, pageSize: paging.pageSize });
              }}
            />
          )}
          {props.filters}
        </div>
        <Space>
          {props.actions}
          <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} title={t('common.refresh')} aria-label={t('common.refresh')} />
          {exportUrl && (
            <Button icon={<DownloadOutlined />} onClick={() => void onExport()} loading={isExporting}>
              {t('common.export')}
            </Button>
          )}
        </Space>
      </div>
      {list.isError && (
        <div style={{ color: '#ff4d4f', marginBottom: 8 }}>
          {t('common.loadFailed')}：{errorMessage(list.error)}
        </div>
      )}
      <Table<T>
        rowKey={props.rowKey}
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        onChange={onChange}
        expandable={props.expandable}
        onRow={props.onRow}
        size={props.size ?? 'middle'}
        scroll={props.scrollX ? { x: props.scrollX } : undefined}
        pagination={{
          current: page,
          pageSize: paging.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
        }}
      />
    </div>
  );
}
