/**
 * The market's events in the database (migration 0021): events with their counts and auction totals, the listings
 * attached (titled from their kind's table), sign-ups, and the writes the routes make inside their transactions.
 */
import { whereClause, type Db } from '@kechuang/platform-server';
import { auctionTotals, premiumOf, type EventStatus } from '../contract/event-kinds.ts';
import type { EventDetail, EventWrite, MarketEvent } from '../contract/events.ts';
import type { ListingKind } from '../contract/kinds.ts';
import { KINDS } from './listings.ts';

/** who sees which events: a region's users their subtree's (any status) and the open-or-later ones above them; others every event past planned */
export type EventViewer = { path: string } | { all: true };

export type EventRow = Omit<MarketEvent, 'auction' | 'mySignupId'> & { regionPath: string };
export type EventListingRow = EventDetail['listings'][number];
export type SignupRow = EventDetail['signups'][number] & { userId: number | null };

const SELECT = `
  select e.id::int as id, e.kind, e.title, e.event_date::text as date, e.event_time as time, e.place, e.online_link as "onlineLink",
         e.organiser, e.description, e.status, e.cancel_reason as "cancelReason", e.contacts_made as "contactsMade",
         e.intentions_signed as "intentionsSigned", e.outcome_note as "outcomeNote", e.region_code as "regionCode",
         g.name as "regionName", g.path as "regionPath", e.is_synthetic as "isSynthetic", e.created_at::text as "createdAt",
         e.updated_at::text as "updatedAt",
         (select count(*)::int from market_event_listings x where x.event_id = e.id) as "listingCount",
         (select count(*)::int from market_event_signups s where s.event_id = e.id) as "signupCount"
  from market_events e join regions g on g.code = e.region_code`;

function addVisibility(w: ReturnType<typeof whereClause>, v: EventViewer): void {
  if ('all' in v) w.add('e.status <> ?', 'planned');
  else w.add(`(g.path like ?::text || '%' or (?::text like g.path || '%' and e.status <> 'planned'))`, v.path);
}

export async function listEvents(db: Db, v: EventViewer, f: { kind?: string; status?: string; year?: number }): Promise<EventRow[]> {
  const w = whereClause();
  addVisibility(w, v);
  if (f.kind) w.add('e.kind = ?', f.kind);
  if (f.status) w.add('e.status = ?', f.status);
  if (f.year) w.add('extract(year from e.event_date)::int = ?', f.year);
  return db.query<EventRow>(`${SELECT} ${w.sql} order by e.event_date desc, e.id desc`, w.params);
}

/** one event; with a viewer, only if it may see it */
export async function getEvent(db: Db, id: number, v?: EventViewer): Promise<EventRow | null> {
  const w = whereClause();
  w.add('e.id = ?', id);
  if (v) addVisibility(w, v);
  const [row] = await db.query<EventRow>(`${SELECT} ${w.sql}`, w.params);
  return row ?? null;
}

export async function insertEvent(
  db: Db,
  e: Required<Omit<EventWrite, 'time' | 'onlineLink'>> & { time: string | null; onlineLink: string | null },
  createdBy: number | null,
  synthetic = false,
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `insert into market_events (kind, title, event_date, event_time, place, online_link, organiser, description, region_code, created_by, is_synthetic)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id::int as id`,
    [e.kind, e.title, e.date, e.time, e.place, e.onlineLink, e.organiser, e.description, e.regionCode, createdBy, synthetic],
  );
  return row.id;
}

const PATCH_COLUMNS: Record<string, string> = {
  title: 'title',
  date: 'event_date',
  time: 'event_time',
  place: 'place',
  onlineLink: 'online_link',
  organiser: 'organiser',
  description: 'description',
  regionCode: 'region_code',
};

export async function updateEvent(db: Db, id: number, patch: Record<string, unknown>): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [];
  for (const [key, col] of Object.entries(PATCH_COLUMNS)) {
    if (patch[key] === undefined) continue;
    params.push(patch[key]);
    sets.push(`${col} = $${params.length}`);
  }
  params.push(id);
  await db.query(`update market_events set ${[...sets, 'updated_at = now()'].join(', ')} where id = $${params.length}`, params);
}

export async function setEventStatus(db: Db, id: number, status: EventStatus, reason: string | null): Promise<void> {
  await db.query(`update market_events set status = $2, cancel_reason = $3, updated_at = now() where id = $1`, [id, status, reason]);
}

export async function setOutcomes(db: Db, id: number, o: { contactsMade: number | null; intentionsSigned: number | null; note: string }): Promise<void> {
  await db.query(`update market_events set contacts_made = $2, intentions_signed = $3, outcome_note = $4, updated_at = now() where id = $1`, [
    id,
    o.contactsMade,
    o.intentionsSigned,
    o.note,
  ]);
}

