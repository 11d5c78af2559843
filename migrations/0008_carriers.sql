-- Carriers (科创载体) under the yearly performance review (绩效评价 / 分类考核): industrial research institutes
-- (产业技术研究院), incubators (科技企业孵化器) and maker spaces (众创空间), each with its level and region,
-- and their yearly figures by indicator code (the codes of modules/evaluation/src/presets/performance-review.ts).
-- source: 'manual' (entered through the form / API) or 'import' (from Excel); who and when last changed it.

create table carriers (
  id bigint generated always as identity primary key,
  name text not null,
  kind text not null check (kind in ('industrialResearchInstitute', 'incubator', 'makerspace')),
  level text check (level in ('national', 'provincial', 'municipal', 'district')),
  region_code text not null references regions (code),
  created_at timestamptz not null default now(),
  unique (kind, name)
);
create index carriers_region_idx on carriers (region_code);

create table carrier_figures (
  carrier_id bigint not null references carriers (id) on delete cascade,
  year integer not null check (year between 2000 and 2100),
  indicator text not null,
  value numeric not null check (value >= 0),
  source text not null check (source in ('manual', 'import')),
  updated_by bigint references users (id),
  updated_at timestamptz not null default now(),
  primary key (carrier_id, year, indicator)
);

-- the performance review is a preset of the evaluation centre beside the leadership index and the towns' scoreboard
alter table evaluation_schemes drop constraint evaluation_schemes_preset_check;
alter table evaluation_schemes add constraint evaluation_schemes_preset_check check (preset in ('leadership', 'towns', 'performanceReview'));
alter table evaluation_runs drop constraint evaluation_runs_preset_check;
alter table evaluation_runs add constraint evaluation_runs_preset_check check (preset in ('leadership', 'towns', 'performanceReview'));
