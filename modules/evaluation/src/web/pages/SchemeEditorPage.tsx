/**
 * 评价体系 editor: the indicator tree (groups and indicators, weights, methods, each with its one-line
 * explanation), the scheme's own methods, and the JSON the CLI reads. 校验 asks the server (the engine's
 * checks and the preset's columns) and outlines the node an error names; 权重预览 shows the weights this
 * scheme gives on a preset's data (entropy and CRITIC depend on it, AHP with its CR).
 */
import { useEffect, useMemo, useState } from 'react';
import { App, Alert, Button, Card, Col, Form, Input, Row, Select, Space, Spin, Tabs, Typography } from 'antd';
import { CheckCircleOutlined, DownloadOutlined, SaveOutlined, SlidersOutlined } from '@ant-design/icons';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, PageHeader, errorMessage, useT } from '@kechuang/platform-web';
import { usePresets, usePreviewWeights, useSaveScheme, useScheme, useValidateScheme } from '../api.ts';
import { EditorContext, type EditorContextValue } from '../components/editor-context.ts';
import { GroupEditor } from '../components/NodeEditor.tsx';
import { SchemeSettings } from '../components/SchemeSettings.tsx';
import { BLANK_SCHEME, counts, errorNode, toEditable, type EditableScheme, type GroupJson } from '../components/scheme-tree.ts';
import type { PresetCode, WeightsResponse } from '../types.ts';