/** the listings attached to events, titled from their kinds' tables, lots in order */
export async function eventListings(db: Db, eventIds: readonly number[]): Promise<Map<number, EventListingRow[]>> {
  const out = new Map<number, EventListingRow[]>();
  if (eventIds.length === 0) return out;
  const titles = Object.values(KINDS)
    .map((k) => `select '${k.kind}'::text as kind, id, ${k.heading} as title, status from ${k.table}`)
    .join(' union all ');
  const rows = await db.query<EventListingRow & { eventId: number }>(
    `select x.event_id::int as "eventId", x.id::int as id, x.listing_kind as "listingKind", x.listing_id::int as "listingId",
            coalesce(t.title, '') as title, coalesce(t.status, '') as status, x.lot_no as "lotNo", x.start_price::float8 as "startPrice",
            x.final_price::float8 as "finalPrice", x.sold
     from market_event_listings x left join (${titles}) t on t.kind = x.listing_kind and t.id = x.listing_id
     where x.event_id = any($1::bigint[])
     order by x.event_id, x.lot_no nulls last, x.id`,
    [eventIds],
  );
  for (const { eventId, ...r } of rows) {
    const list = out.get(eventId) ?? [];
    list.push({ ...r, premium: r.sold ? premiumOf(r.startPrice, r.finalPrice) : null });
    out.set(eventId, list);
  }
  return out;
}

/** the auctions' totals of sold lots, by event */
export async function auctionTotalsOf(db: Db, eventIds: readonly number[]): Promise<Map<number, ReturnType<typeof auctionTotals>>> {
  const lots = await eventListings(db, eventIds);
  return new Map(eventIds.map((id) => [id, auctionTotals(lots.get(id) ?? [])]));
}

/** a published listing of a kind, by id; null when there is none or it is not published */
export async function publishedListing(db: Db, kind: ListingKind, id: number): Promise<{ id: number; title: string } | null> {
  const spec = KINDS[kind];
  const [row] = await db.query<{ id: number; title: string }>(
    `select id::int as id, ${spec.heading} as title from ${spec.table} where id = $1 and status = 'published'`,
    [id],
  );
  return row ?? null;
}

export async function attachListing(
  db: Db,
  eventId: number,
  a: { listingKind: ListingKind; listingId: number; lotNo: number | null; startPrice: number | null },
): Promise<number | null> {
  const [row] = await db.query<{ id: number }>(
    `insert into market_event_listings (event_id, listing_kind, listing_id, lot_no, start_price) values ($1, $2, $3, $4, $5)
     on conflict (event_id, listing_kind, listing_id) do nothing returning id::int as id`,
    [eventId, a.listingKind, a.listingId, a.lotNo, a.startPrice],
  );
  return row?.id ?? null;
}

export async function nextLotNo(db: Db, eventId: number): Promise<number> {
  const [row] = await db.query<{ n: number }>('select coalesce(max(lot_no), 0)::int + 1 as n from market_event_listings where event_id = $1', [eventId]);
  return row.n;
}

export async function detachListing(db: Db, eventId: number, entryId: number): Promise<boolean> {
  const rows = await db.query('delete from market_event_listings where event_id = $1 and id = $2 returning id', [eventId, entryId]);
  return rows.length > 0;
}

export async function setLotResult(db: Db, eventId: number, entryId: number, finalPrice: number | null, sold: boolean): Promise<void> {
  await db.query('update market_event_listings set final_price = $3, sold = $4 where event_id = $1 and id = $2', [eventId, entryId, finalPrice, sold]);
}

export async function eventSignups(db: Db, eventId: number): Promise<SignupRow[]> {
  return db.query<SignupRow>(
    `select id::int as id, name, contact, bound_kind as "boundKind", user_id is not null as "byAccount", created_at::text as "createdAt",
            user_id::int as "userId"
     from market_event_signups where event_id = $1 order by created_at, id`,
    [eventId],
  );
}

/** the caller's sign-ups, by event */
export async function mySignups(db: Db, userId: number, eventIds: readonly number[]): Promise<Map<number, number>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db.query<{ eventId: number; id: number }>(
    'select event_id::int as "eventId", id::int as id from market_event_signups where user_id = $1 and event_id = any($2::bigint[])',
    [userId, eventIds],
  );
  return new Map(rows.map((r) => [r.eventId, r.id]));
}

/** a sign-up; null when the account had signed up already */
export async function insertSignup(
  db: Db,
  s: { eventId: number; userId: number | null; boundKind: string | null; boundId: number | null; name: string; contact: string; createdBy: number | null },
): Promise<number | null> {
  const [row] = await db.query<{ id: number }>(
    `insert into market_event_signups (event_id, user_id, bound_kind, bound_id, name, contact, created_by) values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (event_id, user_id) do nothing returning id::int as id`,
    [s.eventId, s.userId, s.boundKind, s.boundId, s.name, s.contact, s.createdBy],
  );
  return row?.id ?? null;
}

export async function deleteSignup(db: Db, eventId: number, signupId: number): Promise<void> {
  await db.query('delete from market_event_signups where event_id = $1 and id = $2', [eventId, signupId]);
}
