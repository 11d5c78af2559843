/**
 * One node of the scheme editor, recursively: a group (name, id, weight, weighting with its AHP matrix,
 * aggregation, its children, add group / add indicator / remove) or an indicator (column, label, id,
 * weight, direction, denominator, transform, winsorisation, its own goalposts). The node a server error
 * names is outlined in red with the message under it; the last weights preview is shown beside each weight.
 */
import { useState, type ReactNode } from 'react';
import { Alert, Button, Checkbox, Input, InputNumber, Select, Space, Tag, Tooltip } from 'antd';
import { DeleteOutlined, FolderAddOutlined, PlusOutlined, TableOutlined } from '@ant-design/icons';
import { formatNumber, useT } from '@kechuang/platform-web';
import { AhpMatrixDialog } from './AhpMatrixDialog.tsx';
import { useEditor } from './editor-context.ts';
import { AGGREGATIONS, MethodSelect, WEIGHTINGS } from './MethodSelect.tsx';
import { addChild, freshId, isLeaf, nodeId, removeAt, updateAt, type GroupJson, type LeafJson, type NodeJson, type Path } from './scheme-tree.ts';

const DEPTH_COLOURS = ['#1664d9', '#13a8a8', '#7cb305', '#d48806', '#c41d7f'];

function Frame({ id, depth, children, isLeafNode }: { id: string; depth: number; children: ReactNode; isLeafNode?: boolean }) {
  const { errorId, errorMessage } = useEditor();
  const t = useT();
  const isError = errorId === id;
  return (
    <div
      data-testid={`node-${id}`}
      style={{
        border: `1px solid ${isError ? '#ff4d4f' : '#f0f0f0'}`,
        borderLeft: `3px solid ${isError ? '#ff4d4f' : DEPTH_COLOURS[depth % DEPTH_COLOURS.length]}`,
        borderRadius: 6,
        padding: isLeafNode ? '6px 10px' : 10,
        marginTop: 8,
        background: isLeafNode ? '#fafafa' : '#fff',
      }}
    >
      {isError && errorMessage && (
        <Alert type="error" showIcon style={{ marginBottom: 6 }} title={`${t('ev.ed.errorAt')}：${errorMessage}`} data-testid="node-error" />
      )}
      {children}
    </div>
  );
}

function WeightInput({ path, node, parent }: { path: Path; node: NodeJson; parent: GroupJson | null }) {
  const { setRoot, computed } = useEditor();
  const t = useT();
  const w = computed.get(nodeId(node));
  const isGiven = parent !== null && (parent.weighting?.method ?? (parent.children.every((c) => c.weight !== undefined) ? 'given' : 'equal')) === 'given';
  return (
    <>
      {isGiven && (
        <InputNumber
          size="small"
          min={0}
          step={0.05}
          style={{ width: 90 }}
          placeholder={t('ev.ed.weight')}
          value={node.weight}
          onChange={(v) => setRoot((r) => updateAt(r, path, (n) => ({ ...n, weight: v ?? undefined })))}
          data-testid={`weight-${nodeId(node)}`}
        />
      )}
      {w !== undefined && <Tag color="blue">{t('ev.ed.computedWeight', { w: formatNumber(w, 3) })}</Tag>}
    </>
  );
}

