/**
 * A carrier's figures of one year (绩效评价 填报): one number per indicator of its review, under the
 * indicator's group, the unit beside it and the last change (who, from where, when) below it. Saving sends
 * only what changed (a cleared box removes that figure); the server's message lands under the field it
 * names (`details.field` = `figures.<code>`). Used in the bureau's drawer and on the carrier's own page.
 */
import { useEffect, useMemo, useState } from 'react';
import { App, Alert, Button, Col, Divider, Flex, Form, InputNumber, Row, Skeleton, Space, Tag, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { SaveOutlined, RollbackOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessage, formatDateTime, useT, useUnsavedChanges, type TFunction } from '@kechuang/platform-web';
import { COUNT_UNITS } from '../../domain/figure-units.ts';
import { carrierFiguresKey, useCarrierFigures, useSaveFigures } from '../api.ts';
import type { CarrierFigure } from '../types.ts';
import { FigureSourceTag } from './CarrierLabels.tsx';

type Values = { figures: Record<string, number | null | undefined> };

/** the figure codes a server error points at: `figures.<code>` in `details.field`, or in a validation error's `details.fields[].field` */
function erroredCodes(e: unknown): { code: string; message: string }[] {
  if (!(e instanceof ApiError)) return [];
  const fields = e.field
    ? [{ field: e.field, message: e.message }]
    : ((e.details as { fields?: { field?: unknown; message?: unknown }[] } | null)?.fields ?? []);
  return fields.flatMap((f) => {
    const m = typeof f.field === 'string' ? /(?:^|\.)figures\.(.+)$/.exec(f.field) : null;
    return m ? [{ code: m[1], message: typeof f.message === 'string' ? f.message : e.message }] : [];
  });
}

/** the server's checks, said under the box before sending: not negative, a percentage at most 100, a count whole */
function figureRules(t: TFunction, unit: string): Rule[] {
  const rules: Rule[] = [{ type: 'number', min: 0, message: t('carrier.fig.min') }];
  if (unit === '%') rules.push({ type: 'number', max: 100, message: t('carrier.fig.max', { max: 100 }) });
  if (COUNT_UNITS.has(unit))
    rules.push({
      validator: (_, v: number | null | undefined) =>
        v === null || v === undefined || Number.isInteger(v) ? Promise.resolve() : Promise.reject(new Error(t('carrier.fig.whole', { unit }))),
    });
  return rules;
}

const original = (figures: CarrierFigure[]): Values['figures'] => Object.fromEntries(figures.map((f) => [f.indicator, f.value]));

/** the codes whose box differs from the stored value (an emptied box counts as null) */
function changedOf(figures: CarrierFigure[], values: Values['figures'] | undefined): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const f of figures) {
    const v = values?.[f.indicator] ?? null;
    if (v !== f.value) out[f.indicator] = v;
  }
  return out;
}

function LastChange({ figure }: { figure: CarrierFigure }) {
  const t = useT();
  if (!figure.source) return <Typography.Text type="secondary">{t('carrier.fig.never')}</Typography.Text>;
  return (
    <span data-testid={`figure-last-${figure.indicator}`}>
      <FigureSourceTag source={figure.source} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[figure.updatedByName ?? figure.updatedBy, formatDateTime(figure.updatedAt)].filter(Boolean).join(' · ')}
      </Typography.Text>
    </span>
  );
}

export function CarrierFiguresForm({ carrierId, year, columns = 2 }: { carrierId: number; year: number; columns?: 1 | 2 | 3 }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const query = useCarrierFigures(carrierId, year);
  const save = useSaveFigures();
  const figures = useMemo(() => query.data?.figures ?? [], [query.data]);
  const watched = Form.useWatch('figures', form);
  const changed = changedOf(figures, watched);
  const changedCount = Object.keys(changed).length;
  const [isReset, setReset] = useState(0);
  useUnsavedChanges(changedCount > 0);

  // the stored values into the boxes: on load, on another year or carrier, after a save, on 撤销修改
  useEffect(() => {
    if (query.data) form.setFieldsValue({ figures: original(query.data.figures) });
  }, [query.data, form, isReset]);

  const groups = useMemo(() => {
    const byGroup = new Map<string, CarrierFigure[]>();
    for (const f of figures) byGroup.set(f.group, [...(byGroup.get(f.group) ?? []), f]);
    return [...byGroup.entries()];
  }, [figures]);

  const onSave = async () => {
    if (changedCount === 0) return void message.info(t('carrier.fig.nothing'));
    try {
      await form.validateFields();
    } catch {
      return;
    }
    try {
      const out = await save.mutateAsync({ id: carrierId, year, body: { figures: changed } });
      queryClient.setQueryData(carrierFiguresKey(carrierId, year), out);
      void message.success(t('carrier.fig.saved', { n: changedCount }));
    } catch (e) {
      const onFields = erroredCodes(e).filter((x) => figures.some((f) => f.indicator === x.code));
      if (onFields.length === 0) return void message.error(errorMessage(e));
      form.setFields(onFields.map((x) => ({ name: ['figures', x.code], errors: [x.message] })));
      form.scrollToField(['figures', onFields[0].code]);
    }
  };

  if (query.isLoading) return <Skeleton active />;
  if (query.isError || !query.data) return <Alert type="error" showIcon title={errorMessage(query.error)} />;
  const missing = query.data.missing.length;

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onValuesChange={(c: Partial<Values>) => form.setFields(Object.keys(c.figures ?? {}).map((code) => ({ name: ['figures', code], errors: [] })))}
      data-testid="carrier-figures-form"
    >
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 4 }}>
        <Space>
          {missing === 0 ? <Tag color="success">{t('carrier.fig.complete')}</Tag> : <Tag color="warning">{t('carrier.fig.missing', { n: missing })}</Tag>}
          {changedCount > 0 && <Typography.Text type="warning">{t('carrier.fig.changed', { n: changedCount })}</Typography.Text>}
        </Space>
        <Space>
          <Button icon={<RollbackOutlined />} disabled={changedCount === 0} onClick={() => setReset((k) => k + 1)}>
            {t('carrier.fig.reset')}
          </Button>
          <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={() => void onSave()} data-testid="figures-save">
            {t('carrier.fig.save')}
          </Button>
        </Space>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
        {t('carrier.fig.help')}
      </Typography.Paragraph>
      {groups.map(([group, items]) => (
        <div key={group} data-testid="figure-group">
          <Divider titlePlacement="start" style={{ margin: '12px 0 8px' }}>
            {group}
          </Divider>
          <Row gutter={16}>
            {items.map((f) => (
              <Col key={f.indicator} span={24 / columns}>
                <Form.Item
                  name={['figures', f.indicator]}
                  label={f.label}
                  extra={<LastChange figure={f} />}
                  rules={figureRules(t, f.unit)}
                  style={{ marginBottom: 12 }}
                >
                  {/* no min/max on the box: it would quietly turn −3 into 0 and 120% into 100; the rules refuse them instead */}
                  <InputNumber<number> suffix={f.unit} style={{ width: '100%' }} data-testid={`figure-${f.indicator}`} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </div>
      ))}
    </Form>
  );
}
