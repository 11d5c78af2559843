/**
 * A technology contract: its terms, parties, both amounts with the non-technical parts, income received and its
 * history; the clerk registers, refuses with a ground, returns for papers, corrects amounts with a reason or
 * deregisters; its seller resubmits a returned contract and records income.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Result, Row, Select, Space, Spin, Table, Tag } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, PageHeader, bureauToday, errorMessage, formatDateTime, useBreadcrumbName, useT } from '@kechuang/platform-web';
import { deductible, regimeOn } from '../../domain/index.ts';
import { useAddInstalment, useContract, useCorrect, useDecision } from '../api.ts';
import { DeadlineClock, StatusTag, SyntheticMark } from '../components/ContractLabels.tsx';
import type { TechContract, TechContractDetail } from '../types.ts';

type Dialog = 'refuse' | 'return' | 'deregister' | 'correct' | 'instalment' | null;

function Party({ title, p }: { title: string; p: TechContract['seller'] }) {
  const t = useT();
  return (
    <Descriptions size="small" column={1} title={title} bordered>
      <Descriptions.Item label={t('tc.party.name')}>
        <Space>
          {p.name}
          {p.enterpriseId && <Tag color="blue">{t('tc.party.fromRegistry')}</Tag>}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('tc.party.uscc')}>{p.uscc ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('tc.party.location')}>{t(`tc.location.${p.location}`)}</Descriptions.Item>
      <Descriptions.Item label={t('tc.party.region')}>{p.regionName ?? '—'}</Descriptions.Item>
    </Descriptions>
  );
}

function Actions({ c, onOpen }: { c: TechContractDetail; onOpen: (d: Dialog) => void }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const decide = useDecision();
  const run = async (action: 'register' | 'resubmit') => {
    try {
      await decide.mutateAsync({ id: c.id, action });
      message.success(t('tc.done'));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Space wrap>
      {c.canDecide && c.status === 'submitted' && (
        <>
          <Button
            type="primary"
            data-testid="tc-register"
            onClick={() => modal.confirm({ title: t('tc.action.register'), content: t('tc.registerConfirm'), onOk: () => run('register') })}
          >
            {t('tc.action.register')}
          </Button>
          <Button danger onClick={() => onOpen('refuse')} data-testid="tc-refuse">
            {t('tc.action.refuse')}
          </Button>
          <Button onClick={() => onOpen('return')}>{t('tc.action.return')}</Button>
        </>
      )}
      {c.canEdit && (c.status === 'submitted' || c.status === 'returned') && (
        <Button onClick={() => void navigate(`/tech-contracts/${c.id}/edit`)} data-testid="tc-edit">
          {t('common.edit')}
        </Button>
      )}
      {c.canEdit && c.status === 'returned' && (
        <Button type="primary" onClick={() => void run('resubmit')}>
          {t('tc.action.resubmit')}
        </Button>
      )}
      {c.canDecide && ['submitted', 'returned', 'registered'].includes(c.status) && (
        <Button onClick={() => onOpen('correct')} data-testid="tc-correct">
          {t('tc.action.correct')}
        </Button>
      )}
      {c.canDecide && c.status === 'registered' && (
        <Button danger onClick={() => onOpen('deregister')}>
          {t('tc.action.deregister')}
        </Button>
      )}
      {c.canEdit && <Button onClick={() => onOpen('instalment')}>{t('tc.instalment.add')}</Button>}
    </Space>
  );
}

/** the dialogs of the actions that need words or figures */
function ActionDialog({ c, dialog, onClose }: { c: TechContractDetail; dialog: Dialog; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const decide = useDecision();
  const correct = useCorrect();
  const instalment = useAddInstalment();
  if (!dialog) return null;
  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, unknown>;
    try {
      if (dialog === 'refuse') await decide.mutateAsync({ id: c.id, action: 'refuse', body: { ground: v.ground, note: v.note || undefined } });
      else if (dialog === 'return') await decide.mutateAsync({ id: c.id, action: 'return', body: { note: v.note } });
      else if (dialog === 'deregister') await decide.mutateAsync({ id: c.id, action: 'deregister', body: { reason: v.reason } });
      else if (dialog === 'correct')
        await correct.mutateAsync({
          id: c.id,
          body: { unit: '万元', contractAmount: v.contractAmount as number, techAmount: (v.techAmount as number | null) ?? null, reason: v.reason as string },
        });
      else
        await instalment.mutateAsync({
          id: c.id,
          body: {
            receivedOn: (v.receivedOn as { format(f: string): string }).format('YYYY-MM-DD'),
            amount: v.amount as number,
            note: (v.note as string) || undefined,
          },
        });
      message.success(t('tc.done'));
      form.resetFields();
      onClose();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const grounds = regimeOn(c.submittedOn).refusalGrounds;
  const title = dialog === 'instalment' ? t('tc.instalment.add') : t(`tc.action.${dialog}`);
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => void submit()} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={dialog === 'correct' ? { contractAmount: c.contractAmount / 10_000, techAmount: c.techAmount / 10_000 } : {}}
      >
        {dialog === 'refuse' && (
          <>
            <Form.Item name="ground" label={t('tc.refuse.ground')} rules={[{ required: true }]}>
              <Select options={grounds.map((g) => ({ value: g, label: t(`tc.ground.${g}`) }))} data-testid="tc-ground" />
            </Form.Item>
            <Form.Item name="note" label={t('tc.refuse.note')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        )}
        {dialog === 'return' && (
          <Form.Item name="note" label={t('tc.return.note')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        )}
        {dialog === 'deregister' && (
          <Form.Item name="reason" label={t('tc.deregister.reason')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        )}
        {dialog === 'correct' && (
          <>
            <Alert type="info" showIcon title={t('tc.correct.hint')} style={{ marginBottom: 12 }} />
            <Form.Item name="contractAmount" label={t('tc.contractAmount')} rules={[{ required: true }]}>
              <InputNumber min={0} style={{ width: '100%' }} addonAfter="万元" />
            </Form.Item>
            <Form.Item name="techAmount" label={t('tc.techAmount')}>
              <InputNumber min={0} style={{ width: '100%' }} addonAfter="万元" />
            </Form.Item>
            <Form.Item name="reason" label={t('tc.correct.reason')} rules={[{ required: true, min: 2 }]}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        )}
        {dialog === 'instalment' && (
          <>
            <Form.Item name="receivedOn" label={t('tc.instalment.receivedOn')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > bureauToday()} />
            </Form.Item>
            <Form.Item name="amount" label={t('tc.instalment.amount')} rules={[{ required: true }]}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="note" label={t('tc.instalment.note')}>
              <Input maxLength={300} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

export function ContractPage() {
  const t = useT();
  const id = Number(useParams().id);
  const contract = useContract(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  useBreadcrumbName(contract.data?.title);
  if (contract.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (contract.isError || !contract.data) {
    const e = contract.error;
    return (
      <Result
        status={e instanceof ApiError && e.status === 403 ? '403' : '404'}
        title={e instanceof ApiError && e.status === 403 ? t('tc.notYours') : errorMessage(e)}
      />
    );
  }
  const c = contract.data;
  return (
    <>
      <PageHeader
        title={
          <Space>
            <span data-testid="tc-title">{c.title}</span>
            <StatusTag status={c.status} />
            <SyntheticMark shown={c.isSynthetic} />
          </Space>
        }
        subtitle={c.registrationNo ?? undefined}
        extra={<Actions c={c} onOpen={setDialog} />}
      />
      {c.carrierSetsUnusual && <Alert type="warning" showIcon title={t('tc.carrierSetsUnusual')} style={{ marginBottom: 12 }} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('tc.form.type')}>
            {t(`tc.type.${c.type}`)} · {t(`tc.subtype.${c.subtype}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('tc.field.label')}>{t(`tc.field.${c.field}`)}</Descriptions.Item>
          <Descriptions.Item label={t('tc.contractNo')}>{c.contractNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('tc.signedOn')}>{c.signedOn}</Descriptions.Item>
          <Descriptions.Item label={t('tc.rulesVersion')}>{t(`tc.rules.${c.rulesVersion}`)}</Descriptions.Item>
          <Descriptions.Item label={t('tc.submittedOn')}>{c.submittedOn}</Descriptions.Item>
          <Descriptions.Item label={t('tc.deadline')}>
            <Space>
              {c.deadline}
              <DeadlineClock contract={c} />
              {c.isLarge && <Tag color="purple">{t('tc.large')}</Tag>}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('tc.registeredOn')}>{c.registeredOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('tc.clerk')}>{c.clerkName ?? '—'}</Descriptions.Item>
          {c.refusalGround && <Descriptions.Item label={t('tc.refuse.ground')}>{t(`tc.ground.${c.refusalGround}`)}</Descriptions.Item>}
          {c.statusNote && <Descriptions.Item label={t('tc.statusNote')}>{c.statusNote}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col xs={24} md={12}>
          <Party title={t('tc.party.seller')} p={c.seller} />
        </Col>
        <Col xs={24} md={12}>
          <Party title={t('tc.party.buyer')} p={c.buyer} />
        </Col>
      </Row>
      <Card size="small" title={t('tc.section.amounts')} style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 4 }}>
          <Descriptions.Item label={t('tc.contractAmount')}>
            <span data-testid="tc-contract-amount">{t('tc.yuan', { amount: c.contractAmount.toLocaleString() })}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('tc.deductible')}>{t('tc.yuan', { amount: deductible(c.items).toLocaleString() })}</Descriptions.Item>
          <Descriptions.Item label={t('tc.techAmount')}>
            <span data-testid="tc-tech-amount">{t('tc.yuan', { amount: c.techAmount.toLocaleString() })}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('tc.receivedTotal')}>{t('tc.yuan', { amount: c.receivedTotal.toLocaleString() })}</Descriptions.Item>
        </Descriptions>
        {c.items.length > 0 && (
          <Table
            size="small"
            rowKey={(_, i) => String(i)}
            pagination={false}
            dataSource={c.items}
            title={() => t('tc.section.items')}
            columns={[
              { title: t('tc.item.kind'), dataIndex: 'kind', render: (k: string) => t(`tc.itemKind.${k}`) },
              { title: t('tc.item.name'), dataIndex: 'name' },
              { title: t('tc.item.quantity'), dataIndex: 'quantity', render: (q: number | null) => q ?? '—' },
              { title: t('tc.item.amount'), dataIndex: 'amount', align: 'right', render: (a: number) => a.toLocaleString() },
              { title: t('tc.item.carrier'), dataIndex: 'carrier', render: (b: boolean) => (b ? '✓' : '') },
            ]}
          />
        )}
      </Card>
      <Row gutter={12}>
        <Col xs={24} md={10}>
          <Card size="small" title={t('tc.section.instalments')}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={c.instalments}
              columns={[
                { title: t('tc.instalment.receivedOn'), dataIndex: 'receivedOn' },
                { title: t('tc.instalment.amount'), dataIndex: 'amount', align: 'right', render: (a: number) => a.toLocaleString() },
                { title: t('tc.instalment.note'), dataIndex: 'note' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} md={14}>
          <Card size="small" title={t('tc.section.history')}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={c.history}
              data-testid="tc-history"
              columns={[
                { title: t('tc.history.at'), dataIndex: 'at', width: 150, render: (at: string) => formatDateTime(at) },
                { title: t('tc.history.action'), dataIndex: 'action', render: (a: string) => t(`tc.action.${a}`) },
                { title: t('tc.history.user'), dataIndex: 'username' },
                { title: t('tc.history.reason'), dataIndex: 'reason', render: (r: string | null) => r ?? '' },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <ActionDialog c={c} dialog={dialog} onClose={() => setDialog(null)} />
    </>
  );
}
