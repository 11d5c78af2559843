/**
 * A headline indicator on the cockpit: actual, target, completion, coloured by its light; a grey light with a figure
 * says 无目标 / 无基数; a registry count that differs from the stated baseline of its year is shown with why.
 */
import { Card, Flex, Progress, Tooltip, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { formatPercent, useLang, useT } from '@kechuang/platform-web';
import type { ReportItem } from '../types.ts';
import { figure, indicatorName } from '../format.ts';
import { LIGHT_BACKGROUNDS, LIGHT_COLOURS, LightTag } from './LightTag.tsx';
import { SourceTag } from './SourceTag.tsx';
import { ComparisonLine } from './ComputedComparison.tsx';

export function HeadlineCard({ item, regionCode }: { item: ReportItem; regionCode: string }) {
  const t = useT();
  const lang = useLang();
  const navigate = useNavigate();
  const colour = LIGHT_COLOURS[item.light];
  const percent = item.completion === null ? 0 : Math.max(0, Math.min(100, item.completion * 100));
  return (
    <Card
      hoverable
      size="small"
      onClick={() => navigate(`/trend?region=${regionCode}&indicator=${item.code}`)}
      style={{ height: '100%', borderTop: `4px solid ${colour}`, background: `linear-gradient(180deg, ${LIGHT_BACKGROUNDS[item.light]} 0%, #fff 60%)` }}
      styles={{ body: { padding: 16 } }}
      data-testid={`headline-${item.code}`}
      data-light={item.light}
    >
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Tooltip title={indicatorName(item, lang)}>
          <Typography.Text
            strong
            style={{
              fontSize: 14,
              lineHeight: '20px',
              height: 40,
              overflow: 'hidden',
              display: '-webkit-box',
              WebkitLineClamp: 2,
              WebkitBoxOrient: 'vertical',
            }}
          >
            {indicatorName(item, lang)}
          </Typography.Text>
        </Tooltip>
        <LightTag light={item.light} item={item} />
      </Flex>
      <div style={{ margin: '10px 0 4px', fontSize: 28, fontWeight: 600, color: '#1f1f1f', lineHeight: 1.2 }}>{figure(item.actual, item)}</div>
      <Flex justify="space-between" style={{ fontSize: 12, color: '#8c8c8c' }}>
        <span>
          {t('ind.field.expected')} {figure(item.expected, item)}
        </span>
        <span>
          {item.targetPeriod ? t('ind.cockpit.targetIn', { period: item.targetPeriod }) : t('ind.field.target')} {figure(item.target, item)}
        </span>
      </Flex>
      <Flex align="center" gap={8} style={{ marginTop: 8 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {t('ind.field.completion')}
        </Typography.Text>
        <Progress percent={percent} strokeColor={colour} showInfo={false} size="small" style={{ margin: 0, flex: 1 }} />
        <Typography.Text strong style={{ fontSize: 13, minWidth: 48, textAlign: 'right' }}>
          {formatPercent(item.completion)}
        </Typography.Text>
      </Flex>
      {item.comparisons.map((c) => (
        <div key={c.period} style={{ marginTop: 6 }} onClick={(e) => e.stopPropagation()}>
          <ComparisonLine item={item} comparison={c} beside="both" />
        </div>
      ))}
      {item.actualSynthetic && (
        <div style={{ marginTop: 8 }}>
          <SourceTag source={item.actualSource} synthetic />
        </div>
      )}
    </Card>
  );
}
