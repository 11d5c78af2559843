/**
 * 技术合同登记: the contracts the user may see as a DataTable — filters (status, type, field, year, town,
 * direction, overdue), the deadline clock, a link to each contract; the clerk's import (the platform's workbench)
 * and the submission form; the export of the filtered list.
 */
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Button, Checkbox, Select, Space, type TableColumnsType } from 'antd';
import { BarChartOutlined, CloudUploadOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { BUREAU_ROLES, DataTable, PageHeader, bureauYear, useAuth, useT, useUnits } from '@kechuang/platform-web';
import { STATUSES, TECH_CONTRACT_TYPES, TECH_FIELD_KEYS } from '../../domain/index.ts';
import { ROOT } from '../api.ts';
import { ContractImportDialog } from '../components/ContractImportDialog.tsx';
import { DeadlineClock, StatusTag, SyntheticMark, wan } from '../components/ContractLabels.tsx';
import type { TechContract } from '../types.ts';

const ROW_ATTRS = { 'data-testid': 'tc-row' } as HTMLAttributes<HTMLElement>;

export function ContractsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { hasRole, user } = useAuth();
  const isClerk = hasRole(...BUREAU_ROLES);
  const canSubmit = isClerk || hasRole('enterpriseUser');
  const isRegion = user?.role !== 'enterpriseUser';
  const units = useUnits();
  const [status, setStatus] = useState<string>();
  const [type, setType] = useState<string>();
  const [field, setField] = useState<string>();
  const [year, setYear] = useState<number>();
  const [regionCode, setRegion] = useState<string>();
  const [direction, setDirection] = useState<string>();
  const [overdue, setOverdue] = useState(false);
  const [isImporting, setImporting] = useState(false);
  const years = useMemo(() => Array.from({ length: 6 }, (_, i) => bureauYear() - i), []);

  const columns = useMemo<TableColumnsType<TechContract>>(
    () => [
      {
        title: t('tc.col.title'),
        dataIndex: 'title',
        render: (title: string, c) => (
          <div>
            <Space size={4}>
              <Link to={`/tech-contracts/${c.id}`} data-testid="tc-link">
                {title}
              </Link>
              <SyntheticMark shown={c.isSynthetic} />
            </Space>
            <div style={{ fontFamily: 'monospace', fontSize: 12, color: '#8c8c8c' }}>{c.registrationNo ?? ''}</div>
          </div>
        ),
      },
      { title: t('tc.col.type'), dataIndex: 'type', width: 100, render: (v: string) => t(`tc.type.${v}`) },
      {
        title: t('tc.col.seller'),
        key: 'seller',
        render: (_, c) => (
          <div>
            <div>{c.seller.name}</div>
            <div style={{ fontSize: 12, color: '#8c8c8c' }}>{c.seller.regionName ?? t(`tc.location.${c.seller.location}`)}</div>
          </div>
        ),
      },
      {
        title: t('tc.col.buyer'),
        key: 'buyer',
        render: (_, c) => (
          <div>
            <div>{c.buyer.name}</div>
            <div style={{ fontSize: 12, color: '#8c8c8c' }}>{c.buyer.regionName ?? t(`tc.location.${c.buyer.location}`)}</div>
          </div>
        ),
      },
      { title: t('tc.col.signedOn'), dataIndex: 'signedOn', sorter: true, width: 110 },
      { title: t('tc.col.contractAmount'), dataIndex: 'contractAmount', sorter: true, align: 'right', width: 130, render: (v: number) => wan(v) },
      { title: t('tc.col.techAmount'), dataIndex: 'techAmount', sorter: true, align: 'right', width: 130, render: (v: number) => wan(v) },
      { title: t('tc.col.status'), dataIndex: 'status', width: 100, render: (s: TechContract['status']) => <StatusTag status={s} /> },
      { title: t('tc.col.clock'), key: 'deadline', sorter: true, width: 120, render: (_, c) => <DeadlineClock contract={c} /> },
    ],
    [t],
  );

  const options = (keys: readonly string[], prefix: string) => keys.map((k) => ({ value: k, label: t(`${prefix}.${k}`) }));
  return (
    <>
      <PageHeader
        title={t('tc.title')}
        subtitle={t('tc.subtitle')}
        extra={
          <Space>
            {isRegion && (
              <Button icon={<BarChartOutlined />} onClick={() => void navigate('/tech-contract-stats')}>
                {t('tc.stats')}
              </Button>
            )}
            {isClerk && (
              <Button icon={<CloudUploadOutlined />} onClick={() => setImporting(true)} data-testid="tc-import">
                {t('tc.import')}
              </Button>
            )}
            {canSubmit && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/tech-contracts/new')} data-testid="tc-new">
                {t('tc.new')}
              </Button>
            )}
          </Space>
        }
      />
      <DataTable<TechContract>
        url={ROOT}
        rowKey="id"
        columns={columns}
        searchPlaceholder={t('tc.search')}
        params={{ status, type, field, year, regionCode, direction, overdue: overdue ? 'true' : undefined }}
        onRow={() => ROW_ATTRS}
        data-testid="tc-table"
        filters={
          <>
            <Select
              allowClear
              placeholder={t('tc.filter.status')}
              style={{ width: 120 }}
              value={status}
              onChange={setStatus}
              options={options(STATUSES, 'tc.status')}
            />
            <Select
              allowClear
              placeholder={t('tc.filter.type')}
              style={{ width: 120 }}
              value={type}
              onChange={setType}
              options={options(TECH_CONTRACT_TYPES, 'tc.type')}
            />
            <Select
              allowClear
              placeholder={t('tc.filter.field')}
              style={{ width: 160 }}
              value={field}
              onChange={setField}
              options={options(TECH_FIELD_KEYS, 'tc.field')}
            />
            <Select
              allowClear
              placeholder={t('tc.filter.year')}
              style={{ width: 100 }}
              value={year}
              onChange={setYear}
              options={years.map((y) => ({ value: y, label: y }))}
            />
            {isRegion && (
              <Select
                allowClear
                placeholder={t('tc.filter.town')}
                style={{ width: 140 }}
                value={regionCode}
                onChange={setRegion}
                options={(units.data?.units ?? []).map((u) => ({ value: u.code, label: u.name }))}
              />
            )}
            <Select
              allowClear
              placeholder={t('tc.filter.direction')}
              style={{ width: 190 }}
              value={direction}
              onChange={setDirection}
              options={['exported', 'absorbed'].map((d) => ({ value: d, label: t(`tc.direction.${d}`) }))}
            />
            <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)} data-testid="tc-overdue">
              {t('tc.filter.overdue')}
            </Checkbox>
          </>
        }
      />
      <ContractImportDialog open={isImporting} onClose={() => setImporting(false)} />
    </>
  );
}
