/**
 * The market's figures per month and region for the page for leaders: listings by their publication month (those
 * ever published, a listing taken down since still counts in its month), matches by their first push (the demand's
 * region), leads by the month they were opened with their present stage, deals by the month a lead was marked
 * signed. Months are the bureau's (Beijing time). Each row is one month and one region path; the route folds the
 * paths into towns.
 */
import type { Db } from '@kechuang/platform-server';
import type { ListingKind } from '../contract/kinds.ts';
import type { LeadStatus } from '../contract/lead-stages.ts';
import { KINDS } from './listings.ts';

/** an instant's month in Beijing time */
const month = (col: string) => `to_char((${col} at time zone 'UTC') + interval '8 hours', 'YYYY-MM')`;

export interface ListingMonth {
  kind: ListingKind;
  month: string;
  regionPath: string;
  n: number;
}
export interface EventMonth {
  month: string;
  regionPath: string;
  n: number;
}

export async function listingsByMonth(db: Db, path: string, from: string, to: string): Promise<ListingMonth[]> {
  const parts = Object.values(KINDS).map(
    (k) => `select '${k.kind}' as kind, ${month('l.published_at')} as month, r.path as "regionPath", count(*)::int as n
              from ${k.table} l join regions r on r.code = l.region_code
             where l.published_at is not null and r.path like $1 and ${month('l.published_at')} between $2 and $3
             group by 2, 3`,
  );
  return db.query<ListingMonth>(parts.join(' union all '), [`${path}%`, from, to]);
}

export async function matchesByMonth(db: Db, path: string, from: string, to: string): Promise<EventMonth[]> {
  return db.query<EventMonth>(
    `select ${month('m.first_pushed_at')} as month, r.path as "regionPath", count(*)::int as n
       from market_matches m join demands d on d.id = m.demand_id join regions r on r.code = d.region_code
      where r.path like $1 and ${month('m.first_pushed_at')} between $2 and $3
      group by 1, 2`,
    [`${path}%`, from, to],
  );
}

export async function leadsByMonth(db: Db, path: string, from: string, to: string): Promise<(EventMonth & { status: LeadStatus })[]> {
  return db.query<EventMonth & { status: LeadStatus }>(
    `select ${month('l.created_at')} as month, r.path as "regionPath", l.status, count(*)::int as n
       from market_leads l join market_matches m on m.id = l.match_id join demands d on d.id = m.demand_id
       join regions r on r.code = d.region_code
      where r.path like $1 and ${month('l.created_at')} between $2 and $3
      group by 1, 2, 3`,
    [`${path}%`, from, to],
  );
}

/** leads moved to signed in the months (a lead signs once) */
export async function signedByMonth(db: Db, path: string, from: string, to: string): Promise<EventMonth[]> {
  return db.query<EventMonth>(
    `select ${month('h.at')} as month, r.path as "regionPath", count(distinct h.lead_id)::int as n
       from market_lead_history h join market_leads l on l.id = h.lead_id and l.status = 'signed'
       join market_matches m on m.id = l.match_id join demands d on d.id = m.demand_id join regions r on r.code = d.region_code
      where h.to_status = 'signed' and r.path like $1 and ${month('h.at')} between $2 and $3
      group by 1, 2`,
    [`${path}%`, from, to],
  );
}
