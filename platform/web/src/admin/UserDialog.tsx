/** Create a user (POST /api/users) or edit one (PATCH /api/users/:id). */
import { useEffect, useState } from 'react';
import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, api, errorMessage } from '../api.ts';
import { listQueryKey } from '../DataTable.tsx';
import { useT } from '../i18n.ts';
import { MIN_PASSWORD_LENGTH } from '@kechuang/platform-core/password';
import { useUnits } from '../regions.ts';
import { isPlatformRole, PLATFORM_ROLES, roleNeedsRegion, type Role } from '../roles.ts';
import type { UserRow } from './types.ts';

interface UserForm {
  username: string;
  displayName: string;
  role: Role;
  regionCode?: string | null;
  isActive: boolean;
  password?: string;
}

export function UserDialog({ user, open, onClose }: { user: UserRow | null; open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const units = useUnits();
  const [form] = Form.useForm<UserForm>();
  const [isSaving, setSaving] = useState(false);
  const role = Form.useWatch('role', form);
  const isNew = !user;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(user ? { ...user, password: '' } : { role: 'bureauStaff', isActive: true });
  }, [open, user, form]);

  const regionOptions = [
    ...(units.data ? [{ value: units.data.district.code, label: units.data.district.name }] : []),
    ...(units.data?.units ?? []).map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` })),
  ];

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const regionCode = v.regionCode || null;
      if (isNew) {
        await api.post('/api/users', { username: v.username.trim(), displayName: v.displayName ?? '', role: v.role, regionCode, password: v.password });
        message.success(t('users.created'));
      } else {
        await api.patch(`/api/users/${user.id}`, {
          displayName: v.displayName,
          role: v.role,
          regionCode,
          isActive: v.isActive,
          ...(v.password ? { password: v.password } : {}),
        });
        message.success(t('common.saved'));
      }
      await queryClient.invalidateQueries({ queryKey: listQueryKey('/api/users') });
      onClose();
    } catch (e) {
      const field = e instanceof ApiError ? e.field : undefined;
      if (field && field in (form.getFieldsValue() as object)) form.setFields([{ name: field as keyof UserForm, errors: [errorMessage(e)] }]);
      else message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={isNew ? t('users.create') : `${t('users.edit')} · ${user.username}`}
      open={open}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={isSaving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item name="username" label={t('users.username')} rules={[{ required: true }]}>
          <Input disabled={!isNew} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('users.displayName')}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
          {/* an account bound to a room's record (an enterprise's, a carrier's …) is opened from the record's page, and keeps its role */}
          <Select
            options={(user && !isPlatformRole(user.role) ? [user.role] : PLATFORM_ROLES).map((r) => ({ value: r, label: t(`role.${r}`) }))}
            disabled={!!user && !isPlatformRole(user.role)}
          />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('users.region')}
          extra={role && roleNeedsRegion(role) ? t('users.regionHint') : undefined}
          rules={[{ required: !!role && roleNeedsRegion(role), message: t('users.regionHint') }]}
        >
          <Select allowClear options={regionOptions} loading={units.isLoading} />
        </Form.Item>
        {!isNew && (
          <Form.Item name="isActive" label={t('users.isActive')} valuePropName="checked">
            <Switch checkedChildren={t('users.active')} unCheckedChildren={t('users.inactive')} />
          </Form.Item>
        )}
        <Form.Item
          name="password"
          label={isNew ? t('users.password') : t('users.resetPassword')}
          extra={isNew ? t('password.rule', { n: MIN_PASSWORD_LENGTH }) : t('users.resetPasswordHint')}
          rules={[{ required: isNew }, { min: MIN_PASSWORD_LENGTH, message: t('password.rule', { n: MIN_PASSWORD_LENGTH }) }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
