/**
 * The HNTE innovation score (创新能力评价, 100 points, pass above 70, i.e. ≥ 71) per part as a band: the low end counts
 * only what the figures prove, the high end gives the expert-assessed items their maximum.
 */
import { Flex, Progress, Tooltip, Typography } from 'antd';
import { useT } from '@kechuang/platform-web';
import type { ScoreParts } from '../types.ts';

const PARTS: { key: keyof ScoreParts; max: number }[] = [
  { key: 'ip', max: 30 },
  { key: 'conversion', max: 30 },
  { key: 'rdManagement', max: 20 },
  { key: 'growth', max: 20 },
  { key: 'total', max: 100 },
];

export function ScoreBands({ score, scoreHigh }: { score: ScoreParts; scoreHigh: ScoreParts }) {
  const t = useT();
  return (
    <div data-testid="hnte-score">
      <Typography.Text strong>{t('ent.score.title')}</Typography.Text>
      <div style={{ marginTop: 8 }}>
        {PARTS.map(({ key, max }) => {
          const low = score[key];
          const high = scoreHigh[key];
          const isTotal = key === 'total';
          return (
            <Flex key={key} align="center" gap={8} style={{ marginBottom: 6 }} data-part={key}>
              <Typography.Text style={{ width: 96, flex: 'none', fontWeight: isTotal ? 600 : 400 }}>{t(`ent.score.${key}`)}</Typography.Text>
              <Tooltip title={t('ent.score.bandTip', { low, high, max })}>
                <Progress
                  style={{ flex: 1, margin: 0 }}
                  percent={(high / max) * 100}
                  success={{ percent: (low / max) * 100, strokeColor: isTotal ? (low > 70 ? '#52c41a' : '#1664d9') : '#1664d9' }}
                  strokeColor="#bae0ff"
                  showInfo={false}
                  size={{ height: isTotal ? 12 : 8 }}
                />
              </Tooltip>
              <Typography.Text style={{ width: 92, flex: 'none', textAlign: 'right', fontVariantNumeric: 'tabular-nums', fontWeight: isTotal ? 600 : 400 }}>
                {low === high ? low : `${low}–${high}`} / {max}
              </Typography.Text>
            </Flex>
          );
        })}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('ent.score.legend')}
      </Typography.Text>
    </div>
  );
}
