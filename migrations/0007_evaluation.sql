-- Evaluation centre (评价中心): saved schemes (评价体系), and runs that freeze their scheme, their input
-- table, their options and their results, so a run can be re-run to the same result and published.

-- A saved scheme in the engine's JSON format (modules/evaluation/README.md). preset: the data it runs on —
-- 'leadership' (the registry's figures of a year), 'towns' (monitored indicator actuals of a period) — or
-- null for a scheme run on an uploaded table.
create table evaluation_schemes (
  id bigint generated always as identity primary key,
  name text not null,
  description text not null default '',
  preset text check (preset in ('leadership', 'towns')),
  scheme jsonb not null,
  created_by bigint references users (id),
  created_at timestamptz not null default now(),
  updated_by bigint references users (id),
  updated_at timestamptz not null default now()
);

-- A computed run. scheme: the scheme as it was run (frozen JSON); source: where the input came from
-- ({"kind":"leadership","year":2024,"asOf":"2024-12-31","region":"330211",…}, {"kind":"towns","period":"2024"},
-- {"kind":"upload","fileName":…}); options: sensitivity samples, seed, weight perturbation, Top-N tiers and
-- tie-breaks; summary: weights used, exclusions, imputations, winsorisation, tier counts, stable finalists.
-- A run that fails is not stored: only computed runs exist, and only those can be published.
create table evaluation_runs (
  id bigint generated always as identity primary key,
  name text not null,
  preset text check (preset in ('leadership', 'towns')),
  scheme_id bigint references evaluation_schemes (id) on delete set null,
  scheme jsonb not null,
  source jsonb not null,
  options jsonb not null,
  numeric_columns text[] not null,
  text_columns text[] not null,
  summary jsonb not null,
  input_count integer not null,
  scored_count integer not null,
  rerun_of bigint references evaluation_runs (id) on delete set null,
  status text not null check (status in ('computed', 'published')),
  computed_by bigint references users (id),
  computed_at timestamptz not null default now(),
  compute_ms integer not null,
  published_by bigint references users (id),
  published_at timestamptz,
  -- the published list as it was published: finalists (or every ranked entity when the run has no Top-N)
  published jsonb,
  check ((status = 'published') = (published_at is not null and published is not null))
);
create index evaluation_runs_published_idx on evaluation_runs (preset, published_at desc) where status = 'published';

-- The frozen input table: one row per entity the run read, in the order it was read (row_no), with its
-- figures ({"revenue": 4000.5, "employees": null, …}; null = missing) and text columns; excluded says why
-- an entity was not scored (ineligible, missing figure), null when it was.
create table evaluation_run_inputs (
  run_id bigint not null references evaluation_runs (id) on delete cascade,
  row_no integer not null,
  entity_id text not null,
  label text not null,
  region_code text references regions (code),
  figures jsonb not null,
  texts jsonb not null,
  excluded text,
  primary key (run_id, row_no),
  unique (run_id, entity_id)
);

-- Each scored entity's result: score and competition rank, every node's score, each leaf's contribution
-- and treated figure, the Monte Carlo median rank and 5–95% interval, and its Top-N tier and place.
create table evaluation_results (
  run_id bigint not null references evaluation_runs (id) on delete cascade,
  entity_id text not null,
  score double precision not null,
  rank integer not null,
  node_scores jsonb not null,
  contributions jsonb not null,
  leaf_values jsonb not null,
  median_rank double precision,
  rank_p05 double precision,
  rank_p95 double precision,
  tier text,
  place integer,
  tied_at_cutoff boolean not null default false,
  primary key (run_id, entity_id)
);
create index evaluation_results_rank_idx on evaluation_results (run_id, rank);

insert into data_versions (room, version) values ('evaluation', 0) on conflict do nothing;
