/** The league matrix's columns: rank, unit, light counts, green share, completion, one per indicator. */
import { Tooltip, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { formatPercent, type Lang, type TFunction } from '@kechuang/platform-web';
import type { League, LeagueRow } from '../types.ts';
import { figure, indicatorName } from '../format.ts';
import { LightDot } from './LightTag.tsx';
import { CompletionBar, GreenShare, LightCountsInline, RankBadge } from './Standings.tsx';

type SortKey = 'rank' | 'greenShare' | 'completion' | 'regionCode';

export function leagueColumns(
  league: League | undefined,
  opts: { t: TFunction; lang: Lang; indicator?: string; sort: SortKey; order: 'ascend' | 'descend' },
): TableColumnsType<LeagueRow> {
  const { t, indicator, sort, order } = opts;
  // ranking on one indicator, the server orders by that indicator: no column shows a sort
  const sortOrder = (key: SortKey) => (!indicator && sort === key ? order : null);
  const period = league?.period ?? '';
  const chosen = league?.indicators.find((i) => i.code === indicator);
  const columns: TableColumnsType<LeagueRow> = [
    {
      title: t('ind.field.rank'),
      key: 'rank',
      dataIndex: 'rank',
      width: 72,
      align: 'center',
      fixed: 'left',
      sorter: true,
      sortOrder: sortOrder('rank'),
      render: (r: number) => <RankBadge rank={r} />,
    },
    {
      title: t('ind.field.region'),
      key: 'regionCode',
      dataIndex: 'regionName',
      width: 170,
      fixed: 'left',
      sorter: true,
      sortOrder: sortOrder('regionCode'),
      render: (name: string, r) => <Link to={`/report?region=${r.regionCode}&period=${period}`}>{name}</Link>,
    },
  ];
  if (chosen) {
    columns.push({
      title: t('ind.league.indicatorRank'),
      key: 'indicatorRank',
      width: 150,
      fixed: 'left',
      onHeaderCell: () => ({ style: { background: '#e6f4ff' } }),
      onCell: () => ({ style: { background: '#f0f7ff' } }),
      render: (_: unknown, r) => (
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8, whiteSpace: 'nowrap' }}>
          <RankBadge rank={r.cells[chosen.code]?.rank} />
          <b>{figure(r.cells[chosen.code]?.actual ?? null, chosen)}</b>
        </span>
      ),
    });
  }
  columns.push(
    { title: t('ind.field.lights'), key: 'lights', width: 210, render: (_: unknown, r) => <LightCountsInline counts={r} /> },
    {
      title: t('ind.field.greenShare'),
      key: 'greenShare',
      dataIndex: 'greenShare',
      width: 150,
      sorter: true,
      sortOrder: sortOrder('greenShare'),
      render: (v: number | null) => <GreenShare value={v} />,
    },
    {
      title: t('ind.field.meanCompletion'),
      key: 'completion',
      dataIndex: 'completion',
      width: 150,
      sorter: true,
      sortOrder: sortOrder('completion'),
      render: (v: number | null) => <CompletionBar value={v} />,
    },
  );
  // the chosen indicator's lights come first
  const indicators = [...(chosen ? [chosen] : []), ...(league?.indicators ?? []).filter((i) => i !== chosen)];
  for (const ind of indicators) {
    const isChosen = ind.code === indicator;
    columns.push({
      key: `cell-${ind.code}`,
      width: 92,
      align: 'center',
      onHeaderCell: () => ({ style: isChosen ? { background: '#e6f4ff' } : undefined }),
      onCell: () => ({ style: isChosen ? { background: '#f0f7ff' } : undefined }),
      title: (
        <Tooltip title={`${indicatorName({ nameZh: ind.name, nameEn: ind.nameEn }, opts.lang)}（${ind.unit}）`}>
          <div
            style={{
              fontSize: 12,
              lineHeight: '16px',
              maxHeight: 48,
              display: '-webkit-box',
              WebkitLineClamp: 3,
              WebkitBoxOrient: 'vertical',
              overflow: 'hidden',
              fontWeight: isChosen ? 600 : 500,
            }}
          >
            {indicatorName({ nameZh: ind.name, nameEn: ind.nameEn }, opts.lang)}
          </div>
        </Tooltip>
      ),
      render: (_: unknown, r) => {
        const cell = r.cells[ind.code];
        if (!cell) return <span style={{ color: '#bfbfbf' }}>—</span>;
        const label = t(`ind.light.${cell.light}`);
        const tip = t('ind.league.cellTip', {
          actual: figure(cell.actual, ind),
          expected: figure(cell.expected, ind),
          completion: formatPercent(cell.completion),
          rank: cell.rank ?? '—',
        });
        return (
          <Tooltip title={`${ind.name} · ${label} · ${tip}`}>
            <span
              role="img"
              aria-label={label}
              data-light={cell.light}
              style={{ display: 'inline-flex', alignItems: 'center', gap: 4, fontSize: 12, whiteSpace: 'nowrap' }}
            >
              <LightDot light={cell.light} size={12} />
              {label.slice(0, 1)}
              <span style={{ color: '#8c8c8c' }}>{formatPercent(cell.completion, 0)}</span>
            </span>
          </Tooltip>
        );
      },
    });
  }
  return columns;
}
