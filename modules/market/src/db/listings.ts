/**
 * The market's listings in the database (migration 0017): each kind's table and columns, reading listings as
 * the API shows them, who may see what, writing a listing with its search reading, its history, and the
 * candidates a search takes from the term index.
 */
import { boundKindNamed, whereClause, type Db } from '@kechuang/platform-server';
import type { StoredCandidate, StoredReading } from '../domain/index.ts';
import type { HistoryEntry, Listing, ListingKind, ListingStatus, ListingAction } from '../contract/market.ts';

/** a kind's own column: its API key, its column, how it is read */
interface OwnColumn {
  key: string;
  col: string;
  read: string;
}

export interface KindSpec {
  kind: ListingKind;
  table: string;
  /** the title (achievements, demands) or the name (experts, brokers, providers) */
  heading: string;
  text: string;
  keywords: string | null;
  /** the owner's column: an institute's (achievements, experts) or an enterprise's (demands) */
  ownerCol: 'institute_id' | 'enterprise_id' | null;
  own: OwnColumn[];
  label: { zh: string; en: string };
}

const own = (key: string, col: string, read = `l.${col}`): OwnColumn => ({ key, col, read });

export const KINDS: Record<ListingKind, KindSpec> = {
  achievement: {
    kind: 'achievement',
    table: 'achievements',
    heading: 'title',
    text: 'abstract',
    keywords: 'keywords',
    ownerCol: 'institute_id',
    own: [own('trl', 'trl'), own('ip', 'ip'), own('modes', 'modes'), own('price', 'price', 'l.price::float8'), own('priceNegotiable', 'price_negotiable')],
    label: { zh: '科技成果', en: 'achievement' },
  },
  demand: {
    kind: 'demand',
    table: 'demands',
    heading: 'title',
    text: 'description',
    keywords: null,
    ownerCol: 'enterprise_id',
    own: [
      own('budgetMin', 'budget_min', 'l.budget_min::float8'),
      own('budgetMax', 'budget_max', 'l.budget_max::float8'),
      own('deadline', 'deadline', 'l.deadline::text'),
    ],
    label: { zh: '技术需求', en: 'demand' },
  },
  expert: {
    kind: 'expert',
    table: 'experts',
    heading: 'name',
    text: 'past_projects',
    keywords: 'keywords',
    ownerCol: 'institute_id',
    own: [own('proTitle', 'pro_title'), own('affiliation', 'affiliation')],
    label: { zh: '专家', en: 'expert' },
  },
  broker: {
    kind: 'broker',
    table: 'brokers',
    heading: 'name',
    text: 'deals_record',
    keywords: 'specialities',
    ownerCol: null,
    own: [own('organisation', 'organisation'), own('certificateKind', 'certificate_kind'), own('certificateNo', 'certificate_no')],
    label: { zh: '技术经纪人', en: 'broker' },
  },
  provider: {
    kind: 'provider',
    table: 'service_providers',
    heading: 'name',
    text: 'description',
    keywords: 'keywords',
    ownerCol: null,
    own: [own('providerKind', 'kind'), own('uscc', 'uscc')],
    label: { zh: '服务机构', en: 'service provider' },
  },
};

/** the values of a listing as written: its common fields and its kind's own, by API key */
export interface ListingValues {
  title: string;
  text: string;
  keywords: string[];
  field: string | null;
  chainTags: string[];
  industryCode: string | null;
  contact: string;
  [key: string]: unknown;
}

/**
 * Who may see which listings of a kind (`l` the listing, `g` its region):
 * - the bureau everything in its jurisdiction; a town officer or a leader its region's listings but drafts;
 * - an account bound to a record (an enterprise, an institute, a broker, a carrier) the published ones and its own.
 */
export interface Viewer {
  bureau: boolean;
  /** the jurisdiction's path prefix, for region-scoped users */
  path: string | null;
  /** a bound account's record */
  bound: { kind: string; id: number | null } | null;
}

/** the condition that a bound account owns the listing `l` of a kind, with its id as the next parameter */
export function ownerCondition(spec: KindSpec, bound: { kind: string; id: number | null }): string | null {
  if (bound.id === null) return null;
  if (spec.kind === 'broker' && bound.kind === 'broker') return 'l.id = ?';
  if (spec.ownerCol === 'institute_id' && bound.kind === 'institute') return 'l.institute_id = ?';
  if (spec.ownerCol === 'enterprise_id' && bound.kind === 'enterprise') return 'l.enterprise_id = ?';
  return null;
}

