/**
 * 高企认定研判: each HNTE condition with the firm's figure, the required figure and ✓ / ✗ / 待补数据 (with
 * why), the innovation score as low–high bands per part, and what it would take (还差什么).
 */
import type { HTMLAttributes } from 'react';
import { Card, Col, Flex, Row, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { QuestionCircleFilled } from '@ant-design/icons';
import { useT, type TFunction } from '@kechuang/platform-web';
import { pct, registeredFor } from '../format.ts';
import { conditionLabel, reasonText } from '../rule-text.ts';
import type { CoreIpJudgement, HnteCheck as HnteCheckResult, HnteCondition } from '../types.ts';
import { CoreIpValue } from './CoreIpValue.tsx';
import { HnteGaps } from './HnteGaps.tsx';
import { ScoreBands } from './ScoreBands.tsx';

const SHARES = new Set(['sciTechStaffShare', 'rdExpenseShare', 'rdDomesticShare', 'highTechRevenueShare']);

function figure(t: TFunction, c: HnteCondition, v: number | boolean | null, isRequired: boolean, scoreHigh: number): string {
  if (v === null) return '—';
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (SHARES.has(c.code)) return isRequired ? `≥ ${pct(v, 0)}` : pct(v, 2);
  if (c.code === 'registeredOneYear') return isRequired ? `≥ ${v} ${t('ent.unit.days')}` : registeredFor(t, v);
  if (c.code === 'innovationScore') {
    if (isRequired) return `> ${v - 1} ${t('ent.unit.points')}`; // 70分以上（不含70分）: required is the lowest pass, 71
    return scoreHigh > v ? `${v}–${scoreHigh} ${t('ent.unit.points')}` : `${v} ${t('ent.unit.points')}`;
  }
  return String(v);
}

export function PassMark({ pass, reason }: { pass: boolean | null; reason?: string }) {
  const t = useT();
  if (pass === true)
    return (
      <span style={{ color: '#389e0d', fontWeight: 600, whiteSpace: 'nowrap' }} data-pass="true">
        ✓ {t('ent.check.met')}
      </span>
    );
  if (pass === false)
    return (
      <span style={{ color: '#cf1322', fontWeight: 600, whiteSpace: 'nowrap' }} data-pass="false">
        ✗ {t('ent.check.notMet')}
      </span>
    );
  return (
    <Tooltip title={reason}>
      <Tag color="warning" icon={<QuestionCircleFilled />} style={{ marginInlineEnd: 0 }} data-pass="null">
        {t('ent.check.missingData')}
      </Tag>
    </Tooltip>
  );
}

export function QualifiedTag({ qualified, testId }: { qualified: boolean | null; testId?: string }) {
  const t = useT();
  const [colour, key] =
    qualified === true ? ['success', 'ent.check.qualified'] : qualified === false ? ['error', 'ent.check.notQualified'] : ['warning', 'ent.check.undetermined'];
  return (
    <Tag color={colour} style={{ marginInlineEnd: 0, fontSize: 13, padding: '2px 10px' }} data-testid={testId} data-qualified={String(qualified)}>
      {t(key)}
    </Tag>
  );
}

export function HnteCheck({ hnte, asOf, coreIp }: { hnte: HnteCheckResult; asOf: string; coreIp: CoreIpJudgement }) {
  const t = useT();
  const window = hnte.window.length ? (hnte.window.length > 1 ? `${hnte.window[0]}–${hnte.window.at(-1)}` : String(hnte.window[0])) : '—';
  const columns: TableColumnsType<HnteCondition> = [
    { title: t('ent.check.condition'), dataIndex: 'code', render: (code: string) => conditionLabel(t, code) },
    {
      title: t('ent.check.actual'),
      key: 'actual',
      align: 'right',
      width: 200,
      // core IP in the words 基本信息 uses, from the same judgement
      render: (_: unknown, c) =>
        c.code === 'coreIp' && c.actual === coreIp.value ? (
          <CoreIpValue coreIp={coreIp} testId="hnte-core-ip" />
        ) : (
          figure(t, c, c.actual, false, hnte.scoreHigh.total)
        ),
    },
    {
      title: t('ent.check.required'),
      key: 'required',
      align: 'right',
      width: 110,
      render: (_: unknown, c) => figure(t, c, c.required, true, hnte.scoreHigh.total),
    },
    {
      title: t('ent.check.pass'),
      key: 'pass',
      width: 330,
      render: (_: unknown, c) => (
        <Flex gap={8} align="center" wrap>
          <PassMark pass={c.pass} reason={reasonText(t, c.reason)} />
          {c.pass === null && c.reason && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {reasonText(t, c.reason)}
            </Typography.Text>
          )}
          {c.pass !== null && c.code === 'innovationScore' && c.pass === false && hnte.scoreHigh.total >= (c.required as number) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('ent.check.scoreDependsOnExperts', { high: hnte.scoreHigh.total })}
            </Typography.Text>
          )}
          {c.pass !== null && c.reason && c.code !== 'innovationScore' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {reasonText(t, c.reason)}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
  ];
  // every condition holds but the score, which the experts' maximum could still lift to the pass mark
  const expertDecides =
    hnte.qualified === false &&
    hnte.conditions.every((c) => c.pass !== false || (c.code === 'innovationScore' && typeof c.required === 'number' && hnte.scoreHigh.total >= c.required));
  return (
    <Card
      size="small"
      title={
        <Flex gap={12} align="center" wrap>
          <span>{t('ent.check.hnteTitle')}</span>
          {expertDecides ? (
            <Tag color="warning" style={{ marginInlineEnd: 0, fontSize: 13, padding: '2px 10px' }} data-testid="hnte-result" data-qualified="expert">
              {t('ent.check.expertDecides')}
            </Tag>
          ) : (
            <QualifiedTag qualified={hnte.qualified} testId="hnte-result" />
          )}
        </Flex>
      }
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('ent.check.basis', { window, asOf, rule: hnte.ruleVersion })}
        </Typography.Text>
      }
    >
      <Table<HnteCondition>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={hnte.conditions}
        pagination={false}
        onRow={(c) => ({ 'data-code': c.code, style: c.pass === false ? { background: '#fff1f0' } : undefined }) as HTMLAttributes<HTMLElement>}
        data-testid="hnte-conditions"
      />
      <Row gutter={[24, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={10}>
          <ScoreBands score={hnte.score} scoreHigh={hnte.scoreHigh} />
        </Col>
        <Col xs={24} lg={14}>
          <HnteGaps hnte={hnte} />
        </Col>
      </Row>
    </Card>
  );
}
