/** Create, edit (bureau) or view (everyone else) one catalogue entry in a drawer. */
import { useEffect } from 'react';
import { App, AutoComplete, Button, Col, Drawer, Form, Input, InputNumber, Radio, Row, Select, Space, Switch } from 'antd';
import { ApiError, errorMessage, useT } from '@kechuang/platform-web';
import { useCatalogue, useSaveIndicator, type IndicatorInput } from '../api.ts';
import type { Indicator } from '../types.ts';
import { IndicatorSelect } from './Selectors.tsx';

type IndicatorForm = Indicator;

const DEFAULTS: Partial<Indicator> = {
  direction: 'higher',
  precision: 2,
  rollup: 'sum',
  ratioScale: 1,
  trajectory: 'linear',
  isHeadline: false,
  sort: 100,
  nameEn: '',
  definition: '',
  dataSource: '',
  computedBasis: '',
};

export function IndicatorDrawer({ entry, open, canEdit, onClose }: { entry: Indicator | null; open: boolean; canEdit: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<IndicatorForm>();
  const save = useSaveIndicator();
  const catalogue = useCatalogue();
  const rollup = Form.useWatch('rollup', form);
  const isNew = !entry;
  const categories = [...new Set((catalogue.data?.items ?? []).map((i) => i.category))].map((c) => ({ value: c }));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(entry ?? DEFAULTS);
  }, [open, entry, form]);

  const submit = async () => {
    const { code, ...v } = await form.validateFields();
    const input: IndicatorInput = {
      ...v,
      nameEn: v.nameEn ?? '',
      definition: v.definition ?? '',
      dataSource: v.dataSource ?? '',
      computedBasis: v.computedBasis ?? '',
      numeratorCode: v.rollup === 'ratio' ? (v.numeratorCode ?? null) : null,
      denominatorCode: v.rollup === 'ratio' ? (v.denominatorCode ?? null) : null,
    };
    try {
      await save.mutateAsync({ code: (entry?.code ?? code).trim(), input });
      message.success(t('common.saved'));
      onClose();
    } catch (e) {
      const field = e instanceof ApiError ? e.field : undefined;
      if (field) form.setFields([{ name: field as keyof IndicatorForm, errors: [errorMessage(e)] }]);
      else message.error(errorMessage(e));
    }
  };

  const title = !canEdit ? t('ind.catalogue.view') : isNew ? t('ind.catalogue.create') : t('ind.catalogue.edit');
  return (
    <Drawer
      title={entry ? `${title} · ${entry.code}` : title}
      open={open}
      onClose={onClose}
      size={640}
      destroyOnHidden
      extra={
        canEdit && (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => void submit().catch(() => undefined)}>
              {t('common.save')}
            </Button>
          </Space>
        )
      }
    >
      <Form form={form} layout="vertical" disabled={!canEdit}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="code"
              label={t('ind.catalogue.code')}
              extra={isNew ? t('ind.catalogue.codeRule') : undefined}
              rules={[{ required: true }, { pattern: /^[A-Z][A-Z0-9_]*$/, message: t('ind.catalogue.codeRule') }]}
            >
              <Input disabled={!isNew} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="category" label={t('ind.catalogue.category')} rules={[{ required: true }]}>
              <AutoComplete options={categories} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="nameZh" label={t('ind.catalogue.nameZh')} rules={[{ required: true, min: 2 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('ind.catalogue.nameEn')}>
          <Input />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="unit" label={t('ind.field.unit')} rules={[{ required: true }]}>
              <Input placeholder="% / 亿元 / 家" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="precision" label={t('ind.catalogue.precision')} rules={[{ required: true }]}>
              <InputNumber min={0} max={6} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="sort" label={t('ind.catalogue.sort')}>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="direction" label={t('ind.catalogue.direction')} rules={[{ required: true }]}>
              <Radio.Group options={(['higher', 'lower'] as const).map((d) => ({ value: d, label: t(`ind.direction.${d}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="trajectory" label={t('ind.catalogue.trajectory')}>
              <Radio.Group options={(['linear', 'compound'] as const).map((d) => ({ value: d, label: t(`ind.trajectory.${d}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="rollup" label={t('ind.catalogue.rollup')} rules={[{ required: true }]}>
              <Select options={(['sum', 'ratio', 'none'] as const).map((r) => ({ value: r, label: t(`ind.rollup.${r}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="isHeadline" label={t('ind.catalogue.isHeadline')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        {rollup === 'ratio' && (
          <Row gutter={16}>
            <Col span={9}>
              <Form.Item name="numeratorCode" label={t('ind.catalogue.numerator')} rules={[{ required: true }]}>
                <IndicatorSelect />
              </Form.Item>
            </Col>
            <Col span={9}>
              <Form.Item name="denominatorCode" label={t('ind.catalogue.denominator')} rules={[{ required: true }]}>
                <IndicatorSelect />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="ratioScale" label={t('ind.catalogue.ratioScale')}>
                <InputNumber min={0.000001} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item name="definition" label={t('ind.catalogue.definition')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="dataSource" label={t('ind.catalogue.dataSource')}>
          <Input />
        </Form.Item>
        <Form.Item name="computedBasis" label={t('ind.catalogue.computedBasis')} extra={t('ind.catalogue.computedBasisHint')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
