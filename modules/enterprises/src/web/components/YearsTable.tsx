/**
 * The yearly figures with their source: a self-report not yet confirmed is highlighted, and the bureau
 * confirms it from here. The bureau and the enterprise itself enter a year's figures. 总收入 beside revenue;
 * the year's tech-SME basic conditions in one cell: what fails them, else what is not filled, else 均符合.
 */
import { useMemo, useState, type HTMLAttributes } from 'react';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { CheckOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { errorMessage, formatDateTime, useT } from '@kechuang/platform-web';
import { useConfirmYear } from '../api.ts';
import { count, pct, ratio, wan } from '../format.ts';
import { YEAR_FLAGS } from '../labels.ts';
import type { EnterpriseYear, Profile } from '../types.ts';
import { FigureSourceTag } from './FigureSourceTag.tsx';
import { YearDialog } from './YearDialog.tsx';

const isPending = (y: EnterpriseYear) => y.source === 'selfReport' && !y.confirmed;
const PENDING_BACKGROUND = '#fffbe6';
// fixed columns paint their own background: the row's highlight is repeated on them
const pendingCell = (y: EnterpriseYear) => (isPending(y) ? { style: { background: PENDING_BACKGROUND } } : {});

export function YearsTable({ profile }: { profile: Profile }) {
  const t = useT();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<{ year?: number } | null>(null);
  const confirm = useConfirmYear(profile.enterprise.id);
  const canWrite = profile.canEdit || profile.canSelfReport;
  const rows = useMemo(() => [...profile.years].sort((a, b) => b.year - a.year), [profile.years]);

  const columns = useMemo<TableColumnsType<EnterpriseYear>>(() => {
    const money = (key: keyof EnterpriseYear, label: string) => ({
      title: label,
      dataIndex: key,
      align: 'right' as const,
      width: 110,
      render: (v: number | null) => wan(v),
    });
    return [
      { title: t('ent.field.year'), dataIndex: 'year', width: 70, fixed: 'left', onCell: pendingCell },
      {
        title: t('ent.field.source'),
        key: 'source',
        width: 150,
        render: (_: unknown, y) => (
          <Tooltip title={`${y.updatedBy ?? '—'} · ${formatDateTime(y.updatedAt)}`}>
            <span>
              <FigureSourceTag source={y.source} confirmed={y.confirmed} />
            </span>
          </Tooltip>
        ),
      },
      money('revenue', t('ent.field.revenue')),
      money('totalIncome', t('ent.field.totalIncome')),
      money('highTechRevenue', t('ent.field.highTechRevenue')),
      money('rdExpense', t('ent.field.rdExpense')),
      money('rdExpenseDomestic', t('ent.field.rdExpenseDomestic')),
      { title: t('ent.trend.rdIntensity'), key: 'rdIntensity', align: 'right', width: 90, render: (_: unknown, y) => pct(ratio(y.rdExpense, y.revenue), 2) },
      money('totalCost', t('ent.field.totalCost')),
      money('totalAssets', t('ent.field.totalAssets')),
      money('netAssets', t('ent.field.netAssets')),
      { title: t('ent.field.employees'), dataIndex: 'employees', align: 'right', width: 80, render: count },
      { title: t('ent.field.sciTechStaff'), dataIndex: 'sciTechStaff', align: 'right', width: 80, render: count },
      { title: t('ent.field.conversions'), dataIndex: 'conversions', align: 'right', width: 80, render: count },
      { title: t('ent.years.conditionsShort'), key: 'conditions', width: 150, render: (_: unknown, y) => <ConditionsCell year={y} /> },
      ...(canWrite
        ? [
            {
              title: t('common.actions'),
              key: 'actions',
              width: 130,
              fixed: 'right' as const,
              onCell: pendingCell,
              render: (_: unknown, y: EnterpriseYear) => (
                <Space size={0}>
                  <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ year: y.year })}>
                    {t('common.edit')}
                  </Button>
                  {profile.canEdit && isPending(y) && (
                    <Popconfirm
                      title={t('ent.years.confirmTitle', { year: y.year })}
                      onConfirm={() =>
                        confirm
                          .mutateAsync(y.year)
                          .then(() => message.success(t('ent.years.confirmed')))
                          .catch((e: unknown) => message.error(errorMessage(e)))
                      }
                    >
                      <Button type="link" size="small" icon={<CheckOutlined />} data-testid="year-confirm">
                        {t('ent.years.confirm')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]
        : []),
    ];
  }, [t, canWrite, profile.canEdit, confirm, message]);

  return (
    <Card
      title={
        <span>
          {t('ent.years.title')} <span style={{ fontWeight: 400, fontSize: 12, color: '#8c8c8c' }}>{t('ent.years.unitNote')}</span>
        </span>
      }
      size="small"
      extra={
        canWrite && (
          <Button
            size="small"
            type={profile.canSelfReport ? 'primary' : 'default'}
            icon={<PlusOutlined />}
            onClick={() => setEditing({})}
            data-testid="year-add"
          >
            {profile.canSelfReport ? t('ent.years.selfReport') : t('ent.years.enter')}
          </Button>
        )
      }
    >
      <Table<EnterpriseYear>
        rowKey="year"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1760 }}
        onRow={(y) => (isPending(y) ? ({ style: { background: PENDING_BACKGROUND }, 'data-pending': 'true' } as HTMLAttributes<HTMLElement>) : {})}
        data-testid="years-table"
      />
      {canWrite && (
        <YearDialog
          enterpriseId={profile.enterprise.id}
          years={profile.years}
          year={editing?.year}
          isSelfReport={profile.canSelfReport}
          open={!!editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}

/** a year's tech-SME basic conditions: red tags for the ones it fails, else how many are not filled, else 均符合; each in the tooltip */
function ConditionsCell({ year }: { year: EnterpriseYear }) {
  const t = useT();
  // resident must hold; the other three must not
  const fails = YEAR_FLAGS.filter((k) => (k === 'resident' ? year[k] === false : year[k] === true));
  const unset = YEAR_FLAGS.filter((k) => year[k] === null).length;
  const answer = (v: boolean | null) => (v === null ? t('ent.years.flagUnset') : t(v ? 'common.yes' : 'common.no'));
  const detail = YEAR_FLAGS.map((k) => <div key={k}>{`${t(`ent.field.${k}`)}：${answer(year[k])}`}</div>);
  return (
    <Tooltip title={detail}>
      <span data-testid="year-conditions">
        {fails.length > 0 ? (
          fails.map((k) => (
            <Tag key={k} color="red" style={{ marginInlineEnd: 2 }}>
              {t(`ent.flagProblem.${k}`)}
            </Tag>
          ))
        ) : unset > 0 ? (
          <Tag>{t('ent.years.conditionsUnset', { n: unset })}</Tag>
        ) : (
          <span style={{ color: '#389e0d' }}>{t('ent.years.conditionsMet')}</span>
        )}
      </span>
    </Tooltip>
  );
}
