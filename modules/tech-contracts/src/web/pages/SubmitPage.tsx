/**
 * 申请认定登记: the submission form. An enterprise account submits with its own enterprise as the seller; the
 * register clerk enters a contract for any seller (by its registry number, or by name, code and town). The
 * types and subtypes offered are those of the rules in force on the signing date; amounts in 万元; the
 * technology amount, when left empty, is the total less the deductible non-technical parts (shown as typed).
 */
import { useEffect } from 'react';
import { App, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Spin, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import dayjs from 'dayjs';
import { BUREAU_ROLES, PageHeader, bureauToday, errorMessage, useAuth, useBreadcrumbName, useT, useUnits } from '@kechuang/platform-web';
import { ITEM_KINDS, PARTY_LOCATIONS, technicalAmount, TECH_FIELD_KEYS, typeRegimeOf, type ItemKind, type TechContractType } from '../../domain/index.ts';
import { useContract, useEditContract, useSubmitContract } from '../api.ts';
import type { ContractInput, TechContractDetail } from '../types.ts';

interface Values {
  title: string;
  contractNo?: string;
  signedOn?: { format(f: string): string };
  type: TechContractType;
  subtype: ContractInput['subtype'];
  field: ContractInput['field'];
  chainTag?: string;
  sellerEnterpriseId?: number;
  seller: { name?: string; uscc?: string; location: ContractInput['seller']['location']; regionCode?: string };
  buyer: { name: string; uscc?: string; location: ContractInput['buyer']['location']; regionCode?: string };
  contractAmount: number;
  techAmount?: number | null;
  items?: { kind: ItemKind; name: string; amount: number; quantity?: number; carrier?: boolean }[];
}

function PartyFields({ side, disabled }: { side: 'seller' | 'buyer'; disabled?: boolean }) {
  const t = useT();
  const units = useUnits();
  const location = Form.useWatch([side, 'location']) as string | undefined;
  return (
    <Row gutter={12}>
      <Col xs={24} md={8}>
        <Form.Item name={[side, 'name']} label={t('tc.party.name')} rules={[{ required: !disabled }]}>
          <Input maxLength={200} disabled={disabled} data-testid={`tc-${side}-name`} />
        </Form.Item>
      </Col>
      <Col xs={24} md={6}>
        <Form.Item name={[side, 'uscc']} label={t('tc.party.uscc')}>
          <Input maxLength={18} disabled={disabled} data-testid={`tc-${side}-uscc`} />
        </Form.Item>
      </Col>
      <Col xs={12} md={5}>
        <Form.Item name={[side, 'location']} label={t('tc.party.location')} rules={[{ required: true }]}>
          <Select disabled={disabled} options={PARTY_LOCATIONS.map((l) => ({ value: l, label: t(`tc.location.${l}`) }))} data-testid={`tc-${side}-location`} />
        </Form.Item>
      </Col>
      <Col xs={12} md={5}>
        <Form.Item name={[side, 'regionCode']} label={t('tc.party.region')}>
          <Select
            allowClear
            disabled={disabled || location !== 'district'}
            options={(units.data?.units ?? []).map((u) => ({ value: u.code, label: u.name }))}
            data-testid={`tc-${side}-region`}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** a stored contract as the form's values (amounts in 万元) */
function valuesOf(c: TechContractDetail): Values {
  const wan = (yuan: number) => yuan / 10_000;
  const party = (p: TechContractDetail['seller']) => ({ name: p.name, uscc: p.uscc ?? undefined, location: p.location, regionCode: p.regionCode ?? undefined });
  return {
    title: c.title,
    contractNo: c.contractNo ?? undefined,
    signedOn: dayjs(c.signedOn),
    type: c.rulesVersion === '2001' && c.type === 'licence' ? 'transfer' : c.type,
    subtype: c.subtype,
    field: c.field,
    chainTag: c.chainTag ?? undefined,
    sellerEnterpriseId: c.seller.enterpriseId ?? undefined,
    seller: party(c.seller),
    buyer: { ...party(c.buyer), name: c.buyer.name },
    contractAmount: wan(c.contractAmount),
    techAmount: wan(c.techAmount),
    items: c.items.map((i) => ({ kind: i.kind, name: i.name, amount: wan(i.amount), quantity: i.quantity ?? undefined, carrier: i.carrier })),
  };
}

/** 申请认定登记, or (with an id) 修改 a waiting or returned contract */
export function SubmitPage() {
  const id = Number(useParams().id) || null;
  const existing = useContract(id ?? 0, id !== null);
  return id && existing.isLoading ? <Spin style={{ display: 'block', margin: '80px auto' }} /> : <ContractForm id={id} existing={existing.data} />;
}

function ContractForm({ id, existing }: { id: number | null; existing?: TechContractDetail }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { hasRole, user } = useAuth();
  const isClerk = hasRole(...BUREAU_ROLES);
  const submit = useSubmitContract();
  const edit = useEditContract();
  const [form] = Form.useForm<Values>();
  useBreadcrumbName(t(id ? 'nav.techContractEdit' : 'nav.techContractNew'));
  useEffect(() => {
    if (existing) form.setFieldsValue(valuesOf(existing));
  }, [existing, form]);
  const signedOn = Form.useWatch('signedOn', form);
  const type = Form.useWatch('type', form);
  const contractAmount = Form.useWatch('contractAmount', form);
  const items = Form.useWatch('items', form);
  const regime = typeRegimeOf(signedOn?.format('YYYY-MM-DD') ?? bureauToday());
  const types = Object.keys(regime.types) as TechContractType[];
  const computed =
    typeof contractAmount === 'number'
      ? technicalAmount(
          contractAmount,
          (items ?? []).filter((i) => i && typeof i.amount === 'number').map((i) => ({ kind: i.kind, name: i.name, amount: i.amount, carrier: !!i.carrier })),
        )
      : null;

  const onFinish = async (v: Values) => {
    const body: ContractInput = {
      title: v.title,
      contractNo: v.contractNo || null,
      type: v.type,
      subtype: v.subtype,
      signedOn: v.signedOn!.format('YYYY-MM-DD'),
      field: v.field,
      chainTag: v.chainTag || null,
      seller: isClerk
        ? {
            name: v.seller.name ?? '',
            uscc: v.seller.uscc || null,
            location: v.seller.location,
            regionCode: v.seller.regionCode ?? null,
            enterpriseId: v.sellerEnterpriseId ?? null,
          }
        : { name: user?.displayName ?? '-', location: 'district' },
      buyer: { name: v.buyer.name, uscc: v.buyer.uscc || null, location: v.buyer.location, regionCode: v.buyer.regionCode ?? null },
      unit: '万元',
      contractAmount: v.contractAmount,
      techAmount: v.techAmount ?? null,
      items: (v.items ?? []).map((i) => ({ kind: i.kind, name: i.name, amount: i.amount, quantity: i.quantity ?? null, carrier: !!i.carrier })),
    };
    try {
      const c = id ? await edit.mutateAsync({ id, body }) : await submit.mutateAsync(body);
      message.success(id ? t('common.saved') : t('tc.form.submitted', { id: c.id }));
      void navigate(`/tech-contracts/${c.id}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <PageHeader title={id ? existing?.title : t('tc.form.title')} subtitle={t('tc.form.hint')} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void onFinish(v)}
        initialValues={{ seller: { location: 'district' }, buyer: { location: 'domestic' }, items: [] }}
        data-testid="tc-form"
      >
        <Card size="small" title={t('tc.form.basic')} style={{ marginBottom: 12 }}>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="title" label={t('tc.form.titleLabel')} rules={[{ required: true, max: 300 }]}>
                <Input data-testid="tc-form-title" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="contractNo" label={t('tc.contractNo')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="signedOn" label={t('tc.signedOn')} rules={[{ required: true }]} extra={t('tc.form.regime', { name: regime.name })}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > bureauToday()} data-testid="tc-form-signed" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="type" label={t('tc.form.type')} rules={[{ required: true }]}>
                <Select
                  options={types.map((k) => ({ value: k, label: t(`tc.type.${k}`) }))}
                  onChange={() => form.setFieldValue('subtype', undefined)}
                  data-testid="tc-form-type"
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="subtype" label={t('tc.form.subtype')} rules={[{ required: true }]}>
                <Select
                  options={(type ? (regime.types[type] ?? []) : []).map((s) => ({ value: s, label: t(`tc.subtype.${s}`) }))}
                  data-testid="tc-form-subtype"
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="field" label={t('tc.field.label')} rules={[{ required: true }]}>
                <Select options={TECH_FIELD_KEYS.map((f) => ({ value: f, label: t(`tc.field.${f}`) }))} data-testid="tc-form-field" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="chainTag" label={t('tc.chainTag')}>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" title={t('tc.party.seller')} style={{ marginBottom: 12 }}>
          {isClerk ? (
            <>
              <Form.Item name="sellerEnterpriseId" label={t('tc.form.sellerEnterprise')} extra={t('tc.form.sellerEnterpriseHint')}>
                <InputNumber min={1} style={{ width: 200 }} />
              </Form.Item>
              <PartyFields side="seller" />
            </>
          ) : (
            <Typography.Text data-testid="tc-own-seller">{t('tc.form.ownSeller', { name: user?.displayName ?? '' })}</Typography.Text>
          )}
        </Card>
        <Card size="small" title={t('tc.party.buyer')} style={{ marginBottom: 12 }}>
          <PartyFields side="buyer" />
        </Card>
        <Card size="small" title={`${t('tc.section.amounts')} · ${t('tc.form.unit')}`} style={{ marginBottom: 12 }}>
          <Row gutter={12}>
            <Col xs={12} md={6}>
              <Form.Item name="contractAmount" label={t('tc.contractAmount')} rules={[{ required: true }]}>
                <InputNumber style={{ width: '100%' }} data-testid="tc-form-amount" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="techAmount" label={t('tc.techAmount')} extra={t('tc.form.techAmountHint')}>
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} style={{ paddingTop: 30 }}>
              {computed !== null && <Typography.Text type="secondary">{t('tc.form.computed', { amount: computed })}</Typography.Text>}
            </Col>
          </Row>
          <Typography.Text strong>{t('tc.section.items')}</Typography.Text>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'kind']} rules={[{ required: true }]} initialValue="equipment">
                      <Select style={{ width: 150 }} options={ITEM_KINDS.map((k) => ({ value: k, label: t(`tc.itemKind.${k}`) }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                      <Input placeholder={t('tc.item.name')} style={{ width: 200 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'amount']} rules={[{ required: true }]}>
                      <InputNumber placeholder={t('tc.contractAmount')} style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'quantity']}>
                      <InputNumber min={0} placeholder={t('tc.item.quantity')} style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'carrier']} valuePropName="checked">
                      <Checkbox>{t('tc.item.carrier')}</Checkbox>
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
                  {t('tc.item.add')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <Button type="primary" htmlType="submit" loading={submit.isPending || edit.isPending} data-testid="tc-form-submit">
          {id ? t('common.save') : t('tc.action.submit')}
        </Button>
      </Form>
    </>
  );
}
