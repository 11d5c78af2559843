/**
 * IP held (知识产权), Class I / II as the HNTE rules count them, and for Class II how many items were already used
 * in an earlier HNTE recognition (they do not score again); the bureau edits the whole list.
 */
import { useEffect, useState } from 'react';
import { App, Button, Card, Col, Empty, Form, InputNumber, Modal, Row, Select, Table, Tag, Tooltip, type FormInstance, type TableColumnsType } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { ApiError, useT } from '@kechuang/platform-web';
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
    {
      title: t('ent.ip.class'),
      key: 'class',
      width: 80,
      render: (_: unknown, h) =>
        IP_CLASS[h.kind] ? <Tag color={IP_CLASS[h.kind] === 'I' ? 'blue' : 'default'}>{t(`ent.ip.class${IP_CLASS[h.kind]}`)}</Tag> : '—',
    },
    { title: t('ent.ip.acquisition'), dataIndex: 'acquisition', width: 100, render: (a: IpHolding['acquisition']) => t(`ent.ip.${a}`) },
    { title: t('ent.ip.count'), dataIndex: 'count', width: 70, align: 'right' },
    {
      title: <UsedTitle />,
      dataIndex: 'usedInEarlierHnte',
      width: 130,
      align: 'right',
      render: (n: number, h) => (IP_CLASS[h.kind] === 'II' ? <span data-testid="ip-used">{n}</span> : '—'),
    },
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
        <Table<IpHolding>
          rowKey={(h) => `${h.kind}|${h.acquisition}`}
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={false}
          data-testid="ip-table"
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ent.ip.none')} />
      )}
      {profile.canEdit && <IpDialog enterpriseId={profile.enterprise.id} holdings={profile.ip} open={isEditing} onClose={() => setEditing(false)} />}
    </Card>
  );
}

function UsedTitle() {
  const t = useT();
  return (
    <Tooltip title={t('ent.ip.usedHelp')}>
      <span>
        {t('ent.ip.usedInEarlierHnte')} <QuestionCircleOutlined style={{ color: '#8c8c8c' }} />
      </span>
    </Tooltip>
  );
}

const ROW_FIELDS: readonly string[] = ['kind', 'acquisition', 'count', 'usedInEarlierHnte'] satisfies (keyof IpHolding)[];
const isRowField = (f: string): f is keyof IpHolding => ROW_FIELDS.includes(f);

/** the server names a row's field as items.<n>.<field>: put its message there, else a toast */
function showIpError(form: FormInstance<{ items: IpHolding[] }>, e: unknown, toast: (text: string) => void): void {
  const m = e instanceof ApiError && e.field ? /^items\.(\d+)\.(\w+)$/.exec(e.field) : null;
  const field = m?.[2];
  if (m && field && isRowField(field) && e instanceof ApiError) form.setFields([{ name: ['items', Number(m[1]), field], errors: [e.message] }]);
  else showApiError(form, e, toast);
}

function IpDialog({ enterpriseId, holdings, open, onClose }: { enterpriseId: number; holdings: IpHolding[]; open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ items: IpHolding[] }>();
  const setIp = useSetIp(enterpriseId);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ items: holdings.length ? holdings : [{ kind: 'inventionPatent', acquisition: 'own', count: 1, usedInEarlierHnte: 0 }] });
  }, [open, holdings, form]);

  const save = async () => {
    const v = await form.validateFields();
    try {
      // a Class I row carries no used count (Class I items may be used again)
      await setIp.mutateAsync((v.items ?? []).map((h) => ({ ...h, usedInEarlierHnte: IP_CLASS[h.kind] === 'II' ? (h.usedInEarlierHnte ?? 0) : 0 })));
      message.success(t('common.saved'));
      onClose();
    } catch (e) {
      showIpError(form, e, (text) => void message.error(text));
    }
  };

  return (
    <Modal
      title={t('ent.ip.edit')}
      open={open}
      onCancel={onClose}
      onOk={() => void save().catch(() => undefined)}
      okText={t('common.save')}
      confirmLoading={setIp.isPending}
      width={760}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onValuesChange={clearChangedErrors(form)}>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.length > 0 && (
                <Row gutter={8} style={{ marginBottom: 4, color: '#8c8c8c' }}>
                  <Col span={8}>{t('ent.ip.kind')}</Col>
                  <Col span={5}>{t('ent.ip.acquisition')}</Col>
                  <Col span={4}>{t('ent.ip.count')}</Col>
                  <Col span={5}>
                    <UsedTitle />
                  </Col>
                </Row>
              )}
              {fields.map((f) => (
                <Row gutter={8} key={f.key} align="top">
                  <Col span={8}>
                    <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: t('ent.required') }]}>
                      <Select options={IP_KINDS.map((k) => ({ value: k, label: t(`ent.ipKind.${k}`) }))} />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <Form.Item name={[f.name, 'acquisition']} rules={[{ required: true, message: t('ent.required') }]}>
                      <Select options={(['own', 'transferred'] as const).map((a) => ({ value: a, label: t(`ent.ip.${a}`) }))} />
                    </Form.Item>
                  </Col>
                  <Col span={4}>
                    <Form.Item name={[f.name, 'count']} rules={[{ required: true, message: t('ent.required') }]}>
                      <InputNumber min={0} precision={0} style={{ width: '100%' }} suffix={t('ent.unit.items')} />
                    </Form.Item>
                  </Col>
                  <Col span={5}>
                    <UsedField name={f.name} />
                  </Col>
                  <Col span={2}>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.delete')} />
                  </Col>
                </Row>
              ))}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({ kind: 'utilityModel', acquisition: 'own', count: 1, usedInEarlierHnte: 0 })}
              >
                {t('ent.ip.addRow')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** a row's Class II items used in an earlier recognition: at most its count; a Class I row has none */
function UsedField({ name }: { name: number }) {
  const t = useT();
  const form = Form.useFormInstance<{ items: IpHolding[] }>();
  const kind = Form.useWatch(['items', name, 'kind'], form) as IpHolding['kind'] | undefined;
  const isClassII = kind !== undefined && IP_CLASS[kind] === 'II';
  return (
    <Form.Item
      name={[name, 'usedInEarlierHnte']}
      dependencies={[['items', name, 'count']]}
      rules={[
        ({ getFieldValue }) => ({
          validator: (_, v: number | null | undefined) =>
            !isClassII || v === null || v === undefined || v <= (getFieldValue(['items', name, 'count']) as number)
              ? Promise.resolve()
              : Promise.reject(new Error(t('ent.ip.usedAboveCount'))),
        }),
      ]}
    >
      <InputNumber min={0} precision={0} style={{ width: '100%' }} disabled={!isClassII} placeholder={isClassII ? '0' : '—'} data-testid="ip-used-input" />
    </Form.Item>
  );
}
