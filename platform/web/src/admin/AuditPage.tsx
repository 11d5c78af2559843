/** 审计日志: every write, filterable by user, action, entity and date; before/after in the expanded row. */
import { useMemo, useState } from 'react';
import { DatePicker, Input, Tag, type TableColumnsType } from 'antd';
import { DataTable } from '../DataTable.tsx';
import { useDebouncedValue } from '../hooks.ts';
import { formatDateTime } from '../format.ts';
import { useT } from '../i18n.ts';
import { PageHeader } from '../PageHeader.tsx';
import { AuditDiff, diffRows } from './AuditDiff.tsx';
import type { AuditRow } from './types.ts';

const actionColour = (action: string) => (action.endsWith('.create') ? 'green' : action.endsWith('.delete') ? 'red' : action.includes('import') ? 'purple' : 'blue');

export function AuditPage() {
  const t = useT();
  const [username, setUsername] = useState('');
  const [action, setAction] = useState('');
  const [range, setRange] = useState<[string, string]>(['', '']);
  const debouncedUsername = useDebouncedValue(username.trim());
  const debouncedAction = useDebouncedValue(action.trim());

  const columns = useMemo<TableColumnsType<AuditRow>>(
    () => [
      { title: t('audit.at'), dataIndex: 'at', sorter: true, width: 170, render: formatDateTime },
      { title: t('audit.username'), dataIndex: 'username', sorter: true, width: 120, render: (u: string | null) => u ?? '—' },
      { title: t('audit.action'), dataIndex: 'action', sorter: true, render: (a: string) => <Tag color={actionColour(a)}>{a}</Tag> },
      { title: t('audit.entity'), dataIndex: 'entity', sorter: true },
      { title: t('audit.entityId'), dataIndex: 'entityId', render: (v: string | null) => v ?? '—' },
      { title: t('audit.region'), dataIndex: 'regionCode', render: (v: string | null) => v ?? '—' },
      {
        title: t('audit.changes'),
        key: 'changes',
        render: (_: unknown, r) => t('audit.changed', { count: diffRows(r.before, r.after).filter((d) => d.isChanged).length }),
      },
    ],
    [t],
  );

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <DataTable<AuditRow>
        url="/api/audit"
        rowKey="id"
        columns={columns}
        defaultSort={{ field: 'at', order: 'descend' }}
        params={{ username: debouncedUsername, action: debouncedAction, from: range[0], to: range[1] }}
        filters={
          <>
            <Input allowClear placeholder={t('audit.usernameFilter')} style={{ width: 140 }} onChange={(e) => setUsername(e.target.value)} />
            <Input allowClear placeholder={t('audit.actionFilter')} style={{ width: 200 }} onChange={(e) => setAction(e.target.value)} />
            <DatePicker.RangePicker onChange={(_, s) => setRange([s[0] ?? '', s[1] ?? ''])} />
          </>
        }
        expandable={{ expandedRowRender: (r) => <AuditDiff before={r.before} after={r.after} /> }}
      />
    </>
  );
}
