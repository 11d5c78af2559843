/**
 * A preset's documented scheme, read-only (评价体系 → 预设评价体系): its methods in words, who may take part, its tiers
 * or grades and what the Monte Carlo varies; the indicator tree with each node's weight in its group and overall,
 * each group's weighting and aggregation, each indicator's data (its columns, ratio) and treatment (log,
 * winsorisation, fixed bounds, direction). 复制为新体系 makes an editable copy.
 */
import { useMemo } from 'react';
import { Alert, Card, Descriptions, Result, Spin, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { PageHeader, formatNumber, useT } from '@kechuang/platform-web';
import { usePresetSchemes } from '../api.ts';
import { CopySchemeButton } from '../components/CopySchemeButton.tsx';
import { presetLabel, useMethodLabel } from '../components/Labels.tsx';
import type { PresetScheme, PresetSchemeNode } from '../types.ts';

type Row = PresetSchemeNode & { children?: Row[] };

function toTree(nodes: PresetSchemeNode[]): Row[] {
  const byId = new Map<string, Row>(nodes.map((n) => [n.id, { ...n }]));
  const roots: Row[] = [];
  for (const n of nodes) {
    const parent = n.parent === null ? undefined : byId.get(n.parent);
    if (parent) (parent.children ??= []).push(byId.get(n.id)!);
    else roots.push(byId.get(n.id)!);
  }
  return roots;
}

const OPS: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=', '!=': '≠' };
const pct = (x: number | null) => (x === null ? null : `${formatNumber(x * 100, 1)}%`);

function WeightBar({ w }: { w: number | null }) {
  const t = useT();
  if (w === null) return <Typography.Text type="secondary">{t('ev.ps.dataDriven')}</Typography.Text>;
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, justifyContent: 'flex-end' }}>
      <div style={{ width: 60, height: 8, background: '#f0f0f0', borderRadius: 4 }}>
        <div style={{ width: `${Math.round(w * 100)}%`, height: 8, background: '#1664d9', borderRadius: 4 }} />
      </div>
      <span style={{ minWidth: 44, textAlign: 'right' }}>{pct(w)}</span>
    </div>
  );
}

