/** The columns of each work list: the enterprise, then what the list is about (from the row's `detail`). */
import { Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { TFunction } from '@kechuang/platform-web';
import { count, wan } from '../format.ts';
import { conditionLabel, gapShort } from '../rule-text.ts';
import type { Tier, WorkListItem, WorkListName } from '../types.ts';
import { TierTag } from './TierTag.tsx';

type D = Record<string, unknown>;
const num = (d: D, k: string) => (typeof d[k] === 'number' ? d[k] : null);
const str = (d: D, k: string) => (typeof d[k] === 'string' ? d[k] : null);
const codes = (d: D, k: string) => (Array.isArray(d[k]) ? (d[k] as string[]) : []);

/** short condition names for list cells; a score that experts could still lift above 70 is marked, not red */
function failedTags(t: TFunction, list: string[], scoreHigh: number | null = null) {
  if (!list.length) return '—';
  return list.map((c) => {
    const short = t(`ent.condShort.${c}`);
    const label = short === `ent.condShort.${c}` ? conditionLabel(t, c) : short;
    const isExpertDependent = c === 'innovationScore' && scoreHigh !== null && scoreHigh > 70;
    return (
      <Tooltip key={c} title={isExpertDependent ? t('ent.check.scoreDependsOnExperts', { high: scoreHigh }) : conditionLabel(t, c)}>
        <Tag color={isExpertDependent ? 'orange' : 'red'} style={{ marginBottom: 2 }}>
          {label}
        </Tag>
      </Tooltip>
    );
  });
}

function specific(t: TFunction, list: WorkListName): TableColumnsType<WorkListItem> {
  switch (list) {
    case 'hnteCandidates':
      return [
        { title: t('ent.wl.failed'), key: 'failed', width: 90, align: 'right', render: (_: unknown, r) => <b>{num(r.detail, 'failed') ?? '—'}</b> },
        {
          title: t('ent.wl.failedConditions'),
          key: 'failedCodes',
          width: 260,
          render: (_: unknown, r) => (
            <>
              {failedTags(t, codes(r.detail, 'failedCodes'), num(r.detail, 'scoreHigh'))}
              {(num(r.detail, 'unknown') ?? 0) > 0 && <Tag color="warning">{t('ent.wl.unknown', { n: num(r.detail, 'unknown') ?? 0 })}</Tag>}
            </>
          ),
        },
        {
          title: t('ent.wl.gaps'),
          key: 'gaps',
          render: (_: unknown, r) => {
            const gaps = Array.isArray(r.detail.gaps) ? (r.detail.gaps as { code: string; change: number; unit: string }[]) : [];
            return gaps.length ? <span data-testid="worklist-gaps">{gaps.map((g) => gapShort(t, g)).join('；')}</span> : '—';
          },
        },
        {
          title: t('ent.wl.score'),
          key: 'score',
          width: 100,
          align: 'right',
          render: (_: unknown, r) => {
            const low = num(r.detail, 'score');
            const high = num(r.detail, 'scoreHigh');
            return (
              <Tooltip title={t('ent.score.bandTip', { low: low ?? '—', high: high ?? '—', max: 100 })}>
                <span style={{ fontVariantNumeric: 'tabular-nums' }}>{low === high ? low : `${low}–${high}`}</span>
              </Tooltip>
            );
          },
        },
      ];
    case 'hnteExpiring':
      return [
        { title: t('ent.qual.certificateNo'), key: 'certificateNo', width: 170, render: (_: unknown, r) => str(r.detail, 'certificateNo') },
        { title: t('ent.qual.issuedOn'), key: 'issuedOn', width: 110, render: (_: unknown, r) => str(r.detail, 'issuedOn') },
        { title: t('ent.qual.validUntil'), key: 'validUntil', width: 110, render: (_: unknown, r) => str(r.detail, 'validUntil') },
        {
          title: t('ent.wl.daysLeft'),
          key: 'daysLeft',
          width: 90,
          align: 'right',
          render: (_: unknown, r) => {
            const days = num(r.detail, 'daysLeft') ?? 0;
            return (
              <Typography.Text type={days <= 60 ? 'danger' : days <= 120 ? 'warning' : undefined} strong>
                {days}
              </Typography.Text>
            );
          },
        },
        {
          title: t('ent.wl.reapply'),
          key: 'reapply',
          width: 110,
          render: (_: unknown, r) => {
            const q = r.detail.reapplyQualified;
            return q === true ? (
              <Tag color="success">{t('ent.check.qualified')}</Tag>
            ) : q === false ? (
              <Tag color="error">{t('ent.check.notQualified')}</Tag>
            ) : (
              <Tag color="warning">{t('ent.wl.reapplyUndecided')}</Tag>
            );
          },
        },
        { title: t('ent.wl.failedConditions'), key: 'failedCodes', render: (_: unknown, r) => failedTags(t, codes(r.detail, 'failedCodes')) },
      ];
    case 'zeroRd':
      return [
        { title: t('ent.field.year'), key: 'year', width: 70, render: (_: unknown, r) => num(r.detail, 'year') },
        {
          title: t('ent.wl.situation'),
          key: 'reported',
          width: 160,
          render: (_: unknown, r) => (r.detail.reported ? <Tag color="red">{t('ent.wl.reportedZero')}</Tag> : <Tag>{t('ent.wl.notReported')}</Tag>),
        },
        { title: t('ent.field.revenueWan'), key: 'revenue', width: 140, align: 'right', render: (_: unknown, r) => wan(num(r.detail, 'revenue')) },
        { title: t('ent.field.employees'), key: 'employees', width: 100, align: 'right', render: (_: unknown, r) => count(num(r.detail, 'employees')) },
      ];
    case 'noRdInstitution':
      return [
        { title: t('ent.wl.latestRevenue'), key: 'revenue', width: 170, align: 'right', render: (_: unknown, r) => wan(num(r.detail, 'revenue')) },
        { title: t('ent.wl.latestRdExpense'), key: 'rdExpense', width: 170, align: 'right', render: (_: unknown, r) => wan(num(r.detail, 'rdExpense')) },
      ];
    case 'lapsedTechSme':
      return [
        { title: t('ent.wl.lastRegistration'), key: 'certificateNo', width: 220, render: (_: unknown, r) => str(r.detail, 'certificateNo') },
        { title: t('ent.wl.lapsedOn'), key: 'lapsedOn', width: 120, render: (_: unknown, r) => str(r.detail, 'lapsedOn') },
      ];
  }
}

export function workListColumns(t: TFunction, list: WorkListName): TableColumnsType<WorkListItem> {
  return [
    {
      title: t('ent.field.name'),
      dataIndex: 'name',
      width: 260,
      render: (name: string, r) => (
        <Link to={`/enterprises/${r.id}`} data-testid="worklist-link">
          {name}
        </Link>
      ),
    },
    { title: t('ent.field.region'), dataIndex: 'regionName', width: 120 },
    { title: t('ent.field.tier'), dataIndex: 'tier', width: 140, render: (tier: Tier) => <TierTag tier={tier} /> },
    ...specific(t, list),
  ];
}
