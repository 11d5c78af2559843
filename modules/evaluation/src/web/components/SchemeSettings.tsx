/**
 * The scheme's methods for every node that has none of its own: normalisation (with its range or bounds),
 * aggregation, missing data (optionally by a text column such as industry), eligibility filters, and the
 * Monte Carlo's weight perturbation. Each method shows its one-line explanation.
 */
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '@kechuang/platform-web';
import type { PresetColumn, RawScheme } from '../types.ts';
import { AGGREGATIONS, IMPUTATIONS, MethodSelect, NORMALISATIONS } from './MethodSelect.tsx';
import type { Normalisation } from './scheme-tree.ts';

interface Filter {
  column: string;
  op: string;
  value: number;
  label?: string;
}
const OPS = ['>=', '>', '<=', '<', '==', '!='];

export function SchemeSettings({ scheme, onChange, columns }: { scheme: RawScheme; onChange: (s: RawScheme) => void; columns: PresetColumn[] | null }) {
  const t = useT();
  const set = (patch: RawScheme) => {
    const next: RawScheme = { ...scheme, ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete next[k];
    onChange(next);
  };
  const norm = (scheme.normalisation ?? { method: 'minmax', range: [0, 100] }) as Normalisation;
  const imputation = (scheme.imputation ?? { method: 'exclude' }) as { method: string; by?: string };
  const filters = (scheme.eligibility ?? []) as Filter[];
  const sensitivity = (scheme.sensitivity ?? {}) as { weights?: number };
  const numeric = (columns ?? []).filter((c) => c.kind === 'numeric').map((c) => ({ value: c.code, label: `${c.name}（${c.code}）` }));
  const text = (columns ?? []).filter((c) => c.kind === 'text').map((c) => ({ value: c.code, label: `${c.name}（${c.code}）` }));
  const range = norm.range ?? [0, 100];

  const setNorm = (method: Normalisation['method'] | undefined) => {
    const m = method ?? 'minmax';
    const base: Normalisation = { method: m };
    if (m === 'minmax') base.range = range;
    if (m === 'goalposts') Object.assign(base, { min: 0, max: 100, range });
    if (m === 'distance') base.reference = 1;
    set({ normalisation: base });
  };

  return (
    <Form layout="vertical" size="small">
      <Form.Item label={t('ev.ed.normalisation')}>
        <MethodSelect kind="norm" methods={NORMALISATIONS} value={norm.method} onChange={setNorm} width={150} testId="scheme-normalisation" />
        {(norm.method === 'minmax' || norm.method === 'goalposts') && (
          <Space style={{ marginTop: 6 }} wrap>
            {norm.method === 'goalposts' && (
              <>
                <InputNumber
                  prefix={t('ev.ed.goalMin')}
                  value={norm.min}
                  onChange={(v) => set({ normalisation: { ...norm, min: v ?? 0 } })}
                  style={{ width: 120 }}
                />
                <InputNumber
                  prefix={t('ev.ed.goalMax')}
                  value={norm.max}
                  onChange={(v) => set({ normalisation: { ...norm, max: v ?? 0 } })}
                  style={{ width: 120 }}
                />
              </>
            )}
            <span>{t('ev.ed.range')}</span>
            <InputNumber value={range[0]} onChange={(v) => set({ normalisation: { ...norm, range: [v ?? 0, range[1]] } })} style={{ width: 70 }} />
            –
            <InputNumber value={range[1]} onChange={(v) => set({ normalisation: { ...norm, range: [range[0], v ?? 100] } })} style={{ width: 70 }} />
          </Space>
        )}
        {norm.method === 'distance' && (
          <InputNumber
            style={{ marginTop: 6, width: 160 }}
            prefix="x₀"
            value={norm.reference}
            onChange={(v) => set({ normalisation: { ...norm, reference: v ?? 1 } })}
          />
        )}
      </Form.Item>
      <Form.Item label={t('ev.ed.aggregation')}>
        <MethodSelect
          kind="agg"
          methods={AGGREGATIONS}
          value={(scheme.aggregation as (typeof AGGREGATIONS)[number] | undefined) ?? 'arithmetic'}
          onChange={(a) => set({ aggregation: a ?? 'arithmetic' })}
          width={150}
        />
      </Form.Item>
      <Form.Item label={t('ev.ed.imputation')}>
        <MethodSelect
          kind="imp"
          methods={IMPUTATIONS}
          value={imputation.method as (typeof IMPUTATIONS)[number]}
          onChange={(m) => set({ imputation: m && m !== 'exclude' ? { method: m, ...(imputation.by ? { by: imputation.by } : {}) } : { method: 'exclude' } })}
          width={150}
        />
        {imputation.method !== 'exclude' && (
          <div style={{ marginTop: 6 }}>
            {columns ? (
              <Select
                allowClear
                style={{ width: 200 }}
                placeholder={t('ev.ed.imputeByNone')}
                value={imputation.by}
                onChange={(v?: string) => set({ imputation: { method: imputation.method, ...(v ? { by: v } : {}) } })}
                options={text}
              />
            ) : (
              <Input
                style={{ width: 200 }}
                placeholder={t('ev.ed.imputeBy')}
                value={imputation.by}
                onChange={(e) => set({ imputation: { method: imputation.method, ...(e.target.value ? { by: e.target.value } : {}) } })}
              />
            )}
          </div>
        )}
      </Form.Item>
      <Form.Item label={t('ev.ed.eligibility')}>
        {filters.map((f, k) => {
          const setFilter = (patch: Partial<Filter>) => set({ eligibility: filters.map((x, i) => (i === k ? { ...x, ...patch } : x)) });
          return (
            <Space key={k} wrap size={4} style={{ marginBottom: 4 }}>
              {columns ? (
                <Select
                  style={{ width: 150 }}
                  value={f.column}
                  onChange={(v: string) => setFilter({ column: v })}
                  options={numeric}
                  showSearch={{ optionFilterProp: 'label' }}
                />
              ) : (
                <Input style={{ width: 120 }} value={f.column} onChange={(e) => setFilter({ column: e.target.value })} />
              )}
              <Select style={{ width: 64 }} value={f.op} onChange={(v: string) => setFilter({ op: v })} options={OPS.map((o) => ({ value: o, label: o }))} />
              <InputNumber style={{ width: 70 }} value={f.value} onChange={(v) => setFilter({ value: v ?? 0 })} />
              <Input
                style={{ width: 150 }}
                placeholder={t('ev.ed.filterLabel')}
                value={f.label}
                onChange={(e) => setFilter({ label: e.target.value || undefined })}
              />
              <Button type="text" danger icon={<DeleteOutlined />} onClick={() => set({ eligibility: filters.filter((_, i) => i !== k) })} />
            </Space>
          );
        })}
        <Button icon={<PlusOutlined />} onClick={() => set({ eligibility: [...filters, { column: numeric[0]?.value ?? 'column', op: '>=', value: 0 }] })}>
          {t('ev.ed.addFilter')}
        </Button>
      </Form.Item>
      <Form.Item label={t('ev.ed.sensitivity')}>
        <InputNumber
          min={0}
          max={100}
          value={Math.round((sensitivity.weights ?? 0.25) * 100)}
          onChange={(v) => set({ sensitivity: { ...(scheme.sensitivity as object | undefined), weights: (v ?? 25) / 100 } })}
          style={{ width: 100 }}
        />
      </Form.Item>
    </Form>
  );
}
