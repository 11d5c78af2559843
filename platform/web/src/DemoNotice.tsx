/**
 * The one notice every page shows while the platform holds demo data (GET /api/notices): the synthetic
 * towns, registry and carriers are not real, and neither is anything computed or rolled up from them.
 */
import { Alert } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from './api.ts';
import { useT } from './i18n.ts';

export function useNotices() {
  return useQuery({ queryKey: ['notices'], queryFn: () => api.get<{ demoData: boolean }>('/api/notices'), staleTime: 60_000 });
}

export function DemoNotice({ variant = 'banner' }: { variant?: 'banner' | 'text' }) {
  const t = useT();
  const notices = useNotices();
  if (!notices.data?.demoData) return null;
  if (variant === 'text') return <span data-testid="demo-notice">{t('notice.demoShort')}</span>;
  return <Alert type="warning" showIcon banner title={t('notice.demo')} data-testid="demo-notice" style={{ marginBottom: 16 }} />;
}