export function addVisibility(w: ReturnType<typeof whereClause>, spec: KindSpec, v: Viewer): void {
  if (v.bound) {
    const mine = ownerCondition(spec, v.bound);
    if (mine) w.add(`(l.status = 'published' or ${mine})`, v.bound.id);
    else w.add('l.status = ?', 'published');
    return;
  }
  w.add('g.path like ?', `${v.path ?? '-'}%`);
  if (!v.bureau) w.add('l.status <> ?', 'draft');
}

function selectList(spec: KindSpec): string {
  const owner = spec.ownerCol ? `l.${spec.ownerCol}::int` : spec.kind === 'broker' ? 'l.id::int' : 'null::int';
  const ownerName = spec.ownerCol === 'institute_id' ? 'i.name' : spec.kind === 'broker' ? 'l.name' : 'null::text';
  return [
    'l.id::int as id',
    `l.${spec.heading} as title`,
    `l.${spec.text} as text`,
    `${spec.keywords ? `l.${spec.keywords}` : `'{}'::text[]`} as keywords`,
    'l.field',
    'l.chain_tags as "chainTags"',
    'l.industry_code as "industryCode"',
    'l.contact',
    'l.status',
    'l.status_reason as "statusReason"',
    'l.region_code as "regionCode"',
    'g.name as "regionName"',
    'u.display_name as "createdBy"',
    'l.created_at::text as "createdAt"',
    'l.updated_at::text as "updatedAt"',
    'l.published_at::text as "publishedAt"',
    'l.is_synthetic as "isSynthetic"',
    `${owner} as "ownerId"`,
    `${ownerName} as "ownerName"`,
    ...spec.own.map((c) => `${c.read} as "${c.key}"`),
  ].join(', ');
}

function fromClause(spec: KindSpec): string {
  const institute = spec.ownerCol === 'institute_id' ? 'left join institutes i on i.id = l.institute_id' : '';
  return `from ${spec.table} l join regions g on g.code = l.region_code left join users u on u.id = l.created_by ${institute}`;
}

type Row = Omit<Listing, 'kind' | 'owner'> & { ownerId: number | null; ownerName: string | null };

/** the rows as the API shows them: the owner named (an enterprise's name through the registry's registration) */
async function shaped(db: Db, spec: KindSpec, rows: Row[]): Promise<Listing[]> {
  let enterprises = new Map<number, { name: string }>();
  if (spec.ownerCol === 'enterprise_id') {
    const ids = [...new Set(rows.map((r) => r.ownerId).filter((x): x is number => x !== null))];
    const kind = boundKindNamed('enterprise');
    if (kind && ids.length > 0) enterprises = await kind.findRecords(db, ids);
  }
  return rows.map(({ ownerId, ownerName, ...r }) => {
    const owner: Listing['owner'] =
      spec.ownerCol === 'enterprise_id'
        ? { kind: 'enterprise', id: ownerId, name: enterprises.get(ownerId ?? 0)?.name ?? '' }
        : spec.ownerCol === 'institute_id' && ownerId !== null
          ? { kind: 'institute', id: ownerId, name: ownerName ?? '' }
          : spec.kind === 'broker'
            ? { kind: 'broker', id: ownerId, name: ownerName ?? '' }
            : { kind: 'bureau', id: null, name: '' };
    return { kind: spec.kind, owner, ...r };
  });
}

