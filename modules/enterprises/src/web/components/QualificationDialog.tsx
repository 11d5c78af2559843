/** Register a certificate (POST /api/enterprises/:id/qualifications); validity defaults by kind on the server. */
import { useEffect } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { useT } from '@kechuang/platform-web';
import { useAddQualification } from '../api.ts';
import { QUALIFICATION_KINDS } from '../labels.ts';
import type { QualificationKind } from '../types.ts';
import { clearChangedErrors, showApiError } from './form-errors.ts';

interface QualificationForm {
  kind: QualificationKind;
  certificateNo: string;
  issuedOn: string;
  validUntil: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function QualificationDialog({ enterpriseId, open, onClose }: { enterpriseId: number; open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<QualificationForm>();
  const add = useAddQualification(enterpriseId);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ kind: 'hnte' });
  }, [open, form]);

  const save = async () => {
    const v = await form.validateFields();
    try {
      await add.mutateAsync({
        kind: v.kind,
        certificateNo: v.certificateNo.trim(),
        issuedOn: v.issuedOn.trim(),
        validUntil: v.validUntil?.trim() || undefined,
      });
      message.success(t('common.saved'));
      onClose();
    } catch (e) {
      showApiError(form, e, (text) => void message.error(text));
    }
  };

  const dateRule = { pattern: DATE, message: t('ent.dateFormat') };
  return (
    <Modal
      title={t('ent.qual.add')}
      open={open}
      onCancel={onClose}
      onOk={() => void save().catch(() => undefined)}
      okText={t('common.save')}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onValuesChange={clearChangedErrors(form)}>
        <Form.Item name="kind" label={t('ent.qual.kind')} rules={[{ required: true, message: t('ent.required') }]}>
          <Select options={QUALIFICATION_KINDS.map((k) => ({ value: k, label: t(`ent.tier.${k}`) }))} />
        </Form.Item>
        <Form.Item name="certificateNo" label={t('ent.qual.certificateNo')} rules={[{ required: true, message: t('ent.required') }]}>
          <Input maxLength={64} placeholder="GR202433100001" />
        </Form.Item>
        <Form.Item name="issuedOn" label={t('ent.qual.issuedOn')} rules={[{ required: true, message: t('ent.required') }, dateRule]} extra="YYYY-MM-DD">
          <Input maxLength={10} />
        </Form.Item>
        <Form.Item name="validUntil" label={t('ent.qual.validUntil')} rules={[dateRule]} extra={t('ent.qual.validUntilHint')}>
          <Input maxLength={10} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
