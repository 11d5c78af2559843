/** Register an enterprise (POST /api/enterprises) or edit its master data (PUT /api/enterprises/:id): bureau only. */
import { useEffect } from 'react';
import { App, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import { useT } from '@kechuang/platform-web';
import { useChains, useCreateEnterprise, useUpdateEnterprise } from '../api.ts';
import { HNTE_FIELDS } from '../labels.ts';
import type { Enterprise, EnterpriseInput, HnteField } from '../types.ts';
import { clearChangedErrors, showApiError } from './form-errors.ts';
import { UnitSelect } from './UnitSelect.tsx';

type TriState = 'yes' | 'no' | 'unknown';
interface MasterForm {
  uscc: string;
  name: string;
  regionCode: string;
  address: string;
  foundedOn: string;
  /** 万元, as registered capital is always stated */
  registeredCapitalWan: number | null;
  industryCode: string;
  hnteField: HnteField | null;
  chainTags: string[];
  isAboveScale: boolean;
  isListed: boolean;
  ownsCoreIp: TriState;
  incidents: TriState;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

const toTri = (b: boolean | null): TriState => (b === null ? 'unknown' : b ? 'yes' : 'no');
const fromTri = (s: TriState): boolean | null => (s === 'unknown' ? null : s === 'yes');

function toForm(e: Enterprise | null): Partial<MasterForm> {
  if (!e) return { chainTags: [], isAboveScale: false, isListed: false, ownsCoreIp: 'unknown', incidents: 'no', hnteField: null };
  return {
    ...e,
    foundedOn: e.foundedOn ?? '',
    registeredCapitalWan: e.registeredCapital === null ? null : e.registeredCapital / 10_000,
    industryCode: e.industryCode ?? '',
    ownsCoreIp: toTri(e.ownsCoreIp),
    incidents: toTri(e.incidents),
  };
}

function toInput(v: MasterForm): EnterpriseInput {
  return {
    uscc: v.uscc.trim().toUpperCase(),
    name: v.name.trim(),
    regionCode: v.regionCode,
    address: v.address?.trim() ?? '',
    foundedOn: v.foundedOn?.trim() || null,
    registeredCapital: v.registeredCapitalWan === null || v.registeredCapitalWan === undefined ? null : Math.round(v.registeredCapitalWan * 10_000),
    industryCode: v.industryCode?.trim().toUpperCase() || null,
    hnteField: v.hnteField ?? null,
    chainTags: v.chainTags ?? [],
    isAboveScale: !!v.isAboveScale,
    isListed: !!v.isListed,
    ownsCoreIp: fromTri(v.ownsCoreIp),
    incidents: fromTri(v.incidents),
    contactName: v.contactName?.trim() ?? '',
    contactPhone: v.contactPhone?.trim() ?? '',
    contactEmail: v.contactEmail?.trim() ?? '',
  };
}

interface Props {
  open: boolean;
  /** null registers a new enterprise */
  enterprise: Enterprise | null;
  onClose: () => void;
  onCreated?: (id: number) => void;
}

export function EnterpriseDrawer({ open, enterprise, onClose, onCreated }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const chains = useChains();
  const [form] = Form.useForm<MasterForm>();
  const create = useCreateEnterprise();
  const update = useUpdateEnterprise(enterprise?.id ?? 0);
  const isSaving = create.isPending || update.isPending;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(toForm(enterprise));
  }, [open, enterprise, form]);

  const save = async () => {
    const input = toInput(await form.validateFields());
    try {
      if (enterprise) await update.mutateAsync(input);
      else {
        const { id } = await create.mutateAsync(input);
        onCreated?.(id);
      }
      message.success(t('common.saved'));
      onClose();
    } catch (e) {
      showApiError(form, e, (text) => void message.error(text));
    }
  };

  const tri = [
    { value: 'yes', label: t('common.yes') },
    { value: 'no', label: t('common.no') },
    { value: 'unknown', label: t('ent.unknown') },
  ];
  return (
    <Drawer
      title={enterprise ? t('ent.master.edit') : t('ent.registry.create')}
      open={open}
      onClose={onClose}
      size={720}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={isSaving} onClick={() => void save().catch(() => undefined)} data-testid="enterprise-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onValuesChange={clearChangedErrors(form)} requiredMark>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="uscc" label={t('ent.field.uscc')} rules={[{ required: true, message: t('ent.required') }]} extra={t('ent.master.usccHint')}>
              <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="name" label={t('ent.field.name')} rules={[{ required: true, message: t('ent.required') }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="regionCode" label={t('ent.field.region')} rules={[{ required: true, message: t('ent.required') }]}>
              <UnitSelect withDistrict />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="foundedOn" label={t('ent.field.foundedOn')} extra="YYYY-MM-DD">
              <Input placeholder="2018-03-15" maxLength={10} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label={t('ent.field.address')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="registeredCapitalWan" label={t('ent.field.registeredCapital')}>
              <InputNumber min={0} style={{ width: '100%' }} suffix={t('ent.unit.wan')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="industryCode" label={t('ent.field.industryCode')} extra={t('ent.master.industryHint')}>
              <Input maxLength={5} placeholder="C2614" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="hnteField" label={t('ent.field.hnteField')}>
              <Select allowClear options={HNTE_FIELDS.map((f) => ({ value: f, label: t(`ent.hnteField.${f}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="chainTags" label={t('ent.field.chainTags')}>
              <Select
                mode="multiple"
                allowClear
                loading={chains.isLoading}
                options={(chains.data?.items ?? []).map((c) => ({ value: c.code, label: c.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="isAboveScale" label={t('ent.field.aboveScale')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="isListed" label={t('ent.field.listed')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="ownsCoreIp" label={t('ent.field.ownsCoreIp')}>
              <Select options={tri} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="incidents" label={t('ent.field.incidents')}>
              <Select options={tri} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="contactName" label={t('ent.field.contactName')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="contactPhone" label={t('ent.field.contactPhone')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="contactEmail" label={t('ent.field.contactEmail')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
