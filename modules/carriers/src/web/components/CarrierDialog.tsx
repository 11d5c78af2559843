/** 新增载体 / 编辑载体: name, kind (fixed once created), level and town; the server's message lands under the field it names. */
import { useEffect } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { ApiError, errorMessage, useT, useUnits } from '@kechuang/platform-web';
import { useCreateCarrier, usePatchCarrier } from '../api.ts';
import type { Carrier, CarrierKind, CarrierLevel, ReviewKind } from '../types.ts';

const KINDS: Record<ReviewKind, CarrierKind[]> = { industrialResearchInstitute: ['industrialResearchInstitute'], incubator: ['incubator', 'makerspace'] };
const LEVELS: CarrierLevel[] = ['national', 'provincial', 'municipal', 'district'];

interface Values {
  name: string;
  kind: CarrierKind;
  level: CarrierLevel | null;
  regionCode: string;
}

/** `carrier` to edit one; without it, a new carrier of the review's kinds */
export function CarrierDialog({ open, review, carrier, onClose }: { open: boolean; review: ReviewKind; carrier?: Carrier; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const units = useUnits();
  const create = useCreateCarrier();
  const patch = usePatchCarrier();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      carrier ? { name: carrier.name, kind: carrier.kind, level: carrier.level, regionCode: carrier.regionCode } : { kind: KINDS[review][0], level: null },
    );
  }, [open, carrier, review, form]);

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const saved = carrier
        ? await patch.mutateAsync({ id: carrier.id, body: { name: v.name, level: v.level ?? null, regionCode: v.regionCode } })
        : await create.mutateAsync({ name: v.name, kind: v.kind, level: v.level ?? null, regionCode: v.regionCode });
      void message.success(t(carrier ? 'carrier.saved' : 'carrier.created', { name: saved.name }));
      onClose();
    } catch (e) {
      const field = e instanceof ApiError ? e.field?.replace(/^body\./, '') : undefined;
      if (field && ['name', 'kind', 'level', 'regionCode'].includes(field)) form.setFields([{ name: field as keyof Values, errors: [errorMessage(e)] }]);
      else void message.error(errorMessage(e));
    }
  };

  const required = [{ required: true, message: t('carrier.form.required') }];
  return (
    <Modal
      open={open}
      title={t(carrier ? 'carrier.form.titleEdit' : 'carrier.form.titleNew')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={create.isPending || patch.isPending}
      okButtonProps={{ 'data-testid': 'carrier-submit' }}
      forceRender
    >
      <Form form={form} layout="vertical" data-testid="carrier-form">
        <Form.Item name="name" label={t('carrier.form.name')} rules={[...required, { max: 200 }]}>
          <Input data-testid="carrier-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('carrier.form.kind')} rules={required} extra={carrier ? t('carrier.form.kindFixed') : undefined}>
          <Select disabled={!!carrier} options={KINDS[review].map((k) => ({ value: k, label: t(`carrier.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="level" label={t('carrier.form.level')}>
          <Select allowClear placeholder={t('carrier.level.none')} options={LEVELS.map((l) => ({ value: l, label: t(`carrier.level.${l}`) }))} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('carrier.form.region')} rules={required}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={units.isLoading}
            options={(units.data?.units ?? []).map((u) => ({ value: u.code, label: u.name }))}
            data-testid="carrier-region"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
