/**
 * 开通账号: an administrator opens a login bound to one record of a kind a room registered (its role and binding
 * come from the record), on the record's own page. The room says where to post and what the button and dialog say;
 * the form (username, display name defaulting to the record's name, initial password) is the same.
 */
import { useState, type ReactNode } from 'react';
import { App, Button, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../api.ts';
import { useT } from '../i18n.ts';
import { MIN_PASSWORD_LENGTH } from '@kechuang/platform-core/password';
import './messages.ts';

interface AccountInput {
  username: string;
  displayName?: string;
  password: string;
}

export interface BoundAccountButtonProps {
  /** the room's route that opens the account, e.g. /api/enterprises/12/accounts */
  url: string;
  /** the record's name: the dialog's default display name */
  recordName: string;
  label: string;
  title: string;
  hint?: ReactNode;
  button?: Pick<ButtonProps, 'type' | 'size'>;
  testId: string;
  onCreated?: () => void;
}

export function BoundAccountButton({ url, recordName, label, title, hint, button, testId, onCreated }: BoundAccountButtonProps) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [isSaving, setSaving] = useState(false);
  const [form] = Form.useForm<AccountInput>();
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const user = await api.post<{ username: string }>(url, values);
      void message.success(t('boundAccount.created', { username: user.username }));
      setOpen(false);
      form.resetFields();
      onCreated?.();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <Button {...button} icon={<UserAddOutlined />} onClick={() => setOpen(true)} data-testid={testId}>
        {label}
      </Button>
      <Modal open={open} title={title} onCancel={() => setOpen(false)} onOk={() => void submit()} confirmLoading={isSaving} destroyOnHidden>
        {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
        <Form form={form} layout="vertical" initialValues={{ displayName: recordName }}>
          <Form.Item
            name="username"
            label={t('boundAccount.username')}
            rules={[{ required: true }, { pattern: /^[A-Za-z0-9_.@-]{2,64}$/, message: t('boundAccount.usernameRule') }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t('boundAccount.displayName')}>
            <Input />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('boundAccount.password')}
            extra={t('boundAccount.passwordRule', { n: MIN_PASSWORD_LENGTH })}
            rules={[{ required: true }, { min: MIN_PASSWORD_LENGTH, message: t('boundAccount.passwordRule', { n: MIN_PASSWORD_LENGTH }) }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
