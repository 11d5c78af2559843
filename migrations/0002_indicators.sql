-- Indicator monitoring: catalogue, plans, values (baseline / target / actual per region and period).

create table indicators (
  code text primary key,
  name_zh text not null unique,
  name_en text not null,
  unit text not null,
  direction text not null check (direction in ('higher', 'lower')),
  precision integer not null default 2 check (precision between 0 and 6),
  category text not null,
  definition text not null default '',
  data_source text not null default '',
  rollup text not null check (rollup in ('sum', 'ratio', 'none')),
  numerator_code text references indicators (code),
  denominator_code text references indicators (code),
  ratio_scale numeric not null default 1,
  trajectory text not null default 'linear' check (trajectory in ('linear', 'compound')),
  is_headline boolean not null default false,
  sort integer not null default 0,
  check (rollup <> 'ratio' or (numerator_code is not null and denominator_code is not null))
);

create table plans (
  code text primary key,
  name text not null,
  start_year integer not null,
  end_year integer not null,
  yellow_threshold numeric not null default 0.1 check (yellow_threshold >= 0 and yellow_threshold <= 1),
  is_current boolean not null default false,
  check (end_year >= start_year)
);

create table indicator_values (
  region_code text not null references regions (code),
  indicator_code text not null references indicators (code),
  kind text not null check (kind in ('baseline', 'target', 'actual')),
  period text not null,
  year integer not null,
  value numeric not null,
  source text not null check (source in ('plan', 'import', 'manual', 'synthetic', 'computed')),
  import_run_id bigint references import_runs (id),
  updated_by bigint references users (id),
  updated_at timestamptz not null default now(),
  primary key (region_code, indicator_code, kind, period)
);
create index indicator_values_period_idx on indicator_values (period, kind, indicator_code);
create index indicator_values_year_idx on indicator_values (indicator_code, kind, year);

-- What each accepted import changed: the value before and after, for the auditor.
create table indicator_value_changes (
  import_run_id bigint not null references import_runs (id),
  region_code text not null,
  indicator_code text not null,
  kind text not null,
  period text not null,
  old_value numeric,
  new_value numeric not null
);
create index indicator_value_changes_run_idx on indicator_value_changes (import_run_id);
