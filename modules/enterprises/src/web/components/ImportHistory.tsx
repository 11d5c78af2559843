/** 导入记录 of the registry: the platform's history of its runs (a town officer's own), with an accepted run's changes. */
import { useCallback, useMemo, useState } from 'react';
import { Button, Drawer, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { UnorderedListOutlined } from '@ant-design/icons';
import type { ImportRun } from '@kechuang/platform-core';
import { DataTable, useT, type ImportRunHistoryProps, type TFunction } from '@kechuang/platform-web';
import { ROOT } from '../api.ts';
import type { RegistryImportChange, RegistryImportKind } from '../types.ts';

export const IMPORT_KINDS: readonly RegistryImportKind[] = ['enterprises', 'years', 'qualifications'];
/** import_runs.kind of each registry import (the server's RUN_KINDS) */
export const RUN_KIND: Record<RegistryImportKind, string> = {
  enterprises: 'registryEnterprises',
  years: 'registryYears',
  qualifications: 'registryQualifications',
};
const KIND_OF_RUN = new Map(IMPORT_KINDS.map((k) => [RUN_KIND[k], k]));

/** the platform history's props for the registry's runs (filtered by kind), and the drawer of an accepted run's changes */
export function useImportHistory(): { history: ImportRunHistoryProps; drawer: React.ReactNode } {
  const t = useT();
  const [kind, setKind] = useState<RegistryImportKind>();
  const [shown, setShown] = useState<ImportRun | null>(null);
  const extraColumns = useMemo<TableColumnsType<ImportRun>>(
    () => [
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
    [t],
  );
  const kindLabel = useCallback((k: string) => t(`ent.import.kind.${KIND_OF_RUN.get(k) ?? k}`), [t]);
  return {
    history: {
      kinds: kind ? [RUN_KIND[kind]] : IMPORT_KINDS.map((k) => RUN_KIND[k]),
      kindLabel,
      extraColumns,
      filters: (
        <Select
          allowClear
          placeholder={t('ent.import.kindLabel')}
          style={{ width: 130 }}
          value={kind}
          onChange={setKind}
          options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`ent.import.kind.${k}`) }))}
        />
      ),
    },
    drawer: <ImportChanges run={shown} onClose={() => setShown(null)} />,
  };
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
function ImportChanges({ run, onClose }: { run: ImportRun | null; onClose: () => void }) {
  const t = useT();
  const columns = useMemo<TableColumnsType<RegistryImportChange>>(
    () => [
      {
        title: t('ent.field.uscc'),
        dataIndex: 'uscc',
        sorter: true,
        width: 180,
        render: (u: string) => <span style={{ fontFamily: 'monospace', fontSize: 12 }}>{u}</span>,
      },
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
    <Drawer
      open={run !== null}
      onClose={onClose}
      size={1000}
      title={run ? t('ent.import.changesTitle', { id: run.id, file: run.fileName }) : ''}
      destroyOnHidden
    >
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
