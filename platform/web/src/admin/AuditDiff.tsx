/** Before/after of one audit row as a field-by-field table, changed fields highlighted. */
import { Table, Typography } from 'antd';
import { useT } from '../i18n.ts';

interface DiffRow {
  field: string;
  before: string;
  after: string;
  isChanged: boolean;
}

const show = (v: unknown): string => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function diffRows(before: unknown, after: unknown): DiffRow[] {
  if (!isRecord(before) && !isRecord(after)) {
    return [{ field: '—', before: show(before), after: show(after), isChanged: show(before) !== show(after) }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .map((field) => ({
      field,
      before: isRecord(before) ? show(b[field]) : '',
      after: isRecord(after) ? show(a[field]) : '',
      isChanged: show(b[field]) !== show(a[field]),
    }))
    .sort((x, y) => Number(y.isChanged) - Number(x.isChanged));
}

export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const t = useT();
  const rows = diffRows(before, after);
  const changedStyle = { background: '#fffbe6' };
  return (
    <Table<DiffRow>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      onRow={(r) => ({ style: r.isChanged ? changedStyle : undefined })}
      columns={[
        { title: t('audit.field'), dataIndex: 'field', width: 180, render: (f: string, r) => (r.isChanged ? <b>{f}</b> : f) },
        {
          title: t('audit.before'),
          dataIndex: 'before',
          render: (v: string, r) => (
            <Typography.Text delete={r.isChanged && !!v} type={r.isChanged && v ? 'danger' : undefined}>
              {v || '—'}
            </Typography.Text>
          ),
        },
        {
          title: t('audit.after'),
          dataIndex: 'after',
          render: (v: string, r) => <Typography.Text type={r.isChanged && v ? 'success' : undefined}>{v || '—'}</Typography.Text>,
        },
      ]}
    />
  );
}
