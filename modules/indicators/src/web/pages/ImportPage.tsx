/** 数据导入: download the template, upload with progress, then the summary or the row-by-row errors; the history of runs (the platform's import workbench). */
import { ImportWorkbench, PageHeader, useT } from '@kechuang/platform-web';
import { useInvalidateIndicators } from '../api.ts';
import { useImportHistory } from '../components/ImportHistory.tsx';
import { ImportSummary } from '../components/ImportOutcome.tsx';
import type { ImportResult } from '../types.ts';

export function ImportPage() {
  const t = useT();
  const invalidate = useInvalidateIndicators();
  const { history, drawer } = useImportHistory();
  return (
    <>
      <PageHeader title={t('ind.import.title')} subtitle={t('ind.import.subtitle')} />
      <ImportWorkbench<ImportResult>
        uploadUrl="/api/indicators/import"
        template={{ url: '/api/indicators/template', label: t('ind.import.download'), hint: t('ind.import.step1Hint') }}
        drop={{ title: t('ind.import.drop'), hint: t('ind.import.dropHint') }}
        summary={(result, fileName) => <ImportSummary result={result} fileName={fileName} />}
        // refused runs are in the history too
        onSettled={() => void invalidate()}
        history={{ ...history, title: t('ind.import.history') }}
      />
      {drawer}
    </>
  );
}
