/**
 * The demo market's events (labelled synthetic, is_synthetic = true): 12 invented matchmaking fairs, roadshows and
 * two achievement auctions over 2025–2026, attached to the demo listings. An event before the bureau's today is
 * closed with its outcomes (one cancelled with a reason, the latest held); later ones are open for sign-up or
 * planned. The auctions' lots add up as in MARKET-AND-FUNDING §2: 10 lots 790 万元 → 1,014 万元 (+28%), 11 lots
 * 895 万元 → 1,230 万元 (+37%). Sign-ups come from the demo enterprise, institute and broker accounts (when they
 * exist) and from names the bureau typed. Every name is invented; the same demo each time.
 */
import { reportingUnits, type Db, type Region } from '@kechuang/platform-server';
import { bureauToday, seededRandom } from '@kechuang/platform-core';
import type { EventKind, EventStatus } from '../contract/event-kinds.ts';
import type { ListingKind } from '../contract/kinds.ts';
import { attachListing, insertEvent, insertSignup, setEventStatus, setLotResult, setOutcomes } from '../db/events.ts';

interface DemoEvent {
  kind: EventKind;
  title: string;
  date: string;
  time: string;
  place: string;
  online?: string;
  organiser: string;
  description: string;
  /** the town's index among the district's reporting units; the district itself when absent */
  town?: number;
  /** attached listings: achievements and demands (fairs), achievements (roadshows); an auction's lots */
  achievements: number;
  demands?: number;
  /** an auction's lots: start prices in 万元 and their final sum (every lot sold) */
  lots?: { starts: number[]; finalTotal: number };
  cancelled?: string;
}

const BUREAU = '区科技局';
const EVENTS: DemoEvent[] = [
  {
    kind: 'fair',
    title: '2025 年新材料产业技术需求对接会',
    date: '2025-03-18',
    time: '14:00',
    place: '区科技创新中心一楼报告厅',
    organiser: BUREAU,
    description: '围绕高性能膜材料、特种工程塑料等企业技术需求，邀请高校院所现场对接。',
    achievements: 4,
    demands: 4,
  },
  {
    kind: 'roadshow',
    title: '绿色石化科技成果路演（第一期）',
    date: '2025-04-24',
    time: '09:30',
    place: '石化经济技术开发区管委会会议室',
    organiser: '区科技局、石化区管委会',
    description: '八项绿色石化领域科技成果集中路演，企业现场提问。',
    achievements: 8,
    town: 2,
  },
  {
    kind: 'auction',
    title: '2025 年科技成果竞价拍卖会',
    date: '2025-06-26',
    time: '14:30',
    place: '区科技大市场交易大厅',
    online: 'https://example.org/live/auction-2025',
    organiser: '区科技局、区技术转移中心',
    description: '十项科技成果公开竞价，现场与线上同步竞拍。',
    achievements: 10,
    lots: { starts: [45, 60, 72, 80, 95, 110, 68, 88, 102, 70], finalTotal: 1014 },
  },
  {
    kind: 'fair',
    title: '智能制造企业技术难题揭榜对接会',
    date: '2025-08-21',
    time: '14:00',
    place: '招宝山街道企业服务中心',
    organiser: '招宝山街道、区科技局',
    description: '发布智能制造企业技术难题，邀请院所揭榜。',
    achievements: 3,
    demands: 5,
    town: 0,
  },
  {
    kind: 'roadshow',
    title: '高校院所新能源成果线上路演',
    date: '2025-10-16',
    time: '15:00',
    place: '',
    online: 'https://example.org/live/roadshow-newenergy',
    organiser: '区技术转移中心',
    description: '线上路演，六家院所介绍储能、氢能方向成果。',
    achievements: 6,
  },
  {
    kind: 'fair',
    title: '生物医药产学研对接会',
    date: '2025-11-27',
    time: '13:30',
    place: '区科技创新中心三楼会议室',
    organiser: BUREAU,
    description: '原定与市医药行业协会联办。',
    achievements: 3,
    demands: 2,
    cancelled: '主讲专家行程冲突，改期至次年举办',
  },
  {
    kind: 'fair',
    title: '2026 年首场校企合作对接会',
    date: '2026-03-12',
    time: '14:00',
    place: '蛟川街道科创园报告厅',
    organiser: '蛟川街道、区科技局',
    description: '面向园区企业，集中对接高校院所成果和专家。',
    achievements: 4,
    demands: 4,
    town: 1,
  },
  {
    kind: 'roadshow',
    title: '绿色石化科技成果路演（第二期）',
    date: '2026-04-23',
    time: '09:30',
    place: '石化经济技术开发区管委会会议室',
    organiser: '区科技局、石化区管委会',
    description: '第二期路演，聚焦节能降碳和精细化工成果。',
    achievements: 7,
    town: 2,
  },
  {
    kind: 'auction',
    title: '2026 年科技成果竞价拍卖会',
    date: '2026-06-25',
    time: '14:30',
    place: '区科技大市场交易大厅',
    online: 'https://example.org/live/auction-2026',
    organiser: '区科技局、区技术转移中心',
    description: '十一项科技成果公开竞价，现场与线上同步竞拍。',
    achievements: 11,
    lots: { starts: [55, 70, 62, 95, 88, 120, 76, 84, 90, 65, 90], finalTotal: 1230 },
  },
  {
    kind: 'fair',
    title: '专精特新企业技术需求对接会',
    date: '2026-09-17',
    time: '14:00',
    place: '区科技创新中心一楼报告厅',
    organiser: BUREAU,
    description: '专精特新企业发布技术需求，院所和技术经纪人现场对接。',
    achievements: 4,
    demands: 6,
  },
  {
    kind: 'roadshow',
    title: '年终科技成果集中路演',
    date: '2026-12-17',
    time: '09:30',
    place: '区科技创新中心三楼会议室',
    online: 'https://example.org/live/roadshow-yearend',
    organiser: '区技术转移中心',
    description: '年终集中路演，欢迎企业报名参加。',
    achievements: 6,
  },
  {
    kind: 'fair',
    title: '2027 年新春校企对接会',
    date: '2026-12-30',
    time: '14:00',
    place: '招宝山街道企业服务中心',
    organiser: '招宝山街道、区科技局',
    description: '筹备中，议程待定。',
    achievements: 2,
    demands: 2,
    town: 0,
  },
];