/** listings by id, in the order of `ids` (those missing left out), unfiltered: the caller checked who sees them */
export async function listingsByIds(db: Db, spec: KindSpec, ids: readonly number[]): Promise<Listing[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<Row>(`select ${selectList(spec)} ${fromClause(spec)} where l.id = any($1::bigint[])`, [ids]);
  const byId = new Map((await shaped(db, spec, rows)).map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** one listing if the viewer may see it */
export async function visibleListing(db: Db, spec: KindSpec, v: Viewer, id: number): Promise<Listing | null> {
  const w = whereClause();
  w.add('l.id = ?', id);
  addVisibility(w, spec, v);
  const rows = await db.query<Row>(`select ${selectList(spec)} ${fromClause(spec)} ${w.sql}`, w.params);
  return rows.length ? (await shaped(db, spec, rows))[0] : null;
}

export interface Filters {
  field?: string;
  chain?: string;
  trlMin?: number;
  trlMax?: number;
  mode?: string;
  priceMax?: number;
  budgetMin?: number;
  status?: ListingStatus;
  town?: string;
  /** the asking user's own listings only: the owner condition, or what it created */
  mine?: { userId: number; bound: { kind: string; id: number | null } | null };
}

/** the search's conditions: who sees what, and the filters a kind has (a filter of another kind's field is ignored) */
export function searchWhere(spec: KindSpec, v: Viewer, f: Filters): ReturnType<typeof whereClause> {
  const w = whereClause();
  addVisibility(w, spec, v);
  if (f.field) w.add('l.field = ?', f.field);
  if (f.chain) w.add('? = any(l.chain_tags)', f.chain);
  if (f.status) w.add('l.status = ?', f.status);
  if (f.town) w.add(`g.path like (select path from regions where code = ?) || '%'`, f.town);
  if (spec.kind === 'achievement') {
    if (f.trlMin !== undefined) w.add('l.trl >= ?', f.trlMin);
    if (f.trlMax !== undefined) w.add('l.trl <= ?', f.trlMax);
    if (f.mode) w.add('? = any(l.modes)', f.mode);
    if (f.priceMax !== undefined) w.add('(l.price_negotiable or l.price <= ?)', f.priceMax);
  }
  if (spec.kind === 'demand' && f.budgetMin !== undefined) w.add('(l.budget_max is null or l.budget_max >= ?)', f.budgetMin);
  if (f.mine) {
    const cond = f.mine.bound ? ownerCondition(spec, f.mine.bound) : null;
    if (cond) w.add(cond, f.mine.bound!.id);
    else w.add('l.created_by = ?', f.mine.userId);
  }
  return w;
}

/** a page of listings, newest first */
export async function listPage(db: Db, spec: KindSpec, w: ReturnType<typeof whereClause>, page: number, pageSize: number) {
  const from = `${fromClause(spec)} ${w.sql}`;
  const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n ${from}`, w.params);
  const rows = await db.query<Row>(`select ${selectList(spec)} ${from} order by l.id desc limit ${pageSize} offset ${(page - 1) * pageSize}`, w.params);
  return { items: await shaped(db, spec, rows), total: n };
}

interface CandidateRow {
  id: number;
  trl: number | null;
  /** the query's terms' weights in the listing, in the query's order (null: not in it) */
  weights: (number | null)[];
  length: number;
  field: string | null;
  links: string[];
  bridged: Record<string, string[]>;
}

/**
 * The searched set's size and total length, and its listings holding one of `terms` (from the GIN index on
 * terms), in id order, each with its reading restricted to the query's terms (what the ranking and the reasons
 * read) and its whole length: a listing's other terms never leave the database.
 */
export async function candidates(
  db: Db,
  spec: KindSpec,
  w: ReturnType<typeof whereClause>,
  terms: readonly string[],
): Promise<{ corpus: { size: number; totalLength: number }; candidates: StoredCandidate[] }> {
  const from = `from ${spec.table} l join regions g on g.code = l.region_code`;
  const [corpus] = await db.query<{ size: number; totalLength: number }>(
    `select count(*)::int as size, coalesce(sum(l.doc_length), 0)::float8 as "totalLength" ${from} ${w.sql}`,
    w.params,
  );
  if (terms.length === 0) return { corpus, candidates: [] };
  const params = [...w.params, terms];
  const q = `$${params.length}::text[]`;
  const cond = `l.terms && ${q}`;
  const trl = spec.kind === 'achievement' ? 'l.trl' : 'null::int';
  const weights = terms.map((_, i) => `l.term_weights[array_position(l.terms, (${q})[${i + 1}])]`).join(', ');
  const rows = await db.query<CandidateRow>(
    `select l.id::int as id, ${trl} as trl, array[${weights}]::float8[] as weights, l.doc_length as length, l.match_field as field, l.links, l.bridged
       ${from} ${w.sql ? `${w.sql} and ${cond}` : `where ${cond}`} order by l.id`,
    params,
  );
  return {
    corpus,
    candidates: rows.map((r) => {
      const reading: StoredReading = { terms: [], weights: [], length: Number(r.length), field: r.field, links: r.links, bridged: {} };
      r.weights.forEach((x, i) => {
        if (x === null) return;
        reading.terms.push(terms[i]);
        reading.weights.push(Number(x));
        if (r.bridged[terms[i]]) reading.bridged[terms[i]] = r.bridged[terms[i]];
      });
      return { id: String(r.id), trl: r.trl, reading };
    }),
  };
}

/** the search reading's columns and values */
const readingColumns = ['terms', 'term_weights', 'doc_length', 'match_field', 'links', 'bridged'];
const readingValues = (r: StoredReading): unknown[] => [r.terms, r.weights, r.length, r.field, r.links, JSON.stringify(r.bridged)];

/** the columns a listing's values are written to, with the values */
function columnsOf(spec: KindSpec, v: ListingValues): [string[], unknown[]] {
  const cols = [spec.heading, spec.text, 'field', 'chain_tags', 'industry_code', 'contact'];
  const vals: unknown[] = [v.title, v.text, v.field, v.chainTags, v.industryCode, v.contact];
  if (spec.keywords) {
    cols.push(spec.keywords);
    vals.push(v.keywords);
  }
  for (const c of spec.own) {
    if (!(c.key in v)) continue;
    cols.push(c.col);
    vals.push(v[c.key] ?? null);
  }
  return [cols, vals];
}

export async function insertListing(
  tx: Db,
  spec: KindSpec,
  v: ListingValues,
  meta: { ownerId: number | null; regionCode: string; createdBy: number | null; isSynthetic?: boolean; status?: ListingStatus },
  reading: StoredReading,
): Promise<number> {
  const [cols, vals] = columnsOf(spec, v);
  cols.push(...readingColumns, 'region_code', 'created_by', 'is_synthetic', 'status');
  vals.push(...readingValues(reading), meta.regionCode, meta.createdBy, meta.isSynthetic ?? false, meta.status ?? 'draft');
  if (meta.status === 'published') {
    cols.push('published_at');
    vals.push(new Date().toISOString());
  }
  if (spec.ownerCol) {
    cols.push(spec.ownerCol);
    vals.push(meta.ownerId);
  }
  const [row] = await tx.query<{ id: number }>(
    `insert into ${spec.table} (${cols.join(', ')}) values (${cols.map((_, k) => `$${k + 1}`).join(', ')}) returning id::int as id`,
    vals,
  );
  return row.id;
}

export async function updateListing(tx: Db, spec: KindSpec, id: number, v: ListingValues, reading: StoredReading, status: ListingStatus): Promise<void> {
  const [cols, vals] = columnsOf(spec, v);
  cols.push(...readingColumns, 'status');
  vals.push(...readingValues(reading), status);
  const sets = cols.map((c, k) => `${c} = $${k + 2}`).join(', ');
  await tx.query(`update ${spec.table} set ${sets}, updated_at = now() where id = $1`, [id, ...vals]);
}

export async function setStatus(tx: Db, spec: KindSpec, id: number, status: ListingStatus, reason: string | null): Promise<void> {
  await tx.query(
    `update ${spec.table} set status = $2, status_reason = $3, updated_at = now(),
       published_at = case when $2 = 'published' then now() else published_at end where id = $1`,
    [id, status, reason],
  );
}

/** whether the owner already lists one of this title (name), other than `exceptId` */
export async function duplicateOf(db: Db, spec: KindSpec, ownerId: number | null, title: string, exceptId = 0): Promise<boolean> {
  const owner = spec.ownerCol ? `coalesce(l.${spec.ownerCol}, 0) = $3` : '$3::bigint is not null';
  const rows = await db.query(`select 1 from ${spec.table} l where l.${spec.heading} = $1 and l.id <> $2 and ${owner} limit 1`, [
    title,
    exceptId,
    ownerId ?? 0,
  ]);
  return rows.length > 0;
}

export async function addHistory(
  tx: Db,
  e: {
    kind: ListingKind;
    id: number;
    action: ListingAction;
    from: ListingStatus | null;
    to: ListingStatus | null;
    reason?: string | null;
    changes?: Record<string, [unknown, unknown]>;
    actorId: number | null;
  },
): Promise<void> {
  await tx.query(
    `insert into listing_history (listing_kind, listing_id, action, from_status, to_status, reason, changes, actor_id) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [e.kind, e.id, e.action, e.from, e.to, e.reason ?? null, JSON.stringify(e.changes ?? {}), e.actorId],
  );
}

export async function historyOf(db: Db, kind: ListingKind, id: number): Promise<HistoryEntry[]> {
  return db.query<HistoryEntry>(
    `select h.id::int as id, h.action, h.from_status as "fromStatus", h.to_status as "toStatus", h.reason, h.changes,
            u.display_name as actor, h.at::text as at
       from listing_history h left join users u on u.id = h.actor_id
      where h.listing_kind = $1 and h.listing_id = $2 order by h.id`,
    [kind, id],
  );
}

/** the listings waiting for review in a jurisdiction, oldest first */
export async function pendingListings(db: Db, path: string): Promise<{ kind: ListingKind; id: number; regionName: string; updatedAt: string }[]> {
  const rows: { kind: ListingKind; id: number; regionName: string; updatedAt: string }[] = [];
  for (const spec of Object.values(KINDS)) {
    rows.push(
      ...(await db.query<{ kind: ListingKind; id: number; regionName: string; updatedAt: string }>(
        `select $2::text as kind, l.id::int as id, g.name as "regionName", l.updated_at::text as "updatedAt"
           from ${spec.table} l join regions g on g.code = l.region_code where l.status = 'pending' and g.path like $1`,
        [`${path}%`, spec.kind],
      )),
    );
  }
  return rows.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
}
