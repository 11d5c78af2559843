/**
 * 大屏: the cockpit for a leader's office wall — full screen, dark, type readable from a few metres, no menu.
 * Above the fold at 1920×1080 (and scaled with the viewport up to 3840×2160): the headline indicators with
 * their lights, the light counts, the town league and the headline trends. It refreshes itself every few
 * minutes and shows when it last did; it reads the same cockpit API with the same access rules (a town
 * officer sees their own town), and offers nothing to change.
 */
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Chart, type ChartOption } from '@kechuang/platform-web/chart';
import { DemoNotice, errorMessage, formatNumber, useCurrentUser, useLang, useT } from '@kechuang/platform-web';
import { useCockpit, usePeriods } from '../api.ts';
import { indicatorName } from '../format.ts';
import { LIGHT_COLOURS, LIGHTS } from '../components/LightTag.tsx';
import type { Cockpit, ReportItem, Standing, Trend } from '../types.ts';

/** how often the wall asks again (the data changes with imports, a few times a day at most) */
const REFRESH_MS = 5 * 60_000;
const BG = '#06142b';
const PANEL = '#0c2348';
const LINE = '#1d3d6e';
const TEXT = '#e6eefc';
const MUTED = '#8fa6cc';
const DEMO = '#faad14';
/** the whole screen scales with the viewport width: 1 vw is 19.2 px at 1920 and 38.4 px at 3840 */
const vw = (n: number) => `${n}vw`;

function Panel({ title, children, testId, style }: { title: string; children: React.ReactNode; testId?: string; style?: React.CSSProperties }) {
  return (
    <section
      data-testid={testId}
      style={{
        background: PANEL,
        border: `1px solid ${LINE}`,
        borderRadius: vw(0.4),
        padding: `${vw(0.6)} ${vw(0.8)}`,
        display: 'flex',
        flexDirection: 'column',
        minHeight: 0,
        ...style,
      }}
    >
      <h2 style={{ margin: 0, marginBottom: vw(0.5), fontSize: vw(1.05), fontWeight: 600, color: TEXT, letterSpacing: '0.05em' }}>{title}</h2>
      <div style={{ flex: 1, minHeight: 0 }}>{children}</div>
    </section>
  );
}

/** the period of the wall's figures: a computed figure is shown beside the official one of the same year */
function Headline({ item, period }: { item: ReportItem; period: string }) {
  const lang = useLang();
  const t = useT();
  const value = item.actual === null ? '—' : formatNumber(item.actual, item.precision);
  return (
    <div
      data-testid="wall-headline"
      style={{ background: '#0f2a55', borderRadius: vw(0.3), padding: `${vw(0.5)} ${vw(0.7)}`, borderLeft: `${vw(0.3)} solid ${LIGHT_COLOURS[item.light]}` }}
    >
      <div style={{ fontSize: vw(0.8), color: MUTED, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{indicatorName(item, lang)}</div>
      <div style={{ display: 'flex', alignItems: 'baseline', gap: vw(0.4) }}>
        <span style={{ fontSize: vw(2.3), fontWeight: 700, color: TEXT, fontVariantNumeric: 'tabular-nums' }}>{value}</span>
        <span style={{ fontSize: vw(0.8), color: MUTED }}>{item.unit}</span>
        {item.actualSynthetic && (
          <span
            data-testid="wall-demo-mark"
            style={{ fontSize: vw(0.65), color: DEMO, border: `1px solid ${DEMO}`, borderRadius: vw(0.2), padding: `0 ${vw(0.25)}` }}
          >
            {t('ind.wall.demo')}
          </span>
        )}
      </div>
      <div style={{ fontSize: vw(0.75), color: MUTED }}>
        {item.target === null
          ? t('ind.wall.noTarget')
          : t('ind.wall.target', { value: formatNumber(item.target, item.precision), period: item.targetPeriod ?? '' })}
        {item.completion !== null && (
          <span style={{ color: LIGHT_COLOURS[item.light], marginLeft: vw(0.5), fontWeight: 600 }}>
            {t('ind.wall.completion', { pct: Math.round(item.completion * 100) })}
          </span>
        )}
      </div>
      {item.comparisons
        .filter((c) => c.period === period)
        .map((c) => (
          <div key={c.period} data-testid="wall-official" style={{ fontSize: vw(0.65), color: DEMO }}>
            {t('ind.wall.official', { value: formatNumber(c.official, item.precision), unit: item.unit })}
          </div>
        ))}
    </div>
  );
}

function Lights({ lights }: { lights: Cockpit['lights'] }) {
  const t = useT();
  return (
    <div data-testid="wall-lights" style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: vw(0.5), height: '100%' }}>
      {LIGHTS.map((l) => (
        <div
          key={l}
          style={{ background: '#0f2a55', borderRadius: vw(0.3), display: 'flex', flexDirection: 'column', justifyContent: 'center', alignItems: 'center' }}
        >
          <span style={{ fontSize: vw(2.6), fontWeight: 700, color: l === 'grey' ? MUTED : LIGHT_COLOURS[l] }}>{lights[l]}</span>
          <span style={{ fontSize: vw(0.85), color: MUTED }}>{t(`ind.light.${l}`)}</span>
        </div>
      ))}
    </div>
  );
}