/** names and contacts the bureau typed in for those who signed up by phone */
const TYPED = [
  ['宁波甬辰精密机械有限公司', '0574-8620 1135'],
  ['浙江海晟新材料科技有限公司', '0574-8631 2240'],
  ['宁波东泓环保设备有限公司', '0574-8655 0921'],
  ['镇远智能装备（宁波）有限公司', '0574-8609 7712'],
  ['宁波瑞丰化工助剂有限公司', '0574-8677 3308'],
  ['甬江储能科技有限公司', '0574-8642 5519'],
  ['宁波博扬检测技术有限公司', '0574-8618 6640'],
  ['浙江明澜医疗器械有限公司', '0574-8693 0287'],
];

/** whether the demo's events were seeded (or any events exist) */
export async function hasMarketEvents(db: Db): Promise<boolean> {
  const [row] = await db.query('select 1 from market_events limit 1');
  return !!row;
}

/** each lot's final price: the start raised by a varied premium, the last lot making up the auction's total */
function finalPrices(starts: readonly number[], total: number, rnd: () => number): number[] {
  const mean = total / starts.reduce((s, x) => s + x, 0);
  const finals = starts.slice(0, -1).map((s) => Math.round(s * (mean + (rnd() - 0.5) * 0.3)));
  return [...finals, total - finals.reduce((s, x) => s + x, 0)];
}

