/** An enterprise user keeps their address and contacts up to date (PUT /api/enterprises/:id/contacts). */
import { useEffect } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { useT } from '@kechuang/platform-web';
import { useUpdateContacts } from '../api.ts';
import type { ContactsInput, Enterprise } from '../types.ts';
import { clearChangedErrors, showApiError } from './form-errors.ts';

export function ContactsDialog({ enterprise, open, onClose }: { enterprise: Enterprise; open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ContactsInput>();
  const update = useUpdateContacts(enterprise.id);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      address: enterprise.address,
      contactName: enterprise.contactName,
      contactPhone: enterprise.contactPhone,
      contactEmail: enterprise.contactEmail,
    });
  }, [open, enterprise, form]);

  const save = async () => {
    const v = await form.validateFields();
    try {
      await update.mutateAsync({
        address: v.address?.trim() ?? '',
        contactName: v.contactName?.trim() ?? '',
        contactPhone: v.contactPhone?.trim() ?? '',
        contactEmail: v.contactEmail?.trim() ?? '',
      });
      message.success(t('common.saved'));
      onClose();
    } catch (e) {
      showApiError(form, e, (text) => void message.error(text));
    }
  };

  return (
    <Modal
      title={t('ent.contacts.edit')}
      open={open}
      onCancel={onClose}
      onOk={() => void save().catch(() => undefined)}
      okText={t('common.save')}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onValuesChange={clearChangedErrors(form)}>
        <Form.Item name="address" label={t('ent.field.address')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="contactName" label={t('ent.field.contactName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('ent.field.contactPhone')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="contactEmail" label={t('ent.field.contactEmail')} rules={[{ type: 'email', message: t('ent.contacts.emailInvalid') }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
