/**
 * A year's figures in 元 (PUT /api/enterprises/:id/years/:year). An enterprise user's entry is a
 * self-report (企业自报) that stays marked until the bureau confirms it; the API's message for a
 * figure (negative, staff above employees …) is shown under that figure.
 */
import { useEffect } from 'react';
import { Alert, App, Col, Form, InputNumber, Modal, Row, Select } from 'antd';
import { formatNumber, useT } from '@kechuang/platform-web';
import { useSaveYear } from '../api.ts';
import type { EnterpriseYear, YearFigures } from '../types.ts';
import { clearChangedErrors, showApiError } from './form-errors.ts';

type YearForm = { year: number } & YearFigures;

const MONEY: (keyof YearFigures)[] = ['revenue', 'highTechRevenue', 'rdExpense', 'rdExpenseDomestic', 'totalCost', 'totalAssets', 'netAssets'];
const COUNTS: (keyof YearFigures)[] = ['employees', 'sciTechStaff', 'conversions'];
const EMPTY: YearFigures = { revenue: null, highTechRevenue: null, rdExpense: null, rdExpenseDomestic: null, totalCost: null, totalAssets: null, netAssets: null, employees: null, sciTechStaff: null, conversions: null };

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
  const thisYear = new Date().getFullYear();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const y = year ?? thisYear - 1;
    const existing = years.find((r) => r.year === y);
    form.setFieldsValue({ ...EMPTY, ...(existing ? pick(existing) : {}), year: y });
  }, [open, year, years, form, thisYear]);

  // choosing another year loads what is on record for it
  useEffect(() => {
    if (!open || chosen === undefined || year !== undefined) return;
    const existing = years.find((r) => r.year === chosen);
    form.setFieldsValue({ ...EMPTY, ...(existing ? pick(existing) : {}) });
  }, [chosen, open, year, years, form]);

  const submit = async () => {
    const { year: y, ...figures } = await form.validateFields();
    try {
      const res = await save.mutateAsync({ year: y, figures: { ...EMPTY, ...figures } });
      message.success(res.confirmed ? t('common.saved') : t('ent.years.selfReported'));
      onClose();
    } catch (e) {
      showApiError(form, e, (text) => void message.error(text));
    }
  };

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
              <Form.Item name={k} label={`${t(`ent.field.${k}`)}（${t('ent.unit.yuan')}）`} extra={<WanHint name={k} />}>
                <InputNumber<number> style={{ width: '100%' }} formatter={thousands} parser={(v) => Number(plain(v))} suffix={t('ent.unit.yuan')} data-testid={`year-${k}`} />
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
      </Form>
    </Modal>
  );
}

/** "= 1,234.56 万元" under an amount in 元, so a slip of the zeros shows */
function WanHint({ name }: { name: keyof YearFigures }) {
  const t = useT();
  const value = Form.useWatch(name) as number | null | undefined;
  if (value === null || value === undefined || !Number.isFinite(value) || value <= 0) return null;
  return <span>= {formatNumber(value / 10_000, 2)} {t('ent.unit.wan')}</span>;
}

function pick(y: EnterpriseYear): YearFigures {
  const out = { ...EMPTY };
  for (const k of [...MONEY, ...COUNTS]) out[k] = y[k];
  return out;
}
