/**
 * 由企业库生成指标实际值 (bureau): the registry's counts for the chosen years become computed indicator
 * actuals; the result says how many were written or unchanged, and lists the official figures kept.
 */
import { useState } from 'react';
import { Alert, App, Button, Flex, Modal, Select, Statistic, Table, Tag } from 'antd';
import { errorMessage, useT, useUnits, bureauYear } from '@kechuang/platform-web';
import { useWriteIndicatorActuals } from '../api.ts';
import type { RegistryActualsResult } from '../types.ts';

type Kept = RegistryActualsResult['kept'][number];

export function IndicatorActualsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const units = useUnits();
  const thisYear = bureauYear();
  const [from, setFrom] = useState(thisYear - 1);
  const [to, setTo] = useState(thisYear - 1);
  const write = useWriteIndicatorActuals();
  const [result, setResult] = useState<RegistryActualsResult | null>(null);
  const names = new Map([...(units.data ? [units.data.district] : []), ...(units.data?.units ?? [])].map((u) => [u.code, u.name]));
  const years = Array.from({ length: 10 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: String(y) }));

  const run = () =>
    write
      .mutateAsync({ from: Math.min(from, to), to: Math.max(from, to) })
      .then(setResult)
      .catch((e: unknown) => message.error(errorMessage(e)));

  const close = () => {
    setResult(null);
    onClose();
  };

  return (
    <Modal
      title={t('ent.actuals.title')}
      open={open}
      onCancel={close}
      width={760}
      destroyOnHidden
      footer={
        result
          ? [
              <Button key="close" type="primary" onClick={close}>
                {t('ent.actuals.done')}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={close}>
                {t('common.cancel')}
              </Button>,
              <Button key="run" type="primary" loading={write.isPending} onClick={() => void run()} data-testid="actuals-run">
                {t('ent.actuals.run')}
              </Button>,
            ]
      }
    >
      {!result ? (
        <>
          <Alert type="info" showIcon title={t('ent.actuals.explain')} style={{ marginBottom: 16 }} />
          <Flex gap={8} align="center">
            <Select value={from} onChange={setFrom} options={years} style={{ width: 120 }} prefix={t('ent.actuals.from')} />
            <span>—</span>
            <Select value={to} onChange={setTo} options={years} style={{ width: 120 }} prefix={t('ent.actuals.to')} />
          </Flex>
        </>
      ) : (
        <div data-testid="actuals-result">
          <Flex gap={48} style={{ marginBottom: 16 }}>
            <Statistic title={t('ent.actuals.years')} value={result.years.join('、')} formatter={(v) => String(v)} />
            <Statistic title={t('ent.actuals.written')} value={result.written} styles={{ content: { color: '#389e0d' } }} />
            <Statistic title={t('ent.actuals.unchanged')} value={result.unchanged} />
            <Statistic
              title={t('ent.actuals.keptCount')}
              value={result.kept.length}
              styles={{ content: { color: result.kept.length ? '#d46b08' : undefined } }}
            />
          </Flex>
          {result.kept.length > 0 && (
            <>
              <Alert type="warning" showIcon title={t('ent.actuals.keptExplain')} style={{ marginBottom: 8 }} />
              <Table<Kept>
                size="small"
                rowKey={(k) => `${k.regionCode}|${k.indicatorCode}|${k.period}`}
                dataSource={result.kept}
                pagination={{ pageSize: 8, hideOnSinglePage: true }}
                columns={[
                  { title: t('ent.field.region'), dataIndex: 'regionCode', render: (c: string) => names.get(c) ?? c },
                  { title: t('ent.actuals.indicator'), dataIndex: 'indicatorCode', render: (c: string) => t(`ent.indicator.${c}`) },
                  { title: t('ent.actuals.period'), dataIndex: 'period', width: 70 },
                  { title: t('ent.actuals.source'), dataIndex: 'source', width: 100, render: (s: string) => <Tag>{t(`ent.valueSource.${s}`)}</Tag> },
                  { title: t('ent.actuals.kept'), dataIndex: 'value', width: 100, align: 'right' },
                  { title: t('ent.actuals.computed'), dataIndex: 'computed', width: 110, align: 'right' },
                ]}
              />
            </>
          )}
        </div>
      )}
    </Modal>
  );
}
