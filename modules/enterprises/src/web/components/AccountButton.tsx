/** 开通企业账号: an administrator opens a login for the enterprise (role enterpriseUser, bound to it). */
import { useState } from 'react';
import { App, Button, Form, Input, Modal } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { api, errorMessage, useT } from '@kechuang/platform-web';

interface AccountInput {
  username: string;
  displayName?: string;
  password: string;
}

export function AccountButton({ enterpriseId, enterpriseName }: { enterpriseId: number; enterpriseName: string }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<AccountInput>();
  const create = useMutation({ mutationFn: (input: AccountInput) => api.post<{ username: string }>(`/api/enterprises/${enterpriseId}/accounts`, input) });
  const submit = async () => {
    const values = await form.validateFields();
    try {
      const user = await create.mutateAsync(values);
      void message.success(t('ent.account.created', { username: user.username }));
      setOpen(false);
      form.resetFields();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <>
      <Button icon={<UserAddOutlined />} onClick={() => setOpen(true)} data-testid="enterprise-account">
        {t('ent.account.open')}
      </Button>
      <Modal open={open} title={t('ent.account.title', { name: enterpriseName })} onCancel={() => setOpen(false)} onOk={() => void submit()} confirmLoading={create.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ displayName: enterpriseName }}>
          <Form.Item name="username" label={t('ent.account.username')} rules={[{ required: true }, { pattern: /^[A-Za-z0-9_.@-]{2,64}$/, message: t('ent.account.usernameRule') }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t('ent.account.displayName')}>
            <Input />
          </Form.Item>
          <Form.Item name="password" label={t('ent.account.password')} rules={[{ required: true }, { min: 8, message: t('ent.account.passwordRule') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
