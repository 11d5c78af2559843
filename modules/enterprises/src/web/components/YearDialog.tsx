/**
 * A year's figures in 元 (PUT /api/enterprises/:id/years/:year), with 总收入 and the tech-SME basic
 * conditions of the year as 是 / 否 / 未填. An enterprise user's entry is a self-report (企业自报) that stays
 * marked until the bureau confirms it; the API's message for a figure (negative, staff above employees …)
 * is shown under that figure.
 */
import { useEffect } from 'react';
import { Alert, App, Col, Divider, Form, InputNumber, Modal, Row, Select } from 'antd';
import { formatNumber, useT, bureauYear } from '@kechuang/platform-web';
import { useSaveYear } from '../api.ts';
import { YEAR_FLAGS, type YearFlag } from '../labels.ts';
import type { EnterpriseYear, YearFigures } from '../types.ts';
import { clearChangedErrors, showApiError } from './form-errors.ts';

type TriState = 'yes' | 'no' | 'unset';
type Amounts = Omit<YearFigures, YearFlag>;
type YearForm = { year: number } & Amounts & Record<YearFlag, TriState>;

const MONEY: (keyof Amounts)[] = ['revenue', 'totalIncome', 'highTechRevenue', 'rdExpense', 'rdExpenseDomestic', 'totalCost', 'totalAssets', 'netAssets'];
const COUNTS: (keyof Amounts)[] = ['employees', 'sciTechStaff', 'conversions'];
const EMPTY: YearFigures = {
  revenue: null,
  totalIncome: null,
  highTechRevenue: null,
  rdExpense: null,
  rdExpenseDomestic: null,
  totalCost: null,
  totalAssets: null,
  netAssets: null,
  employees: null,
  sciTechStaff: null,
  conversions: null,
  resident: null,
  industryExcluded: null,
  restrictedCatalogue: null,
  dishonestyListed: null,
};
const toTri = (b: boolean | null): TriState => (b === null ? 'unset' : b ? 'yes' : 'no');
const fromTri = (s: TriState | undefined): boolean | null => (s === 'yes' ? true : s === 'no' ? false : null);

const thousands = (v: number | string | undefined) => (v === undefined || v === '' ? '' : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ','));
const plain = (v: string | undefined) => (v ?? '').replace(/[,，\s]/g, '');

interface Props {
  enterpriseId: number;
  years: EnterpriseYear[];
  /** the year to edit; undefined: choose one */
  year?: number;
  isSelfReport: boolean;
  open: boolean;
  onClose: () => void;
}

export function YearDialog({ enterpriseId, years, year, isSelfReport, open, onClose }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<YearForm>();
  const save = useSaveYear(enterpriseId);
  const chosen = Form.useWatch('year', form);
  const thisYear = bureauYear();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const y = year ?? thisYear - 1;
    const existing = years.find((r) => r.year === y);
    form.setFieldsValue({ ...toForm(existing), year: y });
  }, [open, year, years, form, thisYear]);

  // choosing another year loads what is on record for it
  useEffect(() => {
    if (!open || chosen === undefined || year !== undefined) return;
    const existing = years.find((r) => r.year === chosen);
    form.setFieldsValue(toForm(existing));
  }, [chosen, open, year, years, form]);

  const submit = async () => {
    const { year: y, ...values } = await form.validateFields();
    try {
      const res = await save.mutateAsync({ year: y, figures: toFigures(values) });
      message.success(res.confirmed ? t('common.saved') : t('ent.years.selfReported'));
      onClose();
    } catch (e) {
      showApiError(form, e, (text) => void message.error(text));
    }
  };

  const tri = [
    { value: 'yes', label: t('common.yes') },
    { value: 'no', label: t('common.no') },
    { value: 'unset', label: t('ent.years.flagUnset') },
  ];
  const yearOptions = Array.from({ length: 10 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: String(y) }));
  return (
    <Modal
      title={isSelfReport ? t('ent.years.selfReport') : t('ent.years.enter')}
      open={open}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={isSelfReport ? t('ent.years.submit') : t('common.save')}
      okButtonProps={{ 'data-testid': 'year-save' }}
      confirmLoading={save.isPending}
      width={720}
      destroyOnHidden
    >
      {isSelfReport && <Alert type="info" showIcon title={t('ent.years.selfReportNote')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onValuesChange={clearChangedErrors(form)} data-testid="year-form">
        <Form.Item name="year" label={t('ent.field.year')} rules={[{ required: true, message: t('ent.required') }]}>
          <Select options={yearOptions} disabled={year !== undefined} style={{ width: 140 }} />
        </Form.Item>
        <Row gutter={16}>
          {MONEY.map((k) => (
            <Col span={12} key={k}>
              <Form.Item
                name={k}
                label={`${t(`ent.field.${k}`)}（${t('ent.unit.yuan')}）`}
                tooltip={k === 'totalIncome' ? t('ent.years.totalIncomeHelp') : undefined}
                extra={<WanHint name={k} />}
              >
                <InputNumber<number>
                  style={{ width: '100%' }}
                  formatter={thousands}
                  parser={(v) => Number(plain(v))}
                  suffix={t('ent.unit.yuan')}
                  data-testid={`year-${k}`}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Row gutter={16}>
          {COUNTS.map((k) => (
            <Col span={8} key={k}>
              <Form.Item name={k} label={t(`ent.field.${k}`)}>
                <InputNumber<number> style={{ width: '100%' }} precision={0} data-testid={`year-${k}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Divider titlePlacement="start" plain style={{ margin: '4px 0 12px' }}>
          {t('ent.years.conditions')}
        </Divider>
        <Row gutter={16}>
          {YEAR_FLAGS.map((k) => (
            <Col span={12} key={k}>
              <Form.Item name={k} label={t(`ent.field.${k}`)} tooltip={t(`ent.flagHelp.${k}`)}>
                <Select options={tri} data-testid={`year-${k}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Modal>
  );
}

/** "= 1,234.56 万元" under an amount in 元, so a slip of the zeros shows */
function WanHint({ name }: { name: keyof Amounts }) {
  const t = useT();
  const value = Form.useWatch(name) as number | null | undefined;
  if (value === null || value === undefined || !Number.isFinite(value) || value <= 0) return null;
  return (
    <span>
      = {formatNumber(value / 10_000, 2)} {t('ent.unit.wan')}
    </span>
  );
}

/** what is on record for a year (nothing: every figure empty, every condition 未填) as the form holds it */
function toForm(y: EnterpriseYear | undefined): Omit<YearForm, 'year'> {
  const source: YearFigures = y ?? EMPTY;
  const out = { ...EMPTY } as Amounts;
  for (const k of [...MONEY, ...COUNTS]) out[k] = source[k];
  return {
    ...out,
    resident: toTri(source.resident),
    industryExcluded: toTri(source.industryExcluded),
    restrictedCatalogue: toTri(source.restrictedCatalogue),
    dishonestyListed: toTri(source.dishonestyListed),
  };
}

function toFigures(v: Omit<YearForm, 'year'>): YearFigures {
  const out: YearFigures = { ...EMPTY };
  for (const k of [...MONEY, ...COUNTS]) out[k] = v[k] ?? null;
  for (const k of YEAR_FLAGS) out[k] = fromTri(v[k]);
  return out;
}
