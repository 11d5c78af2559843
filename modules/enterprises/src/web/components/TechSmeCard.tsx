/** 科技型中小企业评价: the result, the score (staff 20, R&D 50, IP 30; pass ≥ 60) and the route (score or direct). */
import { Card, Descriptions, Flex, Progress, Typography } from 'antd';
import { useT } from '@kechuang/platform-web';
import { reasonText, routeText } from '../rule-text.ts';
import type { TechSmeCheck } from '../types.ts';
import { QualifiedTag } from './HnteCheck.tsx';

const PARTS = [
  { key: 'staff', max: 20 },
  { key: 'rd', max: 50 },
  { key: 'ip', max: 30 },
] as const;

export function TechSmeCard({ techSme }: { techSme: TechSmeCheck }) {
  const t = useT();
  const { score } = techSme;
  return (
    <Card
      size="small"
      style={{ height: '100%' }}
      title={
        <Flex gap={12} align="center">
          <span>{t('ent.techSme.title')}</span>
          <QualifiedTag qualified={techSme.qualified} testId="techsme-qualified" />
        </Flex>
      }
      data-testid="techsme-result"
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'route', label: t('ent.techSme.routeLabel'), children: <span data-testid="techsme-route">{routeText(t, techSme.route)}</span> },
          {
            key: 'score',
            label: t('ent.techSme.score'),
            children: (
              <span data-testid="techsme-score">
                <b style={{ fontSize: 16, color: score.total >= 60 ? '#389e0d' : '#cf1322' }}>{score.total}</b> / 100{' '}
                <Typography.Text type="secondary">{t('ent.techSme.passLine')}</Typography.Text>
              </span>
            ),
          },
          { key: 'rule', label: t('ent.check.rule'), children: techSme.ruleVersion },
        ]}
      />
      {PARTS.map(({ key, max }) => (
        <Flex key={key} align="center" gap={8} style={{ marginBottom: 4 }}>
          <Typography.Text style={{ width: 72, flex: 'none' }}>{t(`ent.techSme.part.${key}`)}</Typography.Text>
          <Progress style={{ flex: 1, margin: 0 }} percent={(score[key] / max) * 100} showInfo={false} size={{ height: 8 }} />
          <Typography.Text style={{ width: 56, flex: 'none', textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
            {score[key]} / {max}
          </Typography.Text>
        </Flex>
      ))}
      {techSme.reasons.length > 0 && (
        <ul style={{ margin: '8px 0 0', paddingInlineStart: 18, fontSize: 12, color: '#8c8c8c' }}>
          {techSme.reasons.map((r) => (
            <li key={`${r.code}|${r.figure ?? ''}`}>{reasonText(t, r)}</li>
          ))}
        </ul>
      )}
    </Card>
  );
}
