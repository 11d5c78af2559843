/** Enter, change or delete one value (PUT /api/indicators/values). Town officers: actuals of their town. */
import { useEffect } from 'react';
import { App, Button, Form, Input, Modal, Select } from 'antd';
import { ApiError, errorMessage, useCurrentUser, useT, bureauYear } from '@kechuang/platform-web';
import { useSetValue } from '../api.ts';
import type { ValueKind, ValueRow } from '../types.ts';
import { IndicatorSelect, RegionSelect } from './Selectors.tsx';

interface ValueForm {
  region: string;
  indicator: string;
  period: string;
  kind: ValueKind;
  value: string;
}

const KINDS: ValueKind[] = ['baseline', 'target', 'actual'];

export function ValueDialog({ row, open, onClose }: { row: ValueRow | null; open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const setValue = useSetValue();
  const [form] = Form.useForm<ValueForm>();
  const isTown = user.role === 'townOfficer';
  const isNew = !row;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      row
        ? { region: row.regionCode, indicator: row.indicatorCode, period: row.period, kind: row.kind, value: row.value }
        : { region: isTown ? user.scope.regionCode : undefined, kind: 'actual', period: String(bureauYear() - 1) },
    );
  }, [open, row, form, isTown, user.scope.regionCode]);

  const save = async (deleteIt = false) => {
    const v = deleteIt ? form.getFieldsValue() : await form.validateFields();
    try {
      const value = deleteIt ? null : v.value.trim().replace(/,/g, '') || null;
      await setValue.mutateAsync({ region: v.region, indicator: v.indicator, period: v.period.trim(), kind: v.kind, value });
      message.success(t('common.saved'));
      onClose();
    } catch (e) {
      const field = e instanceof ApiError ? e.field : undefined;
      if (field && ['region', 'indicator', 'period', 'kind', 'value'].includes(field))
        form.setFields([{ name: field as keyof ValueForm, errors: [errorMessage(e)] }]);
      else message.error(errorMessage(e));
    }
  };

  return (
    <Modal
      title={isNew ? t('ind.values.add') : t('ind.values.edit')}
      open={open}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        !isNew && (
          <Button key="delete" danger onClick={() => void save(true)} loading={setValue.isPending}>
            {t('common.delete')}
          </Button>
        ),
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="ok" type="primary" onClick={() => void save().catch(() => undefined)} loading={setValue.isPending}>
          {t('common.save')}
        </Button>,
      ]}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="region" label={t('ind.field.region')} rules={[{ required: true }]}>
          <RegionSelect disabled={!isNew || isTown} placeholder={t('ind.field.region')} />
        </Form.Item>
        <Form.Item name="indicator" label={t('ind.field.indicator')} rules={[{ required: true }]}>
          <IndicatorSelect disabled={!isNew} />
        </Form.Item>
        <Form.Item name="period" label={t('ind.field.period')} rules={[{ required: true }]} extra="2024 / 2024Q2 / 2024-05">
          <Input disabled={!isNew} />
        </Form.Item>
        <Form.Item name="kind" label={t('ind.field.kind')} rules={[{ required: true }]} extra={isTown ? t('ind.values.townOnlyActual') : undefined}>
          <Select disabled={!isNew || isTown} options={KINDS.map((k) => ({ value: k, label: t(`ind.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="value" label={t('ind.field.value')} rules={[{ required: true }]} extra={t('ind.values.valueHint')}>
          <Input inputMode="decimal" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
