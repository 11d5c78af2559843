/** The plans (五年规划) the lights are measured against, by short name (十四五; FYP14 in English); the bureau edits years and the yellow threshold. */
import { useEffect, useState } from 'react';
import { App, Badge, Button, Card, Form, Input, InputNumber, Modal, Switch, Table } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { errorMessage, formatPercent, useLang, useT } from '@kechuang/platform-web';
import { planShort } from '../format.ts';
import { usePlans, useSavePlan } from '../api.ts';
import type { Plan } from '../types.ts';

interface PlanForm extends Omit<Plan, 'yellowThreshold'> {
  /** shown in percent */
  yellowPercent: number;
}

function PlanDialog({ plan, onClose }: { plan: Plan | null; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const save = useSavePlan();
  const [form] = Form.useForm<PlanForm>();
  useEffect(() => {
    if (plan) form.setFieldsValue({ ...plan, yellowPercent: Math.round(plan.yellowThreshold * 1000) / 10 });
  }, [plan, form]);
  const submit = async () => {
    const { yellowPercent, ...v } = await form.validateFields();
    try {
      await save.mutateAsync({ ...v, code: plan!.code, yellowThreshold: yellowPercent / 100 });
      message.success(t('common.saved'));
      onClose();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Modal
      title={`${t('ind.plans.edit')} · ${plan ? planShort(plan, lang) : ''}`}
      open={!!plan}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('ind.plans.name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('ind.plans.years')} style={{ marginBottom: 0 }}>
          <Form.Item name="startYear" rules={[{ required: true }]} style={{ display: 'inline-block', width: 140, marginInlineEnd: 12 }}>
            <InputNumber min={1990} max={2100} placeholder={t('ind.plans.startYear')} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="endYear" rules={[{ required: true }]} style={{ display: 'inline-block', width: 140 }}>
            <InputNumber min={1990} max={2100} placeholder={t('ind.plans.endYear')} style={{ width: '100%' }} />
          </Form.Item>
        </Form.Item>
        <Form.Item name="yellowPercent" label={t('ind.plans.yellowThreshold')} extra={t('ind.plans.yellowHint')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} step={1} suffix="%" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="isCurrent" label={t('ind.plans.isCurrent')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function PlansCard({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const lang = useLang();
  const plans = usePlans();
  const [editing, setEditing] = useState<Plan | null>(null);
  return (
    <Card size="small" title={t('ind.plans.title')} style={{ marginTop: 16 }}>
      <Table<Plan>
        size="small"
        rowKey="code"
        pagination={false}
        loading={plans.isLoading}
        dataSource={plans.data?.items ?? []}
        columns={[
          {
            title: lang === 'en' ? t('ind.plans.code') : t('ind.plans.short'),
            dataIndex: 'code',
            width: 100,
            render: (_: unknown, p) => <span data-testid={`plan-${p.code}`}>{planShort(p, lang)}</span>,
          },
          { title: t('ind.plans.name'), dataIndex: 'name' },
          { title: t('ind.plans.years'), key: 'years', width: 130, render: (_: unknown, p) => `${p.startYear}–${p.endYear}` },
          { title: t('ind.plans.yellowThreshold'), dataIndex: 'yellowThreshold', width: 110, render: (v: number) => formatPercent(v, 0) },
          {
            title: t('ind.plans.isCurrent'),
            dataIndex: 'isCurrent',
            width: 110,
            render: (v: boolean) => (v ? <Badge status="processing" text={t('common.yes')} /> : t('common.no')),
          },
          ...(canEdit
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, p: Plan) => (
                    <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(p)}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <PlanDialog plan={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
