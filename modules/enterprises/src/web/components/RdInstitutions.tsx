/** R&D institutions (研发机构) with type, level and year recognised; the bureau adds and removes them. */
import { useEffect, useState } from 'react';
import { App, Button, Card, Empty, Form, Input, InputNumber, Modal, Popconfirm, Select, Table, Tag, type TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { errorMessage, useT, bureauYear } from '@kechuang/platform-web';
import { useAddRdInstitution, useDeleteRdInstitution } from '../api.ts';
import { RD_INSTITUTION_TYPES, RD_LEVELS } from '../labels.ts';
import type { Profile, RdInstitution, RdInstitutionInput, RdLevel } from '../types.ts';
import { clearChangedErrors, showApiError } from './form-errors.ts';

const LEVEL_COLOURS: Record<RdLevel, string> = { national: 'red', provincial: 'volcano', municipal: 'blue', district: 'default' };

export function RdInstitutions({ profile }: { profile: Profile }) {
  const t = useT();
  const { message } = App.useApp();
  const [isAdding, setAdding] = useState(false);
  const remove = useDeleteRdInstitution(profile.enterprise.id);
  const columns: TableColumnsType<RdInstitution> = [
    { title: t('ent.rd.name'), dataIndex: 'name' },
    { title: t('ent.rd.type'), dataIndex: 'type', width: 150, render: (x: RdInstitution['type']) => t(`ent.rdType.${x}`) },
    { title: t('ent.rd.level'), dataIndex: 'level', width: 80, render: (l: RdLevel) => <Tag color={LEVEL_COLOURS[l]}>{t(`ent.rdLevel.${l}`)}</Tag> },
    { title: t('ent.rd.year'), dataIndex: 'recognisedYear', width: 80, align: 'right' },
    ...(profile.canEdit
      ? [
          {
            title: '',
            key: 'actions',
            width: 48,
            render: (_: unknown, r: RdInstitution) => (
              <Popconfirm
                title={t('ent.rd.deleteConfirm', { name: r.name })}
                onConfirm={() =>
                  remove
                    .mutateAsync(r.id)
                    .then(() => message.success(t('common.saved')))
                    .catch((e: unknown) => message.error(errorMessage(e)))
                }
              >
                <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card
      title={t('ent.rd.title')}
      size="small"
      style={{ height: '100%' }}
      extra={
        profile.canEdit && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="rd-add">
            {t('ent.rd.add')}
          </Button>
        )
      }
    >
      {profile.rdInstitutions.length ? (
        <Table<RdInstitution> rowKey="id" size="small" columns={columns} dataSource={profile.rdInstitutions} pagination={false} data-testid="rd-table" />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ent.rd.none')} />
      )}
      {profile.canEdit && <RdInstitutionDialog enterpriseId={profile.enterprise.id} open={isAdding} onClose={() => setAdding(false)} />}
    </Card>
  );
}

function RdInstitutionDialog({ enterpriseId, open, onClose }: { enterpriseId: number; open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<RdInstitutionInput>();
  const add = useAddRdInstitution(enterpriseId);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ type: 'engineeringCenter', level: 'municipal', recognisedYear: bureauYear() - 1 });
  }, [open, form]);

  const save = async () => {
    const v = await form.validateFields();
    try {
      await add.mutateAsync({ ...v, name: v.name.trim() });
      message.success(t('common.saved'));
      onClose();
    } catch (e) {
      showApiError(form, e, (text) => void message.error(text));
    }
  };

  return (
    <Modal
      title={t('ent.rd.add')}
      open={open}
      onCancel={onClose}
      onOk={() => void save().catch(() => undefined)}
      okText={t('common.save')}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onValuesChange={clearChangedErrors(form)}>
        <Form.Item name="name" label={t('ent.rd.name')} rules={[{ required: true, message: t('ent.required') }]}>
          <Input maxLength={200} placeholder={t('ent.rd.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="type" label={t('ent.rd.type')} rules={[{ required: true, message: t('ent.required') }]}>
          <Select options={RD_INSTITUTION_TYPES.map((x) => ({ value: x, label: t(`ent.rdType.${x}`) }))} />
        </Form.Item>
        <Form.Item name="level" label={t('ent.rd.level')} rules={[{ required: true, message: t('ent.required') }]}>
          <Select options={RD_LEVELS.map((x) => ({ value: x, label: t(`ent.rdLevel.${x}`) }))} />
        </Form.Item>
        <Form.Item name="recognisedYear" label={t('ent.rd.year')} rules={[{ required: true, message: t('ent.required') }]}>
          <InputNumber min={1950} max={2100} precision={0} style={{ width: 140 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
