/**
 * 机构: the institutes (高校、科研院所、产业技术研究院 …) that own achievements and experts, for the bureau: register one,
 * and (an administrator) open its account (机构用户, role institutionUser) on its row.
 */
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ApiError, ADMIN_ROLES, BoundAccountButton, PageHeader, api, errorMessage, useAuth, useT, useUnits } from '@kechuang/platform-web';
import { useQueryClient } from '@tanstack/react-query';
import { useInstitutes } from '../api.ts';
import { INSTITUTE_KINDS, type Institute } from '../types.ts';

interface Values {
  name: string;
  kind: string;
  regionCode: string;
  uscc?: string;
  contact?: string;
}

export function InstitutesPage() {
  const t = useT();
  const { user } = useAuth();
  const isAdmin = !!user && ADMIN_ROLES.includes(user.role);
  const institutes = useInstitutes();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['market'] });
  const [adding, setAdding] = useState(false);
  const columns: TableColumnsType<Institute> = [
    { key: 'name', title: t('market.col.title'), dataIndex: 'name' },
    { key: 'kind', title: t('market.col.kind'), width: 160, render: (_, i) => t(`market.instituteKind.${i.kind}`) },
    { key: 'region', title: t('market.col.region'), dataIndex: 'regionName', width: 140 },
    { key: 'accounts', title: t('market.institute.accounts'), dataIndex: 'accounts', width: 90 },
    { key: 'synthetic', title: '', width: 90, render: (_, i) => (i.isSynthetic ? <Tag>{t('market.synthetic')}</Tag> : null) },
    ...(isAdmin
      ? [
          {
            key: 'actions',
            title: t('market.col.actions'),
            width: 140,
            render: (_: unknown, i: Institute) => (
              <BoundAccountButton
                url={`/api/market/institutes/${i.id}/accounts`}
                recordName={i.name}
                label={t('market.account.open')}
                title={t('market.account.title', { name: i.name })}
                hint={t('market.account.instituteHint')}
                button={{ type: 'link', size: 'small' }}
                testId="institute-account"
                onCreated={() => void refresh()}
              />
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <PageHeader
        title={t('nav.marketInstitutes')}
        subtitle={t('market.institute.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="institute-new">
            {t('market.institute.new')}
          </Button>
        }
      />
      <Table<Institute>
        rowKey="id"
        size="small"
        loading={institutes.isFetching}
        columns={columns}
        dataSource={institutes.data?.items ?? []}
        onRow={() => ({ 'data-testid': 'institute-row' }) as object}
        pagination={{ pageSize: 50, showSizeChanger: false }}
      />
      <InstituteDialog open={adding} onClose={() => setAdding(false)} onSaved={() => void refresh()} />
    </>
  );
}

function InstituteDialog({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const units = useUnits();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const saved = await api.post<Institute>('/api/market/institutes', { ...v, uscc: v.uscc?.trim() || null, contact: v.contact ?? '' });
      void message.success(t('market.saved', { title: saved.name }));
      form.resetFields();
      onSaved();
      onClose();
    } catch (e) {
      const field = e instanceof ApiError ? e.field : undefined;
      if (field && ['name', 'regionCode', 'uscc'].includes(field)) form.setFields([{ name: field as keyof Values, errors: [errorMessage(e)] }]);
      else void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={t('market.institute.new')} open={open} onOk={() => void submit()} onCancel={onClose} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'researchInstitute' }}>
        <Form.Item name="name" label={t('market.col.title')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label={t('market.col.kind')} rules={[{ required: true }]}>
          <Select options={INSTITUTE_KINDS.map((k) => ({ value: k, label: t(`market.instituteKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('market.col.region')} rules={[{ required: true }]}>
          <Select loading={units.isLoading} options={(units.data?.units ?? []).map((u) => ({ value: u.code, label: u.name }))} />
        </Form.Item>
        <Form.Item name="uscc" label={t('market.field.uscc')} rules={[{ len: 18 }]}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="contact" label={t('market.field.contact')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
