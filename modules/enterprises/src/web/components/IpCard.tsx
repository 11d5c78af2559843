/** IP held (知识产权), Class I / II as the HNTE rules count them; the bureau edits the whole list. */
import { useEffect, useState } from 'react';
import { App, Button, Card, Col, Empty, Form, InputNumber, Modal, Row, Select, Table, Tag, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '@kechuang/platform-web';
import { useSetIp } from '../api.ts';
import { IP_CLASS, IP_KINDS } from '../labels.ts';
import type { IpHolding, IpKind, Profile } from '../types.ts';
import { clearChangedErrors, showApiError } from './form-errors.ts';

export function IpCard({ profile }: { profile: Profile }) {
  const t = useT();
  const [isEditing, setEditing] = useState(false);
  const rows = [...profile.ip].sort((a, b) => IP_KINDS.indexOf(a.kind) - IP_KINDS.indexOf(b.kind) || a.acquisition.localeCompare(b.acquisition));
  const columns: TableColumnsType<IpHolding> = [
    { title: t('ent.ip.kind'), dataIndex: 'kind', render: (k: IpKind) => t(`ent.ipKind.${k}`) },
    { title: t('ent.ip.class'), key: 'class', width: 80, render: (_: unknown, h) => (IP_CLASS[h.kind] ? <Tag color={IP_CLASS[h.kind] === 'I' ? 'blue' : 'default'}>{t(`ent.ip.class${IP_CLASS[h.kind]}`)}</Tag> : '—') },
    { title: t('ent.ip.acquisition'), dataIndex: 'acquisition', width: 100, render: (a: IpHolding['acquisition']) => t(`ent.ip.${a}`) },
    { title: t('ent.ip.count'), dataIndex: 'count', width: 70, align: 'right' },
  ];
  return (
    <Card
      title={t('ent.ip.title')}
      size="small"
      style={{ height: '100%' }}
      extra={
        profile.canEdit && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="ip-edit">
            {t('common.edit')}
          </Button>
        )
      }
    >
      {rows.length ? (
        <Table<IpHolding> rowKey={(h) => `${h.kind}|${h.acquisition}`} size="small" columns={columns} dataSource={rows} pagination={false} data-testid="ip-table" />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ent.ip.none')} />
      )}
      {profile.canEdit && <IpDialog enterpriseId={profile.enterprise.id} holdings={profile.ip} open={isEditing} onClose={() => setEditing(false)} />}
    </Card>
  );
}

function IpDialog({ enterpriseId, holdings, open, onClose }: { enterpriseId: number; holdings: IpHolding[]; open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ items: IpHolding[] }>();
  const setIp = useSetIp(enterpriseId);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ items: holdings.length ? holdings : [{ kind: 'inventionPatent', acquisition: 'own', count: 1 }] });
  }, [open, holdings, form]);

  const save = async () => {
    const v = await form.validateFields();
    try {
      await setIp.mutateAsync(v.items ?? []);
      message.success(t('common.saved'));
      onClose();
    } catch (e) {
      showApiError(form, e, (text) => void message.error(text));
    }
  };

  return (
    <Modal title={t('ent.ip.edit')} open={open} onCancel={onClose} onOk={() => void save().catch(() => undefined)} okText={t('common.save')} confirmLoading={setIp.isPending} width={640} destroyOnHidden>
      <Form form={form} layout="vertical" onValuesChange={clearChangedErrors(form)}>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.length > 0 && (
                <Row gutter={8} style={{ marginBottom: 4, color: '#8c8c8c' }}>
                  <Col span={10}>{t('ent.ip.kind')}</Col>
                  <Col span={6}>{t('ent.ip.acquisition')}</Col>
                  <Col span={6}>{t('ent.ip.count')}</Col>
                </Row>
              )}
              {fields.map((f) => (
                <Row gutter={8} key={f.key} align="top">
                  <Col span={10}>
                    <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: t('ent.required') }]}>
                      <Select options={IP_KINDS.map((k) => ({ value: k, label: t(`ent.ipKind.${k}`) }))} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name={[f.name, 'acquisition']} rules={[{ required: true, message: t('ent.required') }]}>
                      <Select options={(['own', 'transferred'] as const).map((a) => ({ value: a, label: t(`ent.ip.${a}`) }))} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name={[f.name, 'count']} rules={[{ required: true, message: t('ent.required') }]}>
                      <InputNumber min={0} precision={0} style={{ width: '100%' }} suffix={t('ent.unit.items')} />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ kind: 'utilityModel', acquisition: 'own', count: 1 })}>
                {t('ent.ip.addRow')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
