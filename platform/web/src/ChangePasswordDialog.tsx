/** 修改密码: POST /api/auth/password; PASSWORD_WRONG / PASSWORD_WEAK land on their fields. */
import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { ApiError, api, errorMessage } from './api.ts';
import { useT } from './i18n.ts';
import { MIN_PASSWORD_LENGTH } from '@kechuang/platform-core/password';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const [isSaving, setSaving] = useState(false);

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await api.post('/api/auth/password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      message.success(t('password.done'));
      form.resetFields();
      onClose();
    } catch (e) {
      const field =
        e instanceof ApiError && e.code === 'PASSWORD_WRONG' ? 'currentPassword' : e instanceof ApiError && e.code === 'PASSWORD_WEAK' ? 'newPassword' : null;
      if (field) form.setFields([{ name: field, errors: [errorMessage(e)] }]);
      else message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={t('password.title')}
      open={open}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={isSaving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false} preserve={false}>
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.rule', { n: MIN_PASSWORD_LENGTH })}
          rules={[{ required: true }, { min: MIN_PASSWORD_LENGTH, message: t('password.rule', { n: MIN_PASSWORD_LENGTH }) }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
