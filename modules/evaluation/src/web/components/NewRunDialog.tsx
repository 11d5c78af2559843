/**
 * 发起评价: the data source (the leadership index over the registry's year, the towns' scoreboard over a
 * period, or an uploaded table), the scheme (the preset's default or a saved one), the Monte Carlo's
 * samples, seed and weight perturbation. The server's refusal (too few eligible firms for the Top-20, a
 * column with text …) is shown in the dialog as it came.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { errorMessage, useT, useUnits } from '@kechuang/platform-web';
import { useCreateRun, usePresets, useSchemes, useUploadRun } from '../api.ts';
import type { PresetCode } from '../types.ts';

type Kind = PresetCode | 'upload';

interface Values {
  kind: Kind;
  year?: string;
  asOf?: string;
  period?: string;
  region?: string;
  schemeId?: number;
  samples: number;
  seed: number;
  perturbation?: number;
  name?: string;
}

export function NewRunDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: number) => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'leadership';
  const presets = usePresets();
  const schemes = useSchemes(kind);
  const units = useUnits();
  const create = useCreateRun();
  const upload = useUploadRun();
  const [file, setFile] = useState<File | null>(null);
  const preset = presets.data?.items.find((p) => p.code === kind);
  const periods = preset?.periods ?? [];
  const error = create.error ?? upload.error;
  const isBusy = create.isPending || upload.isPending;

  useEffect(() => {
    if (open) {
      create.reset();
      upload.reset();
    }
  }, [open]);

  useEffect(() => {
    if (!open || !preset) return;
    if (kind === 'leadership' && !form.getFieldValue('year')) form.setFieldValue('year', preset.periods[0]);
    if (kind === 'towns' && !form.getFieldValue('period')) form.setFieldValue('period', preset.periods[0]);
  }, [open, kind, preset, form]);

  const submit = async (v: Values) => {
    const options = {
      samples: v.samples,
      seed: v.seed,
      ...(v.perturbation === undefined || v.perturbation === null ? {} : { perturbation: v.perturbation / 100 }),
    };
    if (v.kind === 'upload') {
      if (!file || !v.schemeId) return;
      const { id } = await upload.mutateAsync({
        file,
        query: { schemeId: v.schemeId, name: v.name, samples: v.samples, seed: v.seed, perturbation: options.perturbation },
      });
      onCreated(id);
      return;
    }
    const source =
      v.kind === 'leadership'
        ? { kind: 'leadership' as const, year: Number(v.year), ...(v.asOf ? { asOf: v.asOf } : {}), ...(v.region ? { region: v.region } : {}) }
        : { kind: 'towns' as const, period: v.period!, ...(v.region ? { region: v.region } : {}) };
    const { id } = await create.mutateAsync({ source, options, ...(v.schemeId ? { schemeId: v.schemeId } : {}), ...(v.name ? { name: v.name } : {}) });
    onCreated(id);
  };

  const towns = units.data?.units ?? [];
  return (
    <Modal
      open={open}
      title={t('ev.new.title')}
      width={640}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={isBusy} onClick={() => form.submit()} data-testid="run-submit">
          {isBusy ? t('ev.new.computing') : t('ev.new.submit')}
        </Button>,
      ]}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'leadership', samples: 200, seed: 1 }}
        onFinish={(v) => void submit(v).catch(() => undefined)}
        onValuesChange={(changed: Partial<Values>) => {
          if ('kind' in changed) form.setFieldsValue({ schemeId: undefined });
        }}
      >
        <Form.Item name="kind" label={t('ev.new.kind')}>
          <Radio.Group
            optionType="button"
            data-testid="run-kind"
            options={(['leadership', 'towns', 'upload'] as const).map((k) => ({ value: k, label: t(`ev.preset.${k}`) }))}
          />
        </Form.Item>
        {preset?.description && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
            {preset.description}
          </Typography.Paragraph>
        )}
        <Row gutter={12}>
          {kind === 'leadership' && (
            <>
              <Col span={8}>
                <Form.Item name="year" label={t('ev.new.year')} rules={[{ required: true, message: t('ev.new.required') }]}>
                  <Select options={periods.map((p) => ({ value: p, label: p }))} data-testid="run-year" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item
                  name="asOf"
                  label={t('ev.new.asOf')}
                  tooltip={t('ev.new.asOfHelp')}
                  rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}
                >
                  <Input placeholder="YYYY-12-31" />
                </Form.Item>
              </Col>
            </>
          )}
          {kind === 'towns' && (
            <Col span={8}>
              <Form.Item name="period" label={t('ev.new.period')} rules={[{ required: true, message: t('ev.new.required') }]}>
                <Select options={periods.map((p) => ({ value: p, label: p }))} />
              </Form.Item>
            </Col>
          )}
          {kind !== 'upload' && towns.length > 1 && (
            <Col span={8}>
              <Form.Item name="region" label={t('ev.new.region')}>
                <Select allowClear placeholder={t('ev.new.regionAll')} options={towns.map((u) => ({ value: u.code, label: u.name }))} />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Form.Item name="schemeId" label={t('ev.new.scheme')} rules={kind === 'upload' ? [{ required: true, message: t('ev.new.required') }] : []}>
          <Select
            allowClear={kind !== 'upload'}
            placeholder={kind === 'upload' ? undefined : t('ev.new.schemeDefault')}
            loading={schemes.isLoading}
            options={(schemes.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
        </Form.Item>
        {kind === 'upload' && (
          <Form.Item label={t('ev.new.file')} extra={t('ev.new.fileHelp')} required>
            <Upload
              accept=".csv,.xlsx"
              maxCount={1}
              beforeUpload={(f) => {
                setFile(f);
                return false;
              }}
              onRemove={() => setFile(null)}
            >
              <Button icon={<UploadOutlined />}>{t('ev.new.pickFile')}</Button>
            </Upload>
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="samples" label={t('ev.new.samples')} tooltip={t('ev.new.samplesHelp')}>
              <InputNumber min={0} max={5000} step={100} style={{ width: '100%' }} data-testid="run-samples" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="seed" label={t('ev.new.seed')}>
              <InputNumber precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="perturbation" label={t('ev.new.perturbation')}>
              <InputNumber min={0} max={100} placeholder="25" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {preset && kind === 'leadership' && (
          <Typography.Paragraph type="secondary">
            {t('ev.new.tiers')}：{preset.tiers.map((x) => `${x.name} ${x.size}`).join(' + ')}
          </Typography.Paragraph>
        )}
        <Form.Item name="name" label={t('ev.new.name')}>
          <Input placeholder={t('ev.new.namePlaceholder')} maxLength={100} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={errorMessage(error)} data-testid="run-error" />}
    </Modal>
  );
}
