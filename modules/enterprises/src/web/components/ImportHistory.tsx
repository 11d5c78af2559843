/** 导入记录 of the registry: every run (a town officer's own), its errors as a file, an accepted run's changes. */
import { useMemo, useState } from 'react';
import { App, Badge, Button, Drawer, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { DataTable, downloadFile, errorMessage, formatDateTime, useT, type TFunction } from '@kechuang/platform-web';
import { ROOT } from '../api.ts';
import type { RegistryImportChange, RegistryImportKind, RegistryImportRun } from '../types.ts';

export const IMPORT_KINDS: readonly RegistryImportKind[] = ['enterprises', 'years', 'qualifications'];

export function ImportHistory() {
  const t = useT();
  const { message } = App.useApp();
  const [kind, setKind] = useState<RegistryImportKind>();
  const [shown, setShown] = useState<RegistryImportRun | null>(null);
  const columns = useMemo<TableColumnsType<RegistryImportRun>>(
    () => [
      { title: t('ent.import.at'), dataIndex: 'at', sorter: true, width: 150, render: formatDateTime },
      { title: t('ent.import.kindLabel'), dataIndex: 'kind', width: 100, render: (k: RegistryImportKind) => <Tag>{t(`ent.import.kind.${k}`)}</Tag> },
      { title: t('ent.import.fileName'), dataIndex: 'fileName', sorter: true, ellipsis: true },
      { title: t('ent.import.user'), dataIndex: 'username', sorter: true, width: 110, render: (u: string | null) => u ?? '—' },
      {
        title: t('ent.import.status'),
        dataIndex: 'status',
        sorter: true,
        width: 100,
        render: (s: RegistryImportRun['status']) => <Badge status={s === 'accepted' ? 'success' : 'error'} text={t(`ent.import.${s}`)} />,
      },
      { title: t('ent.import.rows'), dataIndex: 'rowCount', sorter: true, width: 80, align: 'right' },
      { title: t('ent.import.inserted'), dataIndex: 'inserted', width: 70, align: 'right' },
      { title: t('ent.import.updated'), dataIndex: 'updated', width: 70, align: 'right' },
      { title: t('ent.import.unchanged'), dataIndex: 'unchanged', width: 80, align: 'right' },
      {
        title: t('ent.import.errorCount'),
        dataIndex: 'errorCount',
        width: 100,
        render: (n: number, r) =>
          n > 0 ? (
            <Button size="small" type="link" danger icon={<DownloadOutlined />} onClick={() => downloadFile(`${ROOT}/import-runs/${r.id}/errors`).catch((e: unknown) => message.error(errorMessage(e)))}>
              {n}
            </Button>
          ) : (
            0
          ),
      },
      {
        title: t('ent.import.changes'),
        key: 'changes',
        width: 110,
        render: (_: unknown, r) =>
          r.status === 'accepted' && r.inserted + r.updated > 0 ? (
            <Button size="small" type="link" icon={<UnorderedListOutlined />} onClick={() => setShown(r)}>
              {t('ent.import.changes')}
            </Button>
          ) : null,
      },
    ],
    [t, message],
  );
  return (
    <>
      <DataTable<RegistryImportRun>
        url={`${ROOT}/import-runs`}
        exportUrl={false}
        rowKey="id"
        columns={columns}
        params={{ kind }}
        size="small"
        defaultPageSize={10}
        searchPlaceholder={t('ent.import.searchPlaceholder')}
        filters={<Select allowClear placeholder={t('ent.import.kindLabel')} style={{ width: 130 }} value={kind} onChange={setKind} options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`ent.import.kind.${k}`) }))} />}
      />
      <ImportChanges run={shown} onClose={() => setShown(null)} />
    </>
  );
}

/** a changed field's label: the registry's own name for it when it has one */
function fieldLabel(t: TFunction, field: string): string {
  for (const key of [`ent.field.${field}`, `ent.qual.${field}`]) {
    const label = t(key);
    if (label !== key) return label;
  }
  return field;
}

/** a changed value as a person reads it: no quotes, "—" for nothing */
function shown(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** before → after of the fields an accepted run changed, one line per enterprise, year or certificate */
function ImportChanges({ run, onClose }: { run: RegistryImportRun | null; onClose: () => void }) {
  const t = useT();
  const columns = useMemo<TableColumnsType<RegistryImportChange>>(
    () => [
      { title: t('ent.field.uscc'), dataIndex: 'uscc', sorter: true, width: 180, render: (u: string) => <span style={{ fontFamily: 'monospace', fontSize: 12 }}>{u}</span> },
      { title: t('ent.field.name'), dataIndex: 'name', sorter: true, width: 200, ellipsis: true, render: (n: string | null) => n ?? '—' },
      { title: t('ent.import.target'), dataIndex: 'target', width: 90, render: (x: RegistryImportChange['target']) => t(`ent.import.target.${x}`) },
      { title: t('ent.import.key'), dataIndex: 'key', sorter: true, width: 150 },
      {
        title: t('ent.import.change'),
        dataIndex: 'change',
        sorter: true,
        width: 80,
        render: (c: RegistryImportChange['change']) => <Tag color={c === 'inserted' ? 'green' : 'blue'}>{t(`ent.import.change.${c}`)}</Tag>,
      },
      {
        title: t('ent.import.detail'),
        key: 'detail',
        render: (_: unknown, c) => (
          <Typography.Text style={{ fontSize: 12 }}>
            {Object.entries(c.after)
              .filter(([k, v]) => !c.before || JSON.stringify(c.before[k]) !== JSON.stringify(v))
              .map(([k, v]) => `${fieldLabel(t, k)}：${c.before ? `${shown(c.before[k])} → ` : ''}${shown(v)}`)
              .join('；')}
          </Typography.Text>
        ),
      },
    ],
    [t],
  );
  return (
    <Drawer open={run !== null} onClose={onClose} size={1000} title={run ? t('ent.import.changesTitle', { id: run.id, file: run.fileName }) : ''} destroyOnHidden>
      {run && (
        <DataTable<RegistryImportChange>
          url={`${ROOT}/import-runs/${run.id}/changes`}
          rowKey={(c) => `${c.target}|${c.uscc}|${c.key}`}
          columns={columns}
          size="small"
          searchPlaceholder={t('ent.registry.searchPlaceholder')}
        />
      )}
    </Drawer>
  );
}
