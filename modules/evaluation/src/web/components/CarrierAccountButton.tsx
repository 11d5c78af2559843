/** 开通账号: an administrator opens a login for a carrier (role carrierUser 载体填报员, bound to it), as the registry does for enterprises. */
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { errorMessage, useT } from '@kechuang/platform-web';
import { useCreateCarrierAccount } from '../carrier-api.ts';
import type { CarrierAccountCreate } from '../types.ts';

export function CarrierAccountButton({ carrierId, carrierName }: { carrierId: number; carrierName: string }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<CarrierAccountCreate>();
  const create = useCreateCarrierAccount();
  const submit = async () => {
    const values = await form.validateFields();
    try {
      const user = await create.mutateAsync({ id: carrierId, body: values });
      void message.success(t('ev.review.account.created', { username: user.username }));
      setOpen(false);
      form.resetFields();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <>
      <Button type="link" size="small" icon={<UserAddOutlined />} onClick={() => setOpen(true)} data-testid="carrier-account">
        {t('ev.review.account.open')}
      </Button>
      <Modal
        open={open}
        title={t('ev.review.account.title', { name: carrierName })}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('ev.review.account.hint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ displayName: carrierName }}>
          <Form.Item name="username" label={t('ev.review.account.username')} rules={[{ required: true }, { pattern: /^[A-Za-z0-9_.@-]{2,64}$/, message: t('ev.review.account.usernameRule') }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t('ev.review.account.displayName')}>
            <Input />
          </Form.Item>
          <Form.Item name="password" label={t('ev.review.account.password')} rules={[{ required: true }, { min: 8, message: t('ev.review.account.passwordRule') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
