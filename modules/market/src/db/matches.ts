/**
 * Matches, feedback and leads in the database (migration 0020): the pairs the push kept, each side's feedback,
 * the brokers' leads and their moves, and the follow-up figures the bureau reads.
 */
import { whereClause, type Db } from '@kechuang/platform-server';
import type { Listing } from '../contract/market.ts';
import type { Feedback, LeadStatus, MarketLead, MarketMatch } from '../contract/follow-up.ts';

export interface MatchWrite {
  demandId: number;
  counterpartKind: string;
  counterpartId: number;
  score: number;
  reasons: string[];
}

/** Keeps a pushed pair (new, or its score and reasons updated and pushed again); returns its id. */
export async function upsertMatch(tx: Db, m: MatchWrite): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `insert into market_matches (demand_id, counterpart_kind, counterpart_id, score, reasons)
     values ($1, $2, $3, $4, $5::text[])
     on conflict (demand_id, counterpart_kind, counterpart_id) do update
        set score = excluded.score, reasons = excluded.reasons, pushed_at = now()
     returning id::int as id`,
    [m.demandId, m.counterpartKind, m.counterpartId, m.score, m.reasons],
  );
  return row.id;
}

/** The published brokers of a demand's field: the same field, or a chain link in common. */
export async function brokersOfField(db: Db, demand: Listing): Promise<number[]> {
  if (!demand.field && demand.chainTags.length === 0) return [];
  const rows = await db.query<{ id: number }>(
    `select id::int as id from brokers where status = 'published' and (field = $1 or chain_tags && $2::text[]) order by id`,
    [demand.field, demand.chainTags],
  );
  return rows.map((r) => r.id);
}

/** what a match row says, with both sides' titles, owners and regions (for the lists and the checks of who may act) */
const MATCH_SELECT = `
  select m.id::int as id, m.demand_id::int as "demandId", d.title as "demandTitle", d.enterprise_id::int as "enterpriseId",
         d.region_code as "regionCode", dr.path as "regionPath",
         m.counterpart_kind as "counterpartKind", m.counterpart_id::int as "counterpartId",
         coalesce(a.title, x.name, p.name) as "counterpartTitle",
         coalesce(a.institute_id, x.institute_id)::int as "instituteId",
         m.score, m.reasons, m.first_pushed_at::text as "firstPushedAt", m.pushed_at::text as "pushedAt",
         m.demand_feedback as "demandFeedback", m.counterpart_feedback as "counterpartFeedback",
         l.id::int as "leadId", l.status as "leadStatus", l.broker_id::int as "brokerId", b.name as "brokerName"
    from market_matches m
    join demands d on d.id = m.demand_id
    join regions dr on dr.code = d.region_code
    left join achievements a on m.counterpart_kind = 'achievement' and a.id = m.counterpart_id
    left join experts x on m.counterpart_kind = 'expert' and x.id = m.counterpart_id
    left join service_providers p on m.counterpart_kind = 'provider' and p.id = m.counterpart_id
    left join market_leads l on l.match_id = m.id
    left join brokers b on b.id = l.broker_id`;

export type MatchRow = MarketMatch & { enterpriseId: number; instituteId: number | null; regionPath: string };

export async function getMatch(db: Db, id: number): Promise<MatchRow | undefined> {
  const [row] = await db.query<MatchRow>(`${MATCH_SELECT} where m.id = $1`, [id]);
  return row;
}

/** whose matches a list shows: the bureau's jurisdiction (a region path), one enterprise's demands, one institute's listings, or all (a broker) */
export type MatchScope = { path: string } | { enterpriseId: number } | { instituteId: number } | { all: true };

export interface MatchFilters {
  feedback?: 'useful' | 'notUseful' | 'none';
  lead?: 'with' | 'without';
  demandId?: number;
  id?: number;
  page: number;
  pageSize: number;
}

