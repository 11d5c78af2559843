/**
 * Creating or editing a listing of any kind: the common fields (title or name, text, keywords, field, chains,
 * industry code, contact) and the kind's own (an achievement's readiness, modes and price; a demand's budget
 * and deadline; an expert's title and affiliation; a broker's certificate; a provider's kind). The bureau names
 * the owner (an institute, an enterprise); an owner's account writes for its own. A field the server refuses is
 * marked under that field.
 */
import { App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { ApiError, errorMessage, useT } from '@kechuang/platform-web';
import { useCreateListing, useInstitutes, usePatchListing } from '../api.ts';
import { CERTIFICATE_KINDS, MARKET_FIELDS, PRICE_UNITS, PROVIDER_KINDS, TRANSFER_MODES, type Listing, type ListingKind, type ListingWrite } from '../types.ts';

interface FormValues {
  title: string;
  text?: string;
  keywords?: string[];
  field?: string | null;
  chainTags?: string[];
  industryCode?: string;
  contact?: string;
  instituteId?: number | null;
  enterpriseId?: number | null;
  trl?: number | null;
  ip?: string;
  modes?: string[];
  priceAmount?: number | null;
  unit?: string;
  budgetMin?: number | null;
  budgetMax?: number | null;
  deadline?: string;
  proTitle?: string;
  affiliation?: string;
  organisation?: string;
  certificateKind?: string;
  certificateNo?: string;
  providerKind?: string;
  uscc?: string;
}

function initialOf(l: Listing | null): FormValues {
  if (!l) return { title: '', unit: '万元', keywords: [], chainTags: [] };
  return {
    title: l.title,
    text: l.text,
    keywords: l.keywords,
    field: l.field,
    chainTags: l.chainTags,
    industryCode: l.industryCode ?? undefined,
    contact: l.contact,
    trl: l.trl ?? null,
    ip: l.ip,
    modes: l.modes,
    priceAmount: l.price ?? null,
    unit: l.priceNegotiable || (l.kind === 'demand' && l.budgetMin == null && l.budgetMax == null) ? '面议' : '万元',
    budgetMin: l.budgetMin ?? null,
    budgetMax: l.budgetMax ?? null,
    deadline: l.deadline ?? undefined,
    proTitle: l.proTitle,
    affiliation: l.affiliation,
    organisation: l.organisation,
    certificateKind: l.certificateKind,
    certificateNo: l.certificateNo,
    providerKind: l.providerKind,
    uscc: l.uscc ?? undefined,
  };
}

/** the form's values as the API takes them (a field the kind has not is left out) */
function bodyOf(kind: ListingKind, v: FormValues, isNew: boolean): ListingWrite {
  const body: ListingWrite = {
    title: v.title,
    text: v.text ?? '',
    keywords: v.keywords ?? [],
    field: (v.field as ListingWrite['field']) ?? null,
    chainTags: v.chainTags ?? [],
    industryCode: v.industryCode?.trim() || null,
    contact: v.contact ?? '',
  };
  const unit = v.unit ?? '万元';
  if (kind === 'achievement') {
    if (isNew && v.instituteId) body.instituteId = v.instituteId;
    body.trl = v.trl ?? null;
    body.ip = v.ip ?? '';
    body.modes = (v.modes ?? []) as ListingWrite['modes'];
    body.price = unit === '面议' ? { unit } : v.priceAmount == null ? null : { amount: v.priceAmount, unit };
  }
  if (kind === 'demand') {
    if (isNew && v.enterpriseId) body.enterpriseId = v.enterpriseId;
    body.budget = { min: v.budgetMin ?? null, max: v.budgetMax ?? null, unit };
    if (unit !== '面议' && v.budgetMin == null && v.budgetMax == null) body.budget = { unit: '面议' };
    body.deadline = v.deadline || null;
  }
  if (kind === 'expert') {
    if (isNew && v.instituteId) body.instituteId = v.instituteId;
    body.proTitle = v.proTitle ?? '';
    body.affiliation = v.affiliation ?? '';
  }
  if (kind === 'broker') {
    body.organisation = v.organisation ?? '';
    body.certificateKind = v.certificateKind as ListingWrite['certificateKind'];
    body.certificateNo = v.certificateNo;
  }
  if (kind === 'provider') {
    body.providerKind = v.providerKind as ListingWrite['providerKind'];
    body.uscc = v.uscc?.trim() || null;
  }
  return body;
}

/** the server's field (price.unit, budget.max, body.trl …) as the form's */
const FORM_FIELD: Record<string, keyof FormValues> = {
  'price.unit': 'unit',
  'price.amount': 'priceAmount',
  'budget.unit': 'unit',
  'budget.min': 'budgetMin',
  'budget.max': 'budgetMax',
};

export function ListingForm(props: {
  kind: ListingKind;
  listing: Listing | null;
  /** the bureau names the owner; an owner's account does not */
  bureau: boolean;
  open: boolean;
  onClose: () => void;
  onSaved?: (l: Listing) => void;
}) {
  const { kind, listing, bureau } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateListing();
  const patch = usePatchListing();
  const institutes = useInstitutes(bureau && !listing && (kind === 'achievement' || kind === 'expert'));
  const isNew = !listing;

  const submit = async () => {
    const values = await form.validateFields();
    const body = bodyOf(kind, values, isNew);
    try {
      const saved = listing ? await patch.mutateAsync({ kind, id: listing.id, body }) : await create.mutateAsync({ kind, body });
      void message.success(t('market.saved', { title: saved.title }));
      props.onSaved?.(saved);
      props.onClose();
    } catch (e) {
      const field = e instanceof ApiError ? (e.field ?? (e.details as { fields?: { field: string }[] } | null)?.fields?.[0]?.field) : undefined;
      const name = field ? (FORM_FIELD[field] ?? (field.replace(/^body\./, '') as keyof FormValues)) : undefined;
      if (name) form.setFields([{ name, errors: [errorMessage(e)] }]);
      void message.error(errorMessage(e));
    }
  };

  const textLabel = t(`market.field.text.${kind}`);
  const units = PRICE_UNITS.map((u) => ({ value: u, label: u === '面议' ? t('market.negotiable') : u }));
  return (
    <Modal
      title={listing ? `${t('market.edit')} · ${listing.title}` : t('market.new', { kind: t(`market.kind.${kind}`) })}
      open={props.open}
      onOk={() => void submit()}
      onCancel={props.onClose}
      confirmLoading={create.isPending || patch.isPending}
      okButtonProps={{ 'data-testid': 'listing-save' }}
      width={760}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initialOf(listing)} data-testid="listing-form">
        {bureau && isNew && (kind === 'achievement' || kind === 'expert') && (
          <Form.Item name="instituteId" label={t('market.field.institute')} rules={[{ required: kind === 'achievement' }]}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              loading={institutes.isLoading}
              options={(institutes.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))}
              data-testid="listing-institute"
            />
          </Form.Item>
        )}
        {bureau && isNew && kind === 'demand' && (
          <Form.Item name="enterpriseId" label={t('market.field.enterpriseId')} rules={[{ required: true }]}>
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('market.field.title')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input maxLength={200} data-testid="listing-title" />
        </Form.Item>
        <Form.Item name="text" label={textLabel}>
          <Input.TextArea rows={4} maxLength={5000} showCount data-testid="listing-text" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="field" label={t('market.field.field')}>
              <Select allowClear options={MARKET_FIELDS.map((f) => ({ value: f, label: f }))} data-testid="listing-field" />
            </Form.Item>
          </Col>
          {kind !== 'demand' && (
            <Col span={16}>
              <Form.Item name="keywords" label={t('market.field.keywords')}>
                <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} />
              </Form.Item>
            </Col>
          )}
          {kind === 'demand' && (
            <Col span={16}>
              <Form.Item name="deadline" label={t('market.field.deadline')}>
                <Input type="date" />
              </Form.Item>
            </Col>
          )}
        </Row>
        {kind === 'achievement' && (
          <Row gutter={12}>
            <Col span={6}>
              <Form.Item name="trl" label={t('market.field.trl')}>
                <InputNumber min={1} max={9} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="modes" label={t('market.field.modes')}>
                <Select mode="multiple" options={TRANSFER_MODES.map((m) => ({ value: m, label: t(`market.mode.${m}`) }))} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="priceAmount" label={t('market.field.price')}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="unit" label={t('market.field.unit')}>
                <Select options={units} />
              </Form.Item>
            </Col>
          </Row>
        )}
        {kind === 'achievement' && (
          <Form.Item name="ip" label={t('market.field.ip')}>
            <Input maxLength={2000} />
          </Form.Item>
        )}
        {kind === 'demand' && (
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="budgetMin" label={t('market.field.budgetMin')}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="budgetMax" label={t('market.field.budgetMax')}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="unit" label={t('market.field.unit')}>
                <Select options={units} />
              </Form.Item>
            </Col>
          </Row>
        )}
        {kind === 'expert' && (
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="proTitle" label={t('market.field.proTitle')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item name="affiliation" label={t('market.field.affiliation')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
        )}
        {kind === 'broker' && (
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="certificateKind" label={t('market.field.certificateKind')} rules={[{ required: true }]}>
                <Select options={CERTIFICATE_KINDS.map((c) => ({ value: c, label: t(`market.certificate.${c}`) }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="certificateNo" label={t('market.field.certificateNo')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="organisation" label={t('market.field.organisation')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
        )}
        {kind === 'provider' && (
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="providerKind" label={t('market.field.providerKind')} rules={[{ required: true }]}>
                <Select options={PROVIDER_KINDS.map((p) => ({ value: p, label: t(`market.providerKind.${p}`) }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="uscc" label={t('market.field.uscc')}>
                <Input maxLength={18} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="chainTags" label={t('market.field.chainTags')}>
              <Select mode="tags" open={false} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="industryCode" label={t('market.field.industryCode')}>
              <Input maxLength={6} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="contact" label={t('market.field.contact')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