export function SchemeEditorPage() {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const param = useParams().id;
  const [search] = useSearchParams();
  const id = param && param !== 'new' ? Number(param) : undefined;
  const saved = useScheme(id);
  const presets = usePresets();
  const validate = useValidateScheme();
  const preview = usePreviewWeights();
  const save = useSaveScheme();

  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [preset, setPreset] = useState<PresetCode | null>(null);
  const [scheme, setScheme] = useState<EditableScheme | null>(null);
  const [error, setError] = useState<{ message: string; node: string | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [weights, setWeights] = useState<WeightsResponse | null>(null);
  const [period, setPeriod] = useState<string>();
  const [json, setJson] = useState('');

  // load once: a saved scheme, or a new one from a preset's default (?preset=leadership|towns) or blank
  useEffect(() => {
    if (scheme) return;
    if (id !== undefined) {
      if (!saved.data) return;
      setName(saved.data.name);
      setDescription(saved.data.description);
      setPreset(saved.data.preset);
      setScheme(toEditable(saved.data.scheme));
      return;
    }
    const asked = search.get('preset');
    const p = asked === 'leadership' || asked === 'towns' ? asked : null;
    if (p && !presets.data) return;
    const info = presets.data?.items.find((x) => x.code === p);
    setPreset(p);
    setScheme(toEditable(info ? info.defaultScheme : BLANK_SCHEME));
    setName(info ? `${info.name}（副本）` : '');
  }, [id, saved.data, presets.data, search, scheme]);

  const info = presets.data?.items.find((x) => x.code === preset);
  const columns = info?.columns ?? null;
  useEffect(() => setPeriod(info?.periods[0]), [info]);

  const context = useMemo<EditorContextValue | null>(() => {
    if (!scheme) return null;
    const computed = new Map<string, number>();
    const cr = new Map<string, number>();
    for (const g of weights?.weights ?? []) {
      for (const c of g.children) computed.set(c.id, c.weight);
      if (g.cr !== undefined) cr.set(g.id, g.cr);
    }
    return {
      root: scheme.root,
      setRoot: (fn: (root: GroupJson) => GroupJson) => {
        setScheme((s) => (s ? { ...s, root: fn(s.root) } : s));
        setWeights(null);
      },
      columns,
      computed,
      cr,
      errorId: error?.node ?? null,
      errorMessage: error?.message ?? null,
    };
  }, [scheme, columns, weights, error]);

  if ((id !== undefined && saved.isLoading) || !scheme || !context) return <Spin style={{ display: 'block', margin: '80px auto' }} />;

  const body = () => ({ ...scheme, name: typeof scheme.name === 'string' && scheme.name ? scheme.name : name });
  const fail = (e: unknown) => {
    setNotice(null);
    setError({ message: errorMessage(e), node: e instanceof ApiError ? errorNode(e.details) : null });
  };
  const onValidate = async () => {
    try {
      const r = await validate.mutateAsync({ scheme: body(), preset });
      setError(null);
      const c = counts(scheme.root);
      setNotice([t('ev.ed.valid', { groups: c.groups, leaves: c.leaves }), ...r.warnings].join('；'));
    } catch (e) {
      fail(e);
    }
  };
  const onPreview = async () => {
    if (!preset || !period) return;
    try {
      const source = preset === 'leadership' ? { kind: 'leadership' as const, year: Number(period) } : { kind: 'towns' as const, period };
      const r = await preview.mutateAsync({ scheme: body(), source });
      setWeights(r);
      setError(null);
      setNotice(`${t('ev.ed.previewOn', { what: period })}：${r.scored} / ${r.scored + r.excluded}${r.warnings.length ? `；${r.warnings.join('；')}` : ''}`);
    } catch (e) {
      fail(e);
    }
  };
  const onSave = async () => {
    try {
      const r = await save.mutateAsync({ id, input: { name: name.trim(), description, preset, scheme: body() } });
      setError(null);
      message.success(t('ev.ed.saved'));
      if (r.warnings.length) setNotice(r.warnings.join('；'));
      if (!id) void navigate(`/evaluation/schemes/${r.id}`, { replace: true });
    } catch (e) {
      fail(e);
    }
  };
  const applyJson = () => {
    try {
      setScheme(toEditable(JSON.parse(json) as Record<string, unknown>));
      setError(null);
      setWeights(null);
    } catch (e) {
      setError({ message: t('ev.ed.badJson', { message: (e as Error).message }), node: null });
    }
  };
  const downloadJson = () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(body(), null, 2)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'SCHEME.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <EditorContext.Provider value={context}>
      <PageHeader
        title={id ? t('ev.ed.titleEdit') : t('ev.ed.titleNew')}
        subtitle={info ? info.name : t('ev.ed.presetNone')}
        extra={
          <Space wrap>
            <Button icon={<CheckCircleOutlined />} loading={validate.isPending} onClick={() => void onValidate()} data-testid="scheme-validate">
              {t('ev.ed.validate')}
            </Button>
            {preset && (
              <Space.Compact>
                <Select style={{ width: 100 }} value={period} onChange={setPeriod} options={(info?.periods ?? []).map((p) => ({ value: p, label: p }))} />
                <Button icon={<SlidersOutlined />} loading={preview.isPending} onClick={() => void onPreview()} data-testid="scheme-preview">
                  {t('ev.ed.preview')}
                </Button>
              </Space.Compact>
            )}
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={save.isPending}
              disabled={!name.trim()}
              onClick={() => void onSave()}
              data-testid="scheme-save"
            >
              {t('common.save')}
            </Button>
          </Space>
        }
      />
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col xs={24} md={8}>
          <Form.Item label={t('ev.ed.name')} required style={{ marginBottom: 8 }}>
            <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} data-testid="scheme-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item label={t('ev.ed.description')} style={{ marginBottom: 8 }}>
            <Input value={description} onChange={(e) => setDescription(e.target.value)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label={t('ev.ed.preset')} style={{ marginBottom: 8 }}>
            <Select
              value={preset ?? ''}
              onChange={(v: string) => setPreset(v === '' ? null : (v as PresetCode))}
              options={[{ value: '', label: t('ev.ed.presetNone') }, ...(presets.data?.items ?? []).map((p) => ({ value: p.code, label: p.name }))]}
            />
          </Form.Item>
        </Col>
      </Row>
      {error && (
        <Alert type="error" showIcon closable onClose={() => setError(null)} style={{ marginBottom: 12 }} title={error.message} data-testid="scheme-error" />
      )}
      {notice && !error && (
        <Alert type="success" showIcon closable onClose={() => setNotice(null)} style={{ marginBottom: 12 }} title={notice} data-testid="scheme-notice" />
      )}
      <Tabs
        onChange={(k) => k === 'json' && setJson(JSON.stringify(body(), null, 2))}
        items={[
          {
            key: 'tree',
            label: t('ev.ed.tree'),
            children: (
              <Row gutter={12}>
                <Col xs={24} xl={16}>
                  <GroupEditor path={[]} group={scheme.root} parent={null} depth={0} />
                </Col>
                <Col xs={24} xl={8}>
                  <Card size="small" title={t('ev.ed.settings')} style={{ marginTop: 8 }}>
                    <SchemeSettings scheme={scheme} onChange={(s) => setScheme({ ...(s as EditableScheme), root: scheme.root })} columns={columns} />
                  </Card>
                  {info && info.parts.length > 0 && (
                    <Card size="small" style={{ marginTop: 12 }}>
                      {info.parts.map((p) => (
                        <Typography.Paragraph key={p.part} style={{ fontSize: 12, marginBottom: 6 }}>
                          <b>{p.part}</b>（{p.status === 'mapped' ? '✓' : p.status === 'proxy' ? '≈' : '✗'}）：{p.mapping}
                        </Typography.Paragraph>
                      ))}
                    </Card>
                  )}
                </Col>
              </Row>
            ),
          },
          {
            key: 'json',
            label: t('ev.ed.json'),
            children: (
              <>
                <Space style={{ marginBottom: 8 }}>
                  <Button onClick={applyJson}>{t('ev.ed.applyJson')}</Button>
                  <Button icon={<DownloadOutlined />} onClick={downloadJson}>
                    {t('ev.ed.downloadJson')}
                  </Button>
                </Space>
                <Input.TextArea
                  value={json}
                  onChange={(e) => setJson(e.target.value)}
                  autoSize={{ minRows: 20, maxRows: 40 }}
                  style={{ fontFamily: 'monospace', fontSize: 12 }}
                />
              </>
            ),
          },
        ]}
      />
    </EditorContext.Provider>
  );
}
