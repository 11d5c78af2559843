/** 研发费用加计扣除: the estimate for the last year with R&D expense — rate, extra deduction, tax saved — said to be an estimate. */
import { Alert, Card, Descriptions, Empty, Typography } from 'antd';
import { useT } from '@kechuang/platform-web';
import { pct, wan } from '../format.ts';
import { superDeductionNoteText, superDeductionSourceText } from '../rule-text.ts';
import type { SuperDeductionEstimate } from '../types.ts';

export function SuperDeductionCard({ estimate }: { estimate: SuperDeductionEstimate | null }) {
  const t = useT();
  const money = (v: number | null) => (v === null ? '—' : `${wan(v)} ${t('ent.unit.wan')}`);
  return (
    <Card size="small" style={{ height: '100%' }} title={t('ent.sd.title')} data-testid="super-deduction">
      {estimate ? (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'year', label: t('ent.field.year'), children: estimate.year },
              { key: 'rate', label: t('ent.sd.rate'), children: estimate.rate === null ? t('ent.sd.notCovered') : pct(estimate.rate, 0) },
              { key: 'extra', label: t('ent.sd.extraDeduction'), children: money(estimate.extraDeduction) },
              { key: 'taxRate', label: t('ent.sd.taxRate'), children: pct(estimate.taxRate, 0) },
              { key: 'saved', label: t('ent.sd.taxSaved'), children: <b>{money(estimate.estimatedTaxSaved)}</b> },
              { key: 'source', label: t('ent.sd.source'), children: superDeductionSourceText(t, estimate) },
            ]}
          />
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 8 }}
            title={t('ent.sd.isEstimate')}
            description={
              estimate.notes.length > 0 && (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {estimate.notes.map((n) => (
                    <li key={n}>
                      <Typography.Text style={{ fontSize: 12 }}>{superDeductionNoteText(t, n)}</Typography.Text>
                    </li>
                  ))}
                </ul>
              )
            }
          />
        </>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ent.sd.none')} />
      )}
    </Card>
  );
}
