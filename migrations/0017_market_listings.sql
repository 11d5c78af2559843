-- The technology market's listings (科技大市场, issue 11 item 1): achievements (科技成果) of institutes, demands
-- (技术需求) of the registry's enterprises, experts (专家库), technology brokers (技术经纪人) and service providers
-- (服务机构), each with its owner, its status and its history.
--
-- Status: draft → pending (submitted for review) → published; the bureau may return a pending listing with a
-- reason (returned) or take a published one down with a reason (takenDown); the owner edits and submits again.
-- Every change of a listing is a row of listing_history (who, when, what changed, from → to status, reason).
--
-- Owners: an achievement belongs to an institute, a demand to an enterprise (the registry's), an expert to an
-- institute or to the bureau (institute_id null), a broker is its own record (a broker's account, role
-- brokerUser, edits it), a service provider is the bureau's. region_code is the owner's region when the listing
-- was written (a town officer sees its town's listings by it).
--
-- The search index: each listing keeps the matching engine's reading of its text (modules/market/src/domain:
-- jieba with the domain's dictionary, synonyms and bridges), written by the server whenever the text changes —
-- its canonical terms with their weighted frequencies (terms, term_weights, in the same order), the sum of the
-- frequencies (doc_length), the canonical field, the chain links and the bridged terms. A query's terms take the
-- candidates from the GIN index on terms (terms && query), the engine ranks them with BM25 and the signals. No
-- Chinese text-search configuration exists here, so the terms are the engine's own, not a tsvector.

create table institutes (
  id bigint generated always as identity primary key,
  name text not null unique,
  kind text not null check (kind in ('university', 'researchInstitute', 'industrialInstitute', 'laboratory', 'other')),
  uscc text check (uscc is null or length(uscc) = 18),
  region_code text not null references regions (code),
  contact text not null default '',
  is_synthetic boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table achievements (
  id bigint generated always as identity primary key,
  institute_id bigint not null references institutes (id) on delete cascade,
  title text not null,
  abstract text not null default '',
  keywords text[] not null default '{}',
  field text,
  chain_tags text[] not null default '{}',
  industry_code text,
  trl integer check (trl between 1 and 9),
  ip text not null default '',
  modes text[] not null default '{}' check (modes <@ array['transfer', 'license', 'equity', 'jointDevelopment']),
  -- asking price in 万元; null with price_negotiable is 面议
  price numeric check (price >= 0),
  price_negotiable boolean not null default false,
  contact text not null default '',
  status text not null default 'draft' check (status in ('draft', 'pending', 'published', 'returned', 'takenDown')),
  status_reason text,
  region_code text not null references regions (code),
  created_by bigint references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz,
  is_synthetic boolean not null default false,
  terms text[] not null default '{}',
  term_weights float8[] not null default '{}',
  doc_length float8 not null default 0,
  match_field text,
  links text[] not null default '{}',
  bridged jsonb not null default '{}',
  unique (institute_id, title)
);

create table demands (
  id bigint generated always as identity primary key,
  enterprise_id bigint not null references enterprises (id) on delete cascade,
  title text not null,
  description text not null default '',
  field text,
  chain_tags text[] not null default '{}',
  industry_code text,
  -- budget range in 万元; both null is 面议
  budget_min numeric check (budget_min >= 0),
  budget_max numeric check (budget_max >= 0),
  deadline date,
  contact text not null default '',
  status text not null default 'draft' check (status in ('draft', 'pending', 'published', 'returned', 'takenDown')),
  status_reason text,
  region_code text not null references regions (code),
  created_by bigint references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz,
  is_synthetic boolean not null default false,
  terms text[] not null default '{}',
  term_weights float8[] not null default '{}',
  doc_length float8 not null default 0,
  match_field text,
  links text[] not null default '{}',
  bridged jsonb not null default '{}',
  check (budget_min is null or budget_max is null or budget_min <= budget_max),
  unique (enterprise_id, title)
);

create table experts (
  id bigint generated always as identity primary key,
  institute_id bigint references institutes (id) on delete cascade,
  name text not null,
  pro_title text not null default '',
  affiliation text not null default '',
  keywords text[] not null default '{}',
  past_projects text not null default '',
  field text,
  chain_tags text[] not null default '{}',
  industry_code text,
  contact text not null default '',
  status text not null default 'draft' check (status in ('draft', 'pending', 'published', 'returned', 'takenDown')),
  status_reason text,
  region_code text not null references regions (code),
  created_by bigint references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz,
  is_synthetic boolean not null default false,
  terms text[] not null default '{}',
  term_weights float8[] not null default '{}',
  doc_length float8 not null default 0,
  match_field text,
  links text[] not null default '{}',
  bridged jsonb not null default '{}'
);
-- the same owner (an institute, or the bureau) lists an expert of one name once
create unique index experts_owner_name_idx on experts (coalesce(institute_id, 0), name);

create table brokers (
  id bigint generated always as identity primary key,
  name text not null,
  organisation text not null default '',
  -- 技术经纪人 licence or training certificate
  certificate_kind text not null check (certificate_kind in ('licence', 'training')),
  certificate_no text not null,
  specialities text[] not null default '{}',
  deals_record text not null default '',
  field text,
  chain_tags text[] not null default '{}',
  industry_code text,
  contact text not null default '',
  status text not null default 'draft' check (status in ('draft', 'pending', 'published', 'returned', 'takenDown')),
  status_reason text,
  region_code text not null references regions (code),
  created_by bigint references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz,
  is_synthetic boolean not null default false,
  terms text[] not null default '{}',
  term_weights float8[] not null default '{}',
  doc_length float8 not null default 0,
  match_field text,
  links text[] not null default '{}',
  bridged jsonb not null default '{}',
  unique (name),
  unique (certificate_no)
);

create table service_providers (
  id bigint generated always as identity primary key,
  name text not null unique,
  kind text not null check (kind in ('testing', 'intellectualProperty', 'evaluation', 'consulting', 'pilot', 'finance', 'other')),
  uscc text check (uscc is null or length(uscc) = 18),
  description text not null default '',
  keywords text[] not null default '{}',
  field text,
  chain_tags text[] not null default '{}',
  industry_code text,
  contact text not null default '',
  status text not null default 'draft' check (status in ('draft', 'pending', 'published', 'returned', 'takenDown')),
  status_reason text,
  region_code text not null references regions (code),
  created_by bigint references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz,
  is_synthetic boolean not null default false,
  terms text[] not null default '{}',
  term_weights float8[] not null default '{}',
  doc_length float8 not null default 0,
  match_field text,
  links text[] not null default '{}',
  bridged jsonb not null default '{}'
);

create index achievements_terms_idx on achievements using gin (terms);
create index demands_terms_idx on demands using gin (terms);
create index experts_terms_idx on experts using gin (terms);
create index brokers_terms_idx on brokers using gin (terms);
create index service_providers_terms_idx on service_providers using gin (terms);
create index achievements_status_idx on achievements (status, id);
create index demands_status_idx on demands (status, id);
create index experts_status_idx on experts (status, id);
create index brokers_status_idx on brokers (status, id);
create index service_providers_status_idx on service_providers (status, id);
create index demands_enterprise_idx on demands (enterprise_id);
create index experts_institute_idx on experts (institute_id);

-- listing_kind: 'achievement', 'demand', 'expert', 'broker', 'provider'; action: create, update, submit, approve,
-- return, takeDown; changes: the fields changed, { field: [before, after] }
create table listing_history (
  id bigint generated always as identity primary key,
  listing_kind text not null check (listing_kind in ('achievement', 'demand', 'expert', 'broker', 'provider')),
  listing_id bigint not null,
  action text not null,
  from_status text,
  to_status text,
  reason text,
  changes jsonb not null default '{}',
  actor_id bigint references users (id),
  at timestamptz not null default now()
);
create index listing_history_listing_idx on listing_history (listing_kind, listing_id, id);

-- a deleted institute or broker takes its accounts with it, as a carrier does (migration 0015)
create trigger institutes_bound_accounts after delete on institutes
  for each row execute function bound_record_deleted('institute', 'deactivate');
create trigger brokers_bound_accounts after delete on brokers
  for each row execute function bound_record_deleted('broker', 'deactivate');