function LeafEditor({ path, leaf, parent, depth }: { path: Path; leaf: LeafJson; parent: GroupJson; depth: number }) {
  const t = useT();
  const { setRoot, columns } = useEditor();
  const set = (patch: Partial<LeafJson>) =>
    setRoot((r) =>
      updateAt(r, path, (n) => {
        const next: Record<string, unknown> = { ...n, ...patch };
        for (const [k, v] of Object.entries(patch)) if (v === undefined) delete next[k];
        return next as unknown as LeafJson;
      }),
    );
  const numeric = (columns ?? []).filter((c) => c.kind === 'numeric');
  const columnOptions = numeric.map((c) => ({ value: c.code, label: `${c.name}（${c.code}${c.unit ? `，${c.unit}` : ''}）` }));
  const goal = leaf.normalisation?.method === 'goalposts' ? leaf.normalisation : null;
  return (
    <Frame id={nodeId(leaf)} depth={depth} isLeafNode>
      <Space wrap size={6}>
        {columns ? (
          <Select
            size="small"
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 240 }}
            value={leaf.indicator}
            onChange={(v: string) => set({ indicator: v })}
            options={columnOptions}
          />
        ) : (
          <Input
            size="small"
            style={{ width: 150 }}
            placeholder={t('ev.ed.indicator')}
            value={leaf.indicator}
            onChange={(e) => set({ indicator: e.target.value })}
          />
        )}
        <Input
          size="small"
          style={{ width: 170 }}
          placeholder={t('ev.ed.leafName')}
          value={leaf.name}
          onChange={(e) => set({ name: e.target.value || undefined })}
        />
        <Input
          size="small"
          style={{ width: 120 }}
          placeholder={`${t('ev.ed.nodeId')}: ${leaf.indicator}`}
          value={leaf.id}
          onChange={(e) => set({ id: e.target.value || undefined })}
        />
        <WeightInput path={path} node={leaf} parent={parent} />
        <Select
          size="small"
          style={{ width: 100 }}
          value={leaf.direction ?? 1}
          onChange={(v: 1 | -1) => set({ direction: v === 1 ? undefined : -1 })}
          options={[
            { value: 1, label: t('ev.ed.higher') },
            { value: -1, label: t('ev.ed.lower') },
          ]}
        />
        {columns ? (
          <Select
            size="small"
            allowClear
            style={{ width: 150 }}
            placeholder={t('ev.ed.noDenominator')}
            value={leaf.denominator}
            onChange={(v?: string) => set({ denominator: v })}
            options={columnOptions}
          />
        ) : (
          <Input
            size="small"
            style={{ width: 110 }}
            placeholder={t('ev.ed.denominator')}
            value={leaf.denominator}
            onChange={(e) => set({ denominator: e.target.value || undefined })}
          />
        )}
        <Tooltip title={leaf.transform ? t(`ev.m.transform.${leaf.transform}`) : undefined}>
          <Select
            size="small"
            style={{ width: 100 }}
            value={leaf.transform ?? ''}
            onChange={(v: string) => set({ transform: v === '' ? undefined : (v as 'log' | 'log1p') })}
            options={[
              { value: '', label: t('ev.ed.noTransform') },
              { value: 'log', label: 'ln(x)' },
              { value: 'log1p', label: 'ln(1+x)' },
            ]}
          />
        </Tooltip>
        <Checkbox checked={!!leaf.winsorise} onChange={(e) => set({ winsorise: e.target.checked ? [0.05, 0.95] : undefined })}>
          {t('ev.ed.winsorise')}
        </Checkbox>
        <Checkbox
          checked={!!goal}
          onChange={(e) => set({ normalisation: e.target.checked ? { method: 'goalposts', min: 0, max: 100, range: [0, 100] } : undefined })}
        >
          {t('ev.ed.ownNormalisation')}
        </Checkbox>
        {goal && (
          <>
            <InputNumber
              size="small"
              style={{ width: 110 }}
              prefix={t('ev.ed.goalMin')}
              value={goal.min}
              onChange={(v) => set({ normalisation: { ...goal, min: v ?? 0 } })}
            />
            <InputNumber
              size="small"
              style={{ width: 110 }}
              prefix={t('ev.ed.goalMax')}
              value={goal.max}
              onChange={(v) => set({ normalisation: { ...goal, max: v ?? 0 } })}
            />
          </>
        )}
        <Button size="small" type="text" danger icon={<DeleteOutlined />} title={t('ev.ed.remove')} onClick={() => setRoot((r) => removeAt(r, path))} />
      </Space>
    </Frame>
  );
}

