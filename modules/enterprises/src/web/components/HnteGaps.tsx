/**
 * 还差什么: for each failed quantitative condition, the smallest change that makes it pass with all else
 * equal (extra R&D expense over the window in 万元, people, points with the cheapest items, high-tech
 * revenue); conditions no figure can fix and figures still missing are named too.
 */
import { Alert, List, Typography } from 'antd';
import { useT, type TFunction } from '@kechuang/platform-web';
import { wan } from '../format.ts';
import { adviceItems, conditionLabel } from '../rule-text.ts';
import type { HnteCheck, HnteGap } from '../types.ts';

function gapText(t: TFunction, g: HnteGap, window: string): string {
  const amount = `${wan(g.change)} ${t('ent.unit.wan')}`;
  switch (g.code) {
    case 'rdExpenseShare':
      return t('ent.gap.rdExpenseShare', { amount, window });
    case 'rdDomesticShare':
      return t('ent.gap.rdDomesticShare', { amount });
    case 'highTechRevenueShare':
      return t('ent.gap.highTechRevenueShare', { amount });
    case 'sciTechStaffShare':
      return t('ent.gap.sciTechStaffShare', { n: g.change });
    case 'innovationScore':
      return t('ent.gap.innovationScore', { n: g.change });
    case 'registeredOneYear':
      return t('ent.gap.registeredOneYear', { n: g.change });
    default:
      return `${g.change} ${g.unit}`;
  }
}

export function HnteGaps({ hnte }: { hnte: HnteCheck }) {
  const t = useT();
  const window = hnte.window.length > 1 ? `${hnte.window[0]}–${hnte.window.at(-1)}` : String(hnte.window[0] ?? '');
  const gapCodes = new Set(hnte.gaps.map((g) => g.code));
  const unfixable = hnte.conditions.filter((c) => c.pass === false && !gapCodes.has(c.code));
  const missing = hnte.conditions.filter((c) => c.pass === null);

  return (
    <div data-testid="hnte-gaps">
      <Typography.Text strong>{t('ent.gap.title')}</Typography.Text>
      {hnte.qualified === true && <Alert type="success" showIcon title={t('ent.gap.allMet')} style={{ marginTop: 8 }} />}
      {hnte.gaps.length > 0 && (
        <List
          size="small"
          style={{ marginTop: 4 }}
          dataSource={hnte.gaps}
          renderItem={(g) => {
            const advice = g.code === 'innovationScore' ? adviceItems(t, g.advice) : [];
            return (
              <List.Item style={{ paddingInline: 0, display: 'block' }} data-testid="hnte-gap" data-code={g.code}>
                <Typography.Text strong>{conditionLabel(t, g.code)}</Typography.Text>
                <span style={{ color: '#cf1322' }}>：{gapText(t, g, window)}</span>
                {advice.length > 0 && (
                  <div style={{ fontSize: 12, color: '#595959', marginTop: 2 }}>
                    {t('ent.gap.cheapest')}
                    {advice.join('；')}
                  </div>
                )}
              </List.Item>
            );
          }}
        />
      )}
      {unfixable.length > 0 && (
        <div style={{ marginTop: 8, fontSize: 13 }}>
          <Typography.Text type="danger">{t('ent.gap.unfixable')}</Typography.Text>
          {unfixable.map((c) => conditionLabel(t, c.code)).join('、')}
        </div>
      )}
      {missing.length > 0 && (
        <div style={{ marginTop: 8, fontSize: 13 }}>
          <Typography.Text type="warning">{t('ent.gap.missing')}</Typography.Text>
          {missing.map((c) => conditionLabel(t, c.code)).join('、')}
        </div>
      )}
      {hnte.qualified !== true && hnte.gaps.length === 0 && unfixable.length === 0 && missing.length === 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('ent.gap.none')}
        </Typography.Paragraph>
      )}
    </div>
  );
}
