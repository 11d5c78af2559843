/** The one year (or period) every figure of a view is of, shown in its header: 数据年份 2025. */
import { Tag, Tooltip } from 'antd';
import { useT } from '@kechuang/platform-web';

export function DataYear({ period, latest = false }: { period: string | undefined; latest?: boolean }) {
  const t = useT();
  if (!period) return null;
  const key = latest ? 'ind.view.latestYear' : /^\d{4}$/.test(period) ? 'ind.view.year' : 'ind.view.period';
  return (
    <Tooltip title={latest ? undefined : t('ind.view.yearHint')}>
      <Tag color="blue" data-testid="data-year" style={{ marginInlineStart: 12, fontSize: 14, lineHeight: '24px', fontWeight: 500, verticalAlign: 'middle' }}>
        {t(key, { period })}
      </Tag>
    </Tooltip>
  );
}