export async function listMatches(db: Db, scope: MatchScope, f: MatchFilters): Promise<{ items: MatchRow[]; total: number }> {
  const w = whereClause();
  if ('path' in scope) w.add('dr.path like ?', `${scope.path}%`);
  else if ('enterpriseId' in scope) w.add('d.enterprise_id = ?', scope.enterpriseId);
  else if ('instituteId' in scope) w.add('coalesce(a.institute_id, x.institute_id) = ?', scope.instituteId);
  if (f.feedback === 'none') w.add('(m.demand_feedback is null and m.counterpart_feedback is null) = ?', true);
  else if (f.feedback) w.add('(m.demand_feedback = ? or m.counterpart_feedback = ?)', f.feedback);
  if (f.lead === 'with') w.add('(l.id is not null) = ?', true);
  else if (f.lead === 'without') w.add('(l.id is null) = ?', true);
  if (f.demandId) w.add('m.demand_id = ?', f.demandId);
  if (f.id) w.add('m.id = ?', f.id);
  const items = await db.query<MatchRow & { total: number }>(
    `${MATCH_SELECT} ${w.sql} order by m.pushed_at desc, m.id desc limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`,
    w.params,
  );
  const [count] = await db.query<{ n: number }>(`select count(*)::int as n from (${MATCH_SELECT} ${w.sql}) c`, w.params);
  return { items, total: count.n };
}

/** Records one side's feedback on a match. */
export async function setFeedback(tx: Db, id: number, side: 'demand' | 'counterpart', feedback: Feedback, userId: number): Promise<void> {
  const col = side === 'demand' ? 'demand' : 'counterpart';
  await tx.query(`update market_matches set ${col}_feedback = $2, ${col}_feedback_by = $3, ${col}_feedback_at = now() where id = $1`, [id, feedback, userId]);
}

const LEAD_SELECT = `
  select l.id::int as id, l.match_id::int as "matchId", l.broker_id::int as "brokerId", b.name as "brokerName", l.status, l.reason,
         l.contract_id::int as "contractId", l.created_at::text as "createdAt", l.updated_at::text as "updatedAt",
         m.demand_id::int as "demandId", d.title as "demandTitle", m.counterpart_kind as "counterpartKind", m.counterpart_id::int as "counterpartId",
         coalesce(a.title, x.name, p.name) as "counterpartTitle", d.region_code as "regionCode", dr.path as "regionPath"
    from market_leads l
    join brokers b on b.id = l.broker_id
    join market_matches m on m.id = l.match_id
    join demands d on d.id = m.demand_id
    join regions dr on dr.code = d.region_code
    left join achievements a on m.counterpart_kind = 'achievement' and a.id = m.counterpart_id
    left join experts x on m.counterpart_kind = 'expert' and x.id = m.counterpart_id
    left join service_providers p on m.counterpart_kind = 'provider' and p.id = m.counterpart_id`;

export type LeadRow = MarketLead & { regionPath: string };

export async function insertLead(tx: Db, matchId: number, brokerId: number, userId: number): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `insert into market_leads (match_id, broker_id, created_by) values ($1, $2, $3) on conflict (match_id) do nothing returning id::int as id`,
    [matchId, brokerId, userId],
  );
  if (!row) return 0;
  await tx.query(`insert into market_lead_history (lead_id, from_status, to_status, actor_id) values ($1, null, 'contacted', $2)`, [row.id, userId]);
  return row.id;
}

export async function getLead(db: Db, id: number): Promise<LeadRow | undefined> {
  const [row] = await db.query<LeadRow>(`${LEAD_SELECT} where l.id = $1`, [id]);
  return row;
}

export async function moveLead(tx: Db, lead: LeadRow, to: LeadStatus, reason: string | null, contractId: number | null, userId: number): Promise<void> {
  await tx.query(`update market_leads set status = $2, reason = $3, contract_id = $4, updated_at = now() where id = $1`, [lead.id, to, reason, contractId]);
  await tx.query(`insert into market_lead_history (lead_id, from_status, to_status, reason, actor_id) values ($1, $2, $3, $4, $5)`, [
    lead.id,
    lead.status,
    to,
    reason,
    userId,
  ]);
}