export async function seedDemoEvents(db: Db, district: Pick<Region, 'code' | 'path'>): Promise<{ events: number }> {
  const rnd = seededRandom('kechuang-demo-market-events');
  const today = bureauToday();
  const towns = (await reportingUnits(db, district.code)).map((u) => u.code);
  const published = async (table: string) =>
    (await db.query<{ id: number }>(`select id::int as id from ${table} where status = 'published' and is_synthetic order by id`)).map((r) => r.id);
  const pools: Record<'achievement' | 'demand', number[]> = { achievement: await published('achievements'), demand: await published('demands') };
  const cursor = { achievement: 0, demand: 0 };
  const take = (kind: 'achievement' | 'demand', n: number): number[] => {
    const pool = pools[kind];
    if (pool.length === 0) return [];
    const out = [...new Set(Array.from({ length: Math.min(n, pool.length) }, (_, i) => pool[(cursor[kind] + i * 7) % pool.length]))];
    cursor[kind] += 3 * n + 1;
    return out;
  };
  const accounts = await db.query<{ id: number; kind: string; boundId: number; name: string }>(
    `select id::int as id, bound_kind as kind, bound_id::int as "boundId", display_name as name from users
     where username in ('enterprise', 'institute', 'broker') and bound_id is not null order by username`,
  );

  let typed = 0;
  const latestPast = EVENTS.filter((e) => e.date < today && !e.cancelled).at(-1);
  for (const e of EVENTS) {
    const regionCode = e.town !== undefined && towns[e.town] ? towns[e.town] : district.code;
    const id = await insertEvent(
      db,
      {
        kind: e.kind,
        title: e.title,
        date: e.date,
        time: e.time,
        place: e.place,
        onlineLink: e.online ?? null,
        organiser: e.organiser,
        description: e.description,
        regionCode,
      },
      null,
      true,
    );
    const achievements = take('achievement', e.achievements);
    const entries: { entryId: number; start: number }[] = [];
    for (const [i, listingId] of achievements.entries()) {
      const start = e.lots?.starts[i] ?? null;
      const entryId = await attachListing(db, id, { listingKind: 'achievement', listingId, lotNo: e.lots ? i + 1 : null, startPrice: start });
      if (entryId !== null && start !== null) entries.push({ entryId, start });
    }
    for (const listingId of take('demand', e.demands ?? 0)) {
      await attachListing(db, id, { listingKind: 'demand' satisfies ListingKind, listingId, lotNo: null, startPrice: null });
    }

    const past = e.date < today;
    const status: EventStatus = e.cancelled ? 'cancelled' : past ? (e === latestPast ? 'held' : 'closed') : e === EVENTS.at(-1) ? 'planned' : 'open';
    if (status !== 'planned') {
      // sign-ups: the demo accounts to most events, and a few names the bureau typed
      for (const a of accounts) {
        if (rnd() < 0.75)
          await insertSignup(db, { eventId: id, userId: a.id, boundKind: a.kind, boundId: a.boundId, name: a.name, contact: '', createdBy: a.id });
      }
      const n = 3 + Math.floor(rnd() * 4);
      for (let k = 0; k < n; k++) {
        const [name, contact] = TYPED[typed++ % TYPED.length];
        await insertSignup(db, { eventId: id, userId: null, boundKind: null, boundId: null, name, contact, createdBy: null });
      }
    }
    if (past) {
      // those who signed up for a past event did so in the weeks before it
      await db.query(`update market_event_signups set created_at = $2::date - (2 + id % 20) * interval '1 day' + interval '10 hours' where event_id = $1`, [
        id,
        e.date,
      ]);
    }
    if (status === 'closed' || status === 'held') {
      const signups = 6 + Math.floor(rnd() * 30);
      await setOutcomes(db, id, {
        contactsMade: signups + Math.floor(rnd() * 20),
        intentionsSigned: 1 + Math.floor(rnd() * 6),
        note: e.kind === 'auction' ? `${entries.length} 项成果全部成交` : '会后由技术经纪人跟进对接',
      });
      if (e.lots && entries.length === e.lots.starts.length) {
        const finals = finalPrices(e.lots.starts, e.lots.finalTotal, rnd);
        for (const [i, { entryId }] of entries.entries()) await setLotResult(db, id, entryId, finals[i], true);
      }
    }
    if (status !== 'planned') await setEventStatus(db, id, status, e.cancelled ?? null);
  }
  return { events: EVENTS.length };
}
