/**
 * 企业库导入: choose what the file holds (企业名录 · 年度数据 · 资质名单), download its template, upload
 * with progress, then the summary or every bad row — a file with one bad row imports nothing (the
 * platform's import workbench). Town officers import their own town's enterprises and years; qualification
 * lists are the bureau's.
 */
import { useState } from 'react';
import { Segmented, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { BUREAU_ROLES, ImportWorkbench, PageHeader, useAuth, useT } from '@kechuang/platform-web';
import { ROOT } from '../api.ts';
import { IMPORT_KINDS, useImportHistory } from '../components/ImportHistory.tsx';
import { ImportSummary } from '../components/ImportOutcome.tsx';
import type { RegistryImportKind, RegistryImportResult } from '../types.ts';

export function ImportPage() {
  const t = useT();
  const { hasRole } = useAuth();
  const queryClient = useQueryClient();
  const kinds = hasRole(...BUREAU_ROLES) ? IMPORT_KINDS : IMPORT_KINDS.filter((k) => k !== 'qualifications');
  const [kind, setKind] = useState<RegistryImportKind>('enterprises');
  const { history, drawer } = useImportHistory();
  const settled = () => {
    // the registry, its lists and counts may have changed
    void queryClient.invalidateQueries({ queryKey: ['enterprises'] });
    void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'list' && String(q.queryKey[1]).startsWith(ROOT) });
  };

  return (
    <>
      <PageHeader title={t('ent.import.title')} subtitle={t('ent.import.subtitle')} />
      <ImportWorkbench<RegistryImportResult>
        uploadUrl={`${ROOT}/import?kind=${kind}`}
        resetKey={kind}
        steps={[
          {
            title: t('ent.import.step0'),
            // another kind while a file is on its way would clear its outcome and mislabel it
            content: (busy: boolean) => (
              <div style={{ paddingBottom: 12 }}>
                <Segmented<RegistryImportKind>
                  value={kind}
                  onChange={setKind}
                  disabled={busy}
                  options={kinds.map((k) => ({ value: k, label: t(`ent.import.kind.${k}`) }))}
                  data-testid="import-kind"
                />
                <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                  {t(`ent.import.kindHint.${kind}`)}
                </Typography.Paragraph>
              </div>
            ),
          },
        ]}
        template={{
          url: `${ROOT}/template`,
          params: { kind },
          label: t('ent.import.download', { kind: t(`ent.import.kind.${kind}`) }),
          hint: t('ent.import.step1Hint'),
        }}
        uploadTitle={`${t('ent.import.step2')} · ${t(`ent.import.kind.${kind}`)}`}
        drop={{ title: t('ent.import.drop'), hint: t('ent.import.dropHint') }}
        summary={(result, fileName) => <ImportSummary result={result} fileName={fileName} />}
        onSettled={settled}
        history={{ ...history, title: t('ent.import.history') }}
      />
      {drawer}
    </>
  );
}