export async function leadHistory(db: Db, id: number) {
  return db.query<{ from: string | null; to: string; reason: string | null; by: string | null; at: string }>(
    `select h.from_status as "from", h.to_status as "to", h.reason, u.display_name as "by", h.at::text as at
       from market_lead_history h left join users u on u.id = h.actor_id where h.lead_id = $1 order by h.at, h.id`,
    [id],
  );
}

export type LeadScope = { path: string } | { brokerId: number };

export async function listLeads(db: Db, scope: LeadScope, status?: LeadStatus): Promise<LeadRow[]> {
  const w = whereClause();
  if ('path' in scope) w.add('dr.path like ?', `${scope.path}%`);
  else w.add('l.broker_id = ?', scope.brokerId);
  if (status) w.add('l.status = ?', status);
  return db.query<LeadRow>(`${LEAD_SELECT} ${w.sql} order by l.updated_at desc, l.id desc limit 500`, w.params);
}

/** the follow-up figures (item 4) over the demands published in a region since a day */
export interface FollowUpFigures {
  demandsPublished: number;
  demandsWithMatch: number;
  demandsWithUsefulMatch: number;
  /** median days from a demand's publication to the first push of a match later marked useful */
  medianDaysToUsefulMatch: number | null;
  demandsContactedWithin10Days: number;
  leads: Record<LeadStatus, number>;
  feedback: { demandUseful: number; demandNotUseful: number; counterpartUseful: number; counterpartNotUseful: number; none: number };
}

export async function followUpFigures(db: Db, path: string, since: string): Promise<FollowUpFigures> {
  const [d] = await db.query<Omit<FollowUpFigures, 'leads' | 'feedback'>>(
    `with ds as (
       select d.id, d.published_at from demands d join regions r on r.code = d.region_code
        where r.path like $1 and d.published_at is not null and d.published_at >= $2::date),
     useful as (
       select m.demand_id, min(m.first_pushed_at) as at from market_matches m
        where m.demand_feedback = 'useful' or m.counterpart_feedback = 'useful' group by m.demand_id),
     contacted as (
       select m.demand_id, min(l.created_at) as at from market_leads l join market_matches m on m.id = l.match_id group by m.demand_id)
     select count(*)::int as "demandsPublished",
            count(*) filter (where exists (select 1 from market_matches m where m.demand_id = ds.id))::int as "demandsWithMatch",
            count(u.at)::int as "demandsWithUsefulMatch",
            (percentile_cont(0.5) within group (order by extract(epoch from greatest(u.at - ds.published_at, interval '0')) / 86400)
               filter (where u.at is not null))::float8 as "medianDaysToUsefulMatch",
            count(*) filter (where c.at <= ds.published_at + interval '10 days')::int as "demandsContactedWithin10Days"
       from ds left join useful u on u.demand_id = ds.id left join contacted c on c.demand_id = ds.id`,
    [`${path}%`, since],
  );
  const leadRows = await db.query<{ status: LeadStatus; n: number }>(
    `select l.status, count(*)::int as n from market_leads l join market_matches m on m.id = l.match_id join demands d on d.id = m.demand_id
       join regions r on r.code = d.region_code where r.path like $1 group by l.status`,
    [`${path}%`],
  );
  const leads: Record<LeadStatus, number> = { contacted: 0, negotiating: 0, signed: 0, dropped: 0 };
  for (const r of leadRows) leads[r.status] = r.n;
  const [fb] = await db.query<FollowUpFigures['feedback']>(
    `select count(*) filter (where m.demand_feedback = 'useful')::int as "demandUseful",
            count(*) filter (where m.demand_feedback = 'notUseful')::int as "demandNotUseful",
            count(*) filter (where m.counterpart_feedback = 'useful')::int as "counterpartUseful",
            count(*) filter (where m.counterpart_feedback = 'notUseful')::int as "counterpartNotUseful",
            count(*) filter (where m.demand_feedback is null and m.counterpart_feedback is null)::int as none
       from market_matches m join demands d on d.id = m.demand_id join regions r on r.code = d.region_code where r.path like $1`,
    [`${path}%`],
  );
  return { ...d, leads, feedback: fb };
}