export function GroupEditor({ path, group, parent, depth }: { path: Path; group: GroupJson; parent: GroupJson | null; depth: number }) {
  const t = useT();
  const { setRoot, columns, cr } = useEditor();
  const [isMatrixOpen, setMatrixOpen] = useState(false);
  const set = (patch: Partial<GroupJson>) =>
    setRoot((r) =>
      updateAt(r, path, (n) => {
        const next: Record<string, unknown> = { ...n, ...patch };
        for (const [k, v] of Object.entries(patch)) if (v === undefined) delete next[k];
        return next as unknown as GroupJson;
      }),
    );
  const method = group.weighting?.method;
  const labels = group.children.map((c) => c.name ?? nodeId(c));
  const addLeaf = () =>
    setRoot((r) => {
      const used = new Set<string>();
      const walk = (n: NodeJson) => (isLeaf(n) ? used.add(n.indicator) : n.children.forEach(walk));
      walk(r);
      const free = (columns ?? []).find((c) => c.kind === 'numeric' && !used.has(c.code));
      return addChild(r, path, free ? { indicator: free.code, name: free.name } : { indicator: freshId(r, 'indicator') });
    });
  return (
    <Frame id={group.id} depth={depth}>
      <Space wrap align="start" size={6}>
        <Input
          size="small"
          style={{ width: 170, fontWeight: 600 }}
          placeholder={t('ev.ed.groupName')}
          value={group.name}
          onChange={(e) => set({ name: e.target.value || undefined })}
        />
        <Input size="small" style={{ width: 110 }} placeholder={t('ev.ed.nodeId')} value={group.id} onChange={(e) => set({ id: e.target.value })} />
        <WeightInput path={path} node={group} parent={parent} />
        <MethodSelect
          kind="weight"
          methods={WEIGHTINGS}
          value={method}
          onChange={(m) =>
            set({ weighting: m ? { method: m, ...(m === 'ahp' ? { matrix: group.children.map(() => group.children.map(() => 1)) } : {}) } : undefined })
          }
          testId={`weighting-${group.id}`}
        />
        {method === 'ahp' && (
          <Button size="small" icon={<TableOutlined />} onClick={() => setMatrixOpen(true)}>
            {t('ev.ed.ahpMatrix')}
            {cr.has(group.id) && ` · CR ${formatNumber(cr.get(group.id), 3)}`}
          </Button>
        )}
        <MethodSelect kind="agg" methods={AGGREGATIONS} value={group.aggregation} onChange={(a) => set({ aggregation: a })} inheritLabel={t('ev.ed.inherit')} />
        <Button
          size="small"
          icon={<FolderAddOutlined />}
          onClick={() => setRoot((r) => addChild(r, path, { id: freshId(r, 'group'), name: '', weighting: { method: 'equal' }, children: [] }))}
        >
          {t('ev.ed.addGroup')}
        </Button>
        <Button size="small" icon={<PlusOutlined />} onClick={addLeaf} data-testid={`add-leaf-${group.id}`}>
          {t('ev.ed.addLeaf')}
        </Button>
        {parent && (
          <Button size="small" type="text" danger icon={<DeleteOutlined />} title={t('ev.ed.remove')} onClick={() => setRoot((r) => removeAt(r, path))} />
        )}
      </Space>
      <div style={{ paddingLeft: 16 }}>
        {group.children.map((c, k) =>
          isLeaf(c) ? (
            <LeafEditor key={k} path={[...path, k]} leaf={c} parent={group} depth={depth + 1} />
          ) : (
            <GroupEditor key={k} path={[...path, k]} group={c} parent={group} depth={depth + 1} />
          ),
        )}
      </div>
      <AhpMatrixDialog
        open={isMatrixOpen}
        labels={labels}
        matrix={group.weighting?.matrix}
        onClose={() => setMatrixOpen(false)}
        onApply={(matrix) => {
          set({ weighting: { method: 'ahp', matrix } });
          setMatrixOpen(false);
        }}
      />
    </Frame>
  );
}
