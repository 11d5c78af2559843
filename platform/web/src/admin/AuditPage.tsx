/** 审计日志: every write, filterable by user, action, entity and date; before/after in the expanded row. */
import { useMemo, useState } from 'react';
import { DatePicker, Input, Tag, Tooltip, type TableColumnsType } from 'antd';
import { DataTable } from '../DataTable.tsx';
import { useDebouncedValue } from '../hooks.ts';
import { formatDateTime } from '../format.ts';
import { useT } from '../i18n.ts';
import { PageHeader } from '../PageHeader.tsx';
import { AuditDiff, diffRows } from './AuditDiff.tsx';
import type { AuditRow } from './types.ts';

/** a code in words: the message `audit.<kind>.<code>` registered by the room that writes it, else the code itself */
function codeText(t: (k: string) => string, kind: 'act' | 'ent', code: string): string {
  const key = `audit.${kind}.${code}`;
  const text = t(key);
  return text === key ? code : text;
}

const actionColour = (action: string) =>
  action.endsWith('.create') ? 'green' : action.endsWith('.delete') ? 'red' : action.includes('import') ? 'purple' : 'blue';

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
      {
        title: t('audit.username'),
        dataIndex: 'username',
        sorter: true,
        width: 140,
        // the person's name; the login name beside it for the auditor who needs it
        render: (u: string | null, r) =>
          u === null ? (
            '—'
          ) : (
            <Tooltip title={u}>
              <span data-testid="audit-person">{r.displayName ?? u}</span>
            </Tooltip>
          ),
      },
      {
        title: t('audit.action'),
        dataIndex: 'action',
        sorter: true,
        render: (a: string) => (
          <Tooltip title={a}>
            <Tag color={actionColour(a)} data-testid="audit-action">
              {codeText(t, 'act', a)}
            </Tag>
          </Tooltip>
        ),
      },
      { title: t('audit.entity'), dataIndex: 'entity', sorter: true, render: (e: string) => codeText(t, 'ent', e) },
      { title: t('audit.entityId'), dataIndex: 'entityId', render: (v: string | null) => v ?? '—' },
      { title: t('audit.region'), dataIndex: 'regionName', render: (v: string | null, r) => v ?? r.regionCode ?? '—' },
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
