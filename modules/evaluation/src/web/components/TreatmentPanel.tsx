/** 未参评 and 数据处理: the entities read but not scored (why), the imputed cells and the winsorisation bounds. */
import { Alert, Card, Table, Typography } from 'antd';
import { DataTable, formatNumber, useT } from '@kechuang/platform-web';
import { ROOT } from '../api.ts';
import type { ExcludedItem, Run } from '../types.ts';

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
  const s = run.summary;
  return (
    <>
      {s.warnings.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('ev.run.warnings')} description={<ul style={{ margin: 0, paddingLeft: 18 }}>{s.warnings.map((w) => <li key={w}>{w}</li>)}</ul>} />}
      <Card size="small" title={t('ev.winsorised.title')} style={{ marginBottom: 12 }}>
        {s.winsorised.length === 0 ? t('ev.none') : s.winsorised.map((w) => (
          <div key={w.leaf}>{t('ev.winsorised.row', { leaf: w.leaf, low: formatNumber(w.low, 4), high: formatNumber(w.high, 4), raised: w.raised, lowered: w.lowered })}</div>
        ))}
      </Card>
      <Card size="small" title={t('ev.imputed.title', { n: s.imputedCount })}>
        {s.imputedCount > s.imputed.length && <Typography.Paragraph type="secondary">{s.imputed.length} / {s.imputedCount}</Typography.Paragraph>}
        <Table
          size="small"
          rowKey={(r) => `${r.id}|${r.indicator}`}
          dataSource={s.imputed}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: t('ev.imputed.entity'), key: 'entity', render: (_: unknown, r) => r.label ?? r.id },
            { title: t('ev.imputed.indicator'), dataIndex: 'indicator' },
            { title: t('ev.imputed.value'), dataIndex: 'value', align: 'right', render: (v: number) => formatNumber(v, 4) },
            { title: t('ev.imputed.method'), key: 'method', render: (_: unknown, r) => `${t(`ev.m.imp.${r.method}`).split('：')[0]}${r.group ? `（${r.group}）` : ''}` },
          ]}
        />
      </Card>
    </>
  );
}
