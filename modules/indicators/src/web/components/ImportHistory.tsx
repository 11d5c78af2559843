/** 导入记录: the platform's history of the indicator imports (a town officer sees their own), with this room's changes of an accepted run. */
import { useMemo, useState } from 'react';
import { Button, type TableColumnsType } from 'antd';
import { UnorderedListOutlined } from '@ant-design/icons';
import { useT, type ImportRunHistoryProps } from '@kechuang/platform-web';
import type { ImportRun } from '../types.ts';
import { ImportChanges } from './ImportChanges.tsx';

/** import_runs.kind of the indicator imports */
export const INDICATOR_RUN_KINDS = ['indicatorValues'];

/** the history's props for the import workbench, and the drawer of an accepted run's changes */
export function useImportHistory(): { history: ImportRunHistoryProps; drawer: React.ReactNode } {
  const t = useT();
  const [shown, setShown] = useState<ImportRun | null>(null);
  const extraColumns = useMemo<TableColumnsType<ImportRun>>(
    () => [
      {
        title: t('ind.import.changes'),
        key: 'changes',
        width: 100,
        render: (_: unknown, r) =>
          r.status === 'accepted' && r.inserted + r.updated > 0 ? (
            <Button size="small" type="link" icon={<UnorderedListOutlined />} onClick={() => setShown(r)}>
              {t('ind.import.changes')}
            </Button>
          ) : null,
      },
    ],
    [t],
  );
  return {
    history: { kinds: INDICATOR_RUN_KINDS, extraColumns: extraColumns as ImportRunHistoryProps['extraColumns'], exportUrl: '/api/indicators/imports/export' },
    drawer: <ImportChanges run={shown} onClose={() => setShown(null)} />,
  };
}