export function PresetSchemePage() {
  const key = useParams().key;
  const all = usePresetSchemes();
  const t = useT();
  const p = all.data?.items.find((x) => x.key === key);
  if (all.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (!p) return <Result status="404" title="404" subTitle={t('ev.ps.unknown', { key: key ?? '' })} />;
  return <PresetSchemeView p={p} />;
}

function PresetSchemeView({ p }: { p: PresetScheme }) {
  const t = useT();
  const label = useMethodLabel();
  const tree = useMemo(() => toTree(p.nodes), [p.nodes]);
  const byName = (c: string) => p.columnNames[c] ?? c;
  const treatment = (n: PresetSchemeNode): string[] => [
    ...(n.denominator
      ? [t('ev.ps.ratio', { a: n.indicatorName ?? n.indicator ?? '', b: n.denominatorName ?? n.denominator })]
      : n.indicatorName && n.indicatorName !== n.name
        ? [n.indicatorName]
        : []),
    ...(n.winsorise ? [t('ev.ps.winsorise', { lo: Math.round(n.winsorise[0] * 100), hi: Math.round(n.winsorise[1] * 100) })] : []),
    ...(n.transform ? [t(`ev.ps.${n.transform}`)] : []),
    ...(n.normalisation?.method === 'goalposts'
      ? [t('ev.ps.goalposts', { min: n.normalisation.min ?? '', max: n.normalisation.max ?? '' })]
      : n.normalisation
        ? [label('normalisation', n.normalisation.method)]
        : []),
    ...(n.direction === -1 ? [t('ev.ps.lower')] : []),
  ];
  const columns: TableColumnsType<Row> = [
    {
      title: t('ev.bd.node'),
      key: 'node',
      render: (_: unknown, n) => (
        <Tooltip title={t('ev.bd.code', { code: n.indicator ?? n.id })} placement="topLeft">
          <span data-testid={`ps-node-${n.id}`}>{n.kind === 'group' ? <b>{n.name}</b> : n.name}</span>
        </Tooltip>
      ),
    },
    {
      title: t('ev.bd.weight'),
      key: 'weight',
      width: 130,
      align: 'right',
      render: (_: unknown, n) =>
        n.parent === null ? null : (
          <span data-testid="ps-weight">
            <WeightBar w={n.weight} />
          </span>
        ),
    },
    {
      title: t('ev.bd.globalWeight'),
      key: 'global',
      width: 90,
      align: 'right',
      render: (_: unknown, n) => <span data-testid="ps-global">{pct(n.globalWeight) ?? '—'}</span>,
    },
    {
      title: t('ev.ps.method'),
      key: 'method',
      width: 230,
      render: (_: unknown, n) =>
        n.kind === 'group' && (
          <span>
            {label('weighting', n.weighting ?? '')} · {label('aggregation', n.aggregation ?? '')}
            {n.cr !== undefined && <Typography.Text type="secondary"> · {t('ev.ps.cr', { cr: formatNumber(n.cr, 3) })}</Typography.Text>}
          </span>
        ),
    },
    {
      title: t('ev.ps.data'),
      key: 'data',
      width: 340,
      render: (_: unknown, n) =>
        n.kind === 'leaf' &&
        treatment(n).map((x) => (
          <Tag key={x} style={{ marginBottom: 2 }}>
            {x}
          </Tag>
        )),
    },
  ];
  const range = p.range ? t('ev.ps.range', { lo: p.range[0], hi: p.range[1] }) : '';
  return (
    <>
      <PageHeader
        title={<span data-testid="ps-name">{p.name}</span>}
        subtitle={t('ev.ps.subtitle')}
        extra={
          <>
            <Link to="/evaluation/schemes" style={{ marginRight: 16 }}>
              <ArrowLeftOutlined /> {t('ev.ps.back')}
            </Link>
            <CopySchemeButton preset={p} primary />
          </>
        }
      />
      {p.description && <Typography.Paragraph type="secondary">{p.description}</Typography.Paragraph>}
      {p.preset === 'towns' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('ev.ps.townsNote')} />}
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 12 }} data-testid="ps-settings">
        <Descriptions.Item label={t('ev.field.preset')}>{presetLabel(t, p.preset)}</Descriptions.Item>
        <Descriptions.Item label={t('ev.ps.normalisation')}>
          {label('normalisation', p.normalisation)}
          {range}
        </Descriptions.Item>
        <Descriptions.Item label={t('ev.ps.aggregation')}>{label('aggregation', p.aggregation)}</Descriptions.Item>
        <Descriptions.Item label={t('ev.ps.imputation')}>{label('imputation', p.imputation, byName)}</Descriptions.Item>
        <Descriptions.Item label={t('ev.ps.eligibility')}>
          {p.eligibility.length === 0 ? (
            t('ev.none')
          ) : (
            <span>
              {p.eligibility.map((f) => (
                <Tooltip key={f.column} title={f.note}>
                  <Tag>{`${f.label} ${OPS[f.op] ?? f.op} ${f.value}${f.unit ? (f.unit === '%' ? '%' : ` ${f.unit}`) : ''}`}</Tag>
                </Tooltip>
              ))}
            </span>
          )}
        </Descriptions.Item>
        {p.tiers.length > 0 && (
          <Descriptions.Item label={t('ev.ps.tiers')}>
            {p.tiers.map((x) => t('ev.ps.tier', { name: x.name, size: x.size })).join(t('ev.list.sep2'))}
          </Descriptions.Item>
        )}
        {p.grades.length > 0 && (
          <Descriptions.Item label={t('ev.ps.grades')}>
            {p.grades
              .map((g) =>
                g.maxShare === undefined ? t('ev.ps.gradeRest', { grade: g.grade }) : t('ev.ps.grade', { grade: g.grade, share: Math.round(g.maxShare * 100) }),
              )
              .join(t('ev.list.sep2'))}
          </Descriptions.Item>
        )}
        {p.sensitivity && (
          <Descriptions.Item label={t('ev.ps.sensitivity')}>
            {[
              t('ev.mc.weights', { perturbation: Math.round(p.sensitivity.perturbation * 100) }),
              ...(p.sensitivity.normalisation.length > 1
                ? [t('ev.mc.normalisations', { methods: p.sensitivity.normalisation.map((m) => label('normalisation', m)).join(t('ev.list.sep')) })]
                : []),
              ...(p.sensitivity.aggregation.length > 1
                ? [t('ev.mc.aggregations', { methods: p.sensitivity.aggregation.map((m) => label('aggregation', m)).join(t('ev.list.sep')) })]
                : []),
              ...(p.sensitivity.imputation.length > 1
                ? [t('ev.mc.imputations', { methods: p.sensitivity.imputation.map((m) => label('imputation', m, byName)).join(t('ev.list.sep')) })]
                : []),
            ].join(t('ev.list.sep2'))}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Card size="small" title={t('ev.ps.tree')}>
        <Table<Row>
          rowKey="id"
          size="small"
          pagination={false}
          columns={columns}
          dataSource={tree}
          expandable={{ defaultExpandAllRows: true }}
          data-testid="ps-table"
        />
      </Card>
    </>
  );
}