function League({ league }: { league: Standing[] }) {
  const t = useT();
  const cell: React.CSSProperties = { padding: `${vw(0.42)} ${vw(0.4)}`, borderBottom: `1px solid ${LINE}`, fontSize: vw(0.9), color: TEXT };
  return (
    <table data-testid="wall-league" style={{ width: '100%', borderCollapse: 'collapse' }}>
      <thead>
        <tr>
          {[t('ind.field.rank'), t('ind.field.region'), t('ind.wall.lights'), t('ind.field.meanCompletion')].map((h) => (
            <th key={h} style={{ ...cell, color: MUTED, fontWeight: 500, textAlign: 'left', fontSize: vw(0.75) }}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {league.slice(0, 10).map((s) => (
          <tr key={s.regionCode} data-testid="wall-league-row">
            <td style={{ ...cell, fontWeight: 700, color: s.rank <= 3 ? '#ffd666' : TEXT, width: vw(3) }}>{s.rank}</td>
            <td style={{ ...cell, whiteSpace: 'nowrap' }}>{s.regionName}</td>
            <td style={cell}>
              {(['green', 'yellow', 'red'] as const).map((l) => (
                <span key={l} style={{ color: LIGHT_COLOURS[l], marginRight: vw(0.6), fontWeight: 600 }}>
                  ● {s[l]}
                </span>
              ))}
            </td>
            <td style={{ ...cell, fontVariantNumeric: 'tabular-nums' }}>{s.completion === null ? '—' : `${Math.round(s.completion * 100)}%`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TrendMini({ trend, name }: { trend: Trend; name: string }) {
  const t = useT();
  const option = useMemo<ChartOption>(() => {
    const periods = trend.points.map((p) => p.period);
    return {
      grid: { left: 8, right: 12, top: 12, bottom: 4, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: periods, axisLabel: { color: MUTED, fontSize: 14 }, axisLine: { lineStyle: { color: LINE } } },
      yAxis: { type: 'value', scale: true, splitNumber: 3, axisLabel: { color: MUTED, fontSize: 13 }, splitLine: { lineStyle: { color: LINE } } },
      series: [
        {
          type: 'line',
          name: t('ind.wall.actual'),
          data: trend.points.map((p) => p.actual),
          symbolSize: 8,
          lineStyle: { width: 3, color: '#4096ff' },
          itemStyle: { color: '#4096ff' },
        },
        {
          type: 'line',
          name: t('ind.wall.expected'),
          data: trend.points.map((p) => p.expected),
          symbol: 'none',
          lineStyle: { width: 2, type: 'dashed', color: '#95de64' },
        },
      ],
    };
  }, [trend, t]);
  return (
    <div data-testid="wall-trend" style={{ display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' }}>
      <div style={{ fontSize: vw(0.8), color: TEXT, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
        {name} <span style={{ color: MUTED }}>({trend.indicator.unit})</span>
      </div>
      <div style={{ flex: 1, minHeight: 0 }}>
        <Chart option={option} height="100%" />
      </div>
    </div>
  );
}

function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <span data-testid="wall-clock">
      {now.toLocaleString('zh-CN', {
        timeZone: 'Asia/Shanghai',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hour12: false,
      })}
    </span>
  );
}

export function WallPage() {
  const t = useT();
  const lang = useLang();
  const user = useCurrentUser();
  const periods = usePeriods();
  const period = periods.data?.default ?? periods.data?.items[0];
  const cockpit = useCockpit(period, user.scope.regionCode, REFRESH_MS);
  const data = cockpit.data;

  useEffect(() => {
    const before = document.body.style.background;
    document.body.style.background = BG;
    return () => void (document.body.style.background = before);
  }, []);

  return (
    <main
      data-testid="wall"
      style={{
        position: 'fixed',
        inset: 0,
        background: BG,
        color: TEXT,
        display: 'grid',
        gridTemplateRows: 'auto 1fr',
        padding: vw(0.8),
        gap: vw(0.6),
        overflow: 'hidden',
      }}
    >
      <header style={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between' }}>
        <h1 style={{ margin: 0, fontSize: vw(1.9), fontWeight: 700, letterSpacing: '0.08em', color: TEXT }} data-testid="wall-title">
          {data ? t('ind.wall.title', { region: data.region.name }) : t('ind.wall.loading')}
        </h1>
        <div style={{ fontSize: vw(0.9), color: MUTED, display: 'flex', gap: vw(1.2), alignItems: 'baseline' }}>
          <span style={{ color: '#faad14' }}>
            <DemoNotice variant="text" />
          </span>
          {data && <span data-testid="wall-year">{t('ind.wall.period', { period: data.period, plan: data.planName })}</span>}
          <Clock />
          {cockpit.dataUpdatedAt > 0 && (
            <span>
              {t('ind.wall.updated', { at: new Date(cockpit.dataUpdatedAt).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) })}
            </span>
          )}
          <Link to="/cockpit" style={{ color: MUTED, fontSize: vw(0.7) }} data-testid="wall-exit">
            {t('ind.wall.exit')}
          </Link>
        </div>
      </header>
      {cockpit.isError && !data ? (
        <div style={{ fontSize: vw(1.2), color: '#ff7875' }}>{errorMessage(cockpit.error)}</div>
      ) : !data ? null : (
        <div
          style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', gridTemplateRows: 'minmax(0, 0.78fr) minmax(0, 1.22fr)', gap: vw(0.6), minHeight: 0 }}
        >
          <Panel title={t('ind.wall.headline')} style={{ gridColumn: '1 / 3' }}>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: vw(0.5) }}>
              {data.headline.slice(0, 6).map((item) => (
                <Headline key={item.code} item={item} period={data.period} />
              ))}
            </div>
          </Panel>
          <Panel title={t('ind.wall.lightsTitle')}>
            <Lights lights={data.lights} />
          </Panel>
          <Panel title={t('ind.wall.league', { n: data.unitCount })}>
            <League league={data.league} />
          </Panel>
          <Panel title={t('ind.wall.trends')} style={{ gridColumn: '2 / 4' }}>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gridTemplateRows: '1fr 1fr', gap: vw(0.5), height: '100%' }}>
              {data.trends.slice(0, 6).map((trend) => (
                <TrendMini
                  key={trend.indicator.code}
                  trend={trend}
                  name={indicatorName(data.headline.find((h) => h.code === trend.indicator.code) ?? trend.indicator, lang)}
                />
              ))}
            </div>
          </Panel>
        </div>
      )}
    </main>
  );
}
