/**
 * 未参评 and 数据处理: the entities read but not scored (why, as a sentence), the imputed cells (indicator by name, the value
 * in its unit, the method in words) and the winsorisation bounds in the indicator's unit.
 */
import { Alert, Card, Table, Typography } from 'antd';
import { DataTable, useT } from '@kechuang/platform-web';
import { formatFigure, leafFigure } from '../../domain/figures.ts';
import { ROOT } from '../api.ts';
import type { ExcludedItem, Run } from '../types.ts';
import { useMethodLabel } from './Labels.tsx';

export function ExcludedTable({ run }: { run: Run }) {
  const t = useT();
  return (
    <DataTable<ExcludedItem>
      url={`${ROOT}/runs/${run.id}/excluded`}
      exportUrl={false}
      rowKey="entityId"
      size="small"
      searchPlaceholder={t('ev.res.search')}
      data-testid="excluded-table"
      columns={[
        { title: t('ev.field.id'), dataIndex: 'entityId', width: 110 },
        { title: t('ev.res.label'), dataIndex: 'label', width: 280 },
        { title: t('ev.res.region'), dataIndex: 'regionName', width: 110, render: (v: string | null) => v ?? '—' },
        { title: t('ev.exc.reason'), dataIndex: 'reason' },
      ]}
    />
  );
}

export function TreatmentPanel({ run }: { run: Run }) {
  const t = useT();
  const label = useMethodLabel();
  const s = run.summary;
  const leaf = new Map(run.leaves.map((l) => [l.id, l]));
  const leafName = (id: string) => leaf.get(id)?.name ?? id;
  const byName = (c: string) => run.columns[c]?.name ?? c;
  const figure = (id: string, x: number) => {
    const l = leaf.get(id);
    return l ? leafFigure(x, l) : formatFigure(x);
  };
  return (
    <>
      {s.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('ev.run.warnings')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {s.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
        />
      )}
      <Card size="small" title={t('ev.winsorised.title')} style={{ marginBottom: 12 }} data-testid="winsorised">
        {s.winsorised.length === 0
          ? t('ev.none')
          : s.winsorised.map((w) => (
              <div key={w.leaf}>
                {t('ev.winsorised.row', {
                  leaf: leafName(w.leaf),
                  low: figure(w.leaf, w.low),
                  high: figure(w.leaf, w.high),
                  raised: w.raised,
                  lowered: w.lowered,
                })}
              </div>
            ))}
      </Card>
      <Card size="small" title={t('ev.imputed.title', { n: s.imputedCount })}>
        {s.imputedCount > s.imputed.length && (
          <Typography.Paragraph type="secondary">{t('ev.imputed.shown', { shown: s.imputed.length, n: s.imputedCount })}</Typography.Paragraph>
        )}
        <Table
          size="small"
          rowKey={(r) => `${r.id}|${r.indicator}`}
          dataSource={s.imputed}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          data-testid="imputed-table"
          columns={[
            { title: t('ev.imputed.entity'), key: 'entity', render: (_: unknown, r) => r.label ?? r.id },
            { title: t('ev.imputed.indicator'), dataIndex: 'indicator', render: (id: string) => leafName(id) },
            { title: t('ev.imputed.value'), key: 'value', align: 'right', render: (_: unknown, r) => figure(r.indicator, r.value) },
            {
              title: t('ev.imputed.method'),
              key: 'method',
              render: (_: unknown, r) =>
                `${label('imputation', r.method)}${r.group ? t('ev.imputed.group', { by: byName(imputedBy(run) ?? ''), group: r.group }) : ''}`,
            },
          ]}
        />
      </Card>
    </>
  );
}

/** the column the run's own imputation groups by (industry), if any */
function imputedBy(run: Run): string | null {
  const imp = (run.scheme as { imputation?: { by?: unknown } }).imputation;
  return typeof imp?.by === 'string' ? imp.by : null;
}
