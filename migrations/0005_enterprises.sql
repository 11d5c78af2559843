-- Enterprise registry (企业库): master data, yearly figures, IP held, qualifications, R&D institutions,
-- and each enterprise's latest rule check kept beside it so the work lists are plain indexed queries.

-- The configurable industry-chain list (产业链), e.g. 绿色石化, 新材料.
create table industry_chains (
  code text primary key,
  name text not null unique,
  sort integer not null default 0
);

create table enterprises (
  id bigint generated always as identity primary key,
  uscc text not null unique check (length(uscc) = 18),
  name text not null,
  region_code text not null references regions (code),
  address text not null default '',
  founded_on date,
  registered_capital numeric check (registered_capital >= 0),
  industry_code text,
  hnte_field text check (hnte_field in ('electronicInformation', 'biomedicine', 'aerospace', 'newMaterials',
    'highTechServices', 'newEnergy', 'resourcesEnvironment', 'advancedManufacturing')),
  chain_tags text[] not null default '{}',
  is_above_scale boolean not null default false,
  is_listed boolean not null default false,
  owns_core_ip boolean,
  incidents boolean,
  contact_name text not null default '',
  contact_phone text not null default '',
  contact_email text not null default '',
  is_synthetic boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index enterprises_region_idx on enterprises (region_code);
create index enterprises_name_idx on enterprises (name text_pattern_ops);

alter table users add constraint users_enterprise_fkey foreign key (enterprise_id) references enterprises (id);

-- One row per enterprise and accounting year. source: 'import' (bureau import), 'manual' (bureau
-- edit), 'selfReport' (the enterprise's own figures, unconfirmed until the bureau confirms them),
-- 'synthetic' (demo data).
create table enterprise_years (
  enterprise_id bigint not null references enterprises (id) on delete cascade,
  year integer not null check (year between 1900 and 2100),
  revenue numeric check (revenue >= 0),
  high_tech_revenue numeric check (high_tech_revenue >= 0),
  rd_expense numeric check (rd_expense >= 0),
  rd_expense_domestic numeric check (rd_expense_domestic >= 0),
  total_cost numeric check (total_cost >= 0),
  total_assets numeric check (total_assets >= 0),
  net_assets numeric,
  employees integer check (employees >= 0),
  sci_tech_staff integer check (sci_tech_staff >= 0),
  conversions integer check (conversions >= 0),
  source text not null check (source in ('import', 'manual', 'selfReport', 'synthetic')),
  confirmed boolean not null default true,
  import_run_id bigint,
  updated_by bigint,
  updated_at timestamptz not null default now(),
  primary key (enterprise_id, year),
  check (sci_tech_staff is null or employees is null or sci_tech_staff <= employees),
  check (high_tech_revenue is null or revenue is null or high_tech_revenue <= revenue),
  check (rd_expense_domestic is null or rd_expense is null or rd_expense_domestic <= rd_expense)
);
create index enterprise_years_unconfirmed_idx on enterprise_years (enterprise_id) where not confirmed;

-- IP held now, by kind and how it was acquired (Class I / II as POLICY-RULES.md assigns them).
create table enterprise_ip (
  enterprise_id bigint not null references enterprises (id) on delete cascade,
  kind text not null check (kind in ('inventionPatent', 'plantVariety', 'icLayout', 'newDrug', 'tcmVariety',
    'utilityModel', 'design', 'softwareCopyright', 'pctApplication')),
  acquisition text not null check (acquisition in ('own', 'transferred')),
  count integer not null check (count >= 0),
  primary key (enterprise_id, kind, acquisition)
);

-- Qualifications: HNTE for three years, tech-SME registration per year, little giant, tech leader.
create table qualifications (
  id bigint generated always as identity primary key,
  enterprise_id bigint not null references enterprises (id) on delete cascade,
  kind text not null check (kind in ('techSme', 'hnte', 'techLittleGiant', 'techLeader')),
  certificate_no text not null,
  issued_on date not null,
  valid_until date not null,
  status text not null default 'active' check (status in ('active', 'revoked')),
  import_run_id bigint,
  updated_at timestamptz not null default now(),
  unique (kind, certificate_no),
  check (valid_until >= issued_on)
);
create index qualifications_enterprise_idx on qualifications (enterprise_id, kind, valid_until);
create index qualifications_expiry_idx on qualifications (kind, valid_until) where status = 'active';

create table rd_institutions (
  id bigint generated always as identity primary key,
  enterprise_id bigint not null references enterprises (id) on delete cascade,
  name text not null,
  type text not null check (type in ('engineeringCenter', 'enterpriseResearchInstitute', 'keyLab', 'hnteRdCenter')),
  level text not null check (level in ('national', 'provincial', 'municipal', 'district')),
  recognised_year integer not null check (recognised_year between 1950 and 2100),
  unique (enterprise_id, type, level, name)
);
create index rd_institutions_enterprise_idx on rd_institutions (enterprise_id);

-- Each enterprise's rule check as of its application date (30 June after its latest accounting year),
-- recomputed whenever its figures, IP, qualifications or institutions change. The candidate pool orders
-- by (hnte_failed, hnte_shortfall); the full check is recomputed live on the profile page.
create table enterprise_checks (
  enterprise_id bigint primary key references enterprises (id) on delete cascade,
  as_of date not null,
  hnte_qualified boolean,
  hnte_failed integer not null,
  hnte_unknown integer not null,
  hnte_shortfall numeric not null,
  hnte_score integer not null,
  hnte_score_high integer not null,
  failed_codes text[] not null,
  gaps jsonb not null,
  tech_sme_qualified boolean,
  tech_sme_score integer not null,
  checked_at timestamptz not null default now()
);
create index enterprise_checks_pool_idx on enterprise_checks (hnte_failed, hnte_shortfall, enterprise_id);

-- What each accepted registry import changed, for the auditor (one row per enterprise-year or qualification).
create table enterprise_import_changes (
  import_run_id bigint not null,
  uscc text not null,
  target text not null,
  key text not null,
  before jsonb,
  after jsonb not null
);
create index enterprise_import_changes_run_idx on enterprise_import_changes (import_run_id);

-- The tier ladder on a date: the highest qualification that is active and within its validity.
create function enterprise_tier(enterprise bigint, on_date date) returns text language sql stable as $$
  select coalesce((
    select case max(case q.kind when 'techSme' then 1 when 'hnte' then 2 when 'techLittleGiant' then 3 when 'techLeader' then 4 end)
             when 1 then 'techSme' when 2 then 'hnte' when 3 then 'techLittleGiant' when 4 then 'techLeader' end
      from qualifications q
     where q.enterprise_id = enterprise and q.status = 'active' and on_date between q.issued_on and q.valid_until), 'none')
$$;

insert into data_versions (room, version) values ('enterprises', 0) on conflict do nothing;
