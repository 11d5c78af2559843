/** 导出 Excel for views that are not a DataTable (the published list). */
import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { downloadFile, errorMessage, useT, type QueryParams } from '@kechuang/platform-web';

export function ExportButton({ url, query, testId }: { url: string; query?: QueryParams; testId?: string }) {
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
      {t('common.export')}
    </Button>
  );
}
