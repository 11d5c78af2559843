/** 导出 Excel for views that are not a DataTable (a report, the league, tier counts, a published list). */
import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { downloadFile, errorMessage, type QueryParams } from './api.ts';
import { useT } from './i18n.ts';

export function ExportButton({ url, query, label, testId }: { url: string; query?: QueryParams; label?: string; testId?: string }) {
  const t = useT();
  const { message } = App.useApp();
  const [isBusy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={isBusy}
      data-testid={testId}
      onClick={() => {
        setBusy(true);
        downloadFile(url, query)
          .catch((e: unknown) => message.error(errorMessage(e)))
          .finally(() => setBusy(false));
      }}
    >
      {label ?? t('common.export')}
    </Button>
  );
}
