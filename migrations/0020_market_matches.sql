-- The market's push and follow-up (issue 11 items 3 and 4).
--
-- market_matches: a demand's counterpart (an achievement, an expert, a provider) that the engine scored above
-- the push threshold when one of the two was published or changed, with its score and reasons, when it was
-- first and last pushed, and each side's feedback (useful or not, by whom, when). One row per pair: a push of
-- the same pair again updates it.
--
-- market_leads: a match a technology broker follows up (contacted → negotiating → signed or dropped with a
-- reason), at most one per match; a signed lead may name the technology contract registered for it (the
-- tech-contracts room's record, checked through that room's exports). market_lead_history: each move.
create table market_matches (
  id bigint generated always as identity primary key,
  demand_id bigint not null references demands (id) on delete cascade,
  counterpart_kind text not null check (counterpart_kind in ('achievement', 'expert', 'provider')),
  -- achievements.id, experts.id or service_providers.id by counterpart_kind (the delete triggers below)
  counterpart_id bigint not null,
  score float8 not null,
  reasons text[] not null default '{}',
  first_pushed_at timestamptz not null default now(),
  pushed_at timestamptz not null default now(),
  demand_feedback text check (demand_feedback in ('useful', 'notUseful')),
  demand_feedback_by bigint references users (id),
  demand_feedback_at timestamptz,
  counterpart_feedback text check (counterpart_feedback in ('useful', 'notUseful')),
  counterpart_feedback_by bigint references users (id),
  counterpart_feedback_at timestamptz,
  unique (demand_id, counterpart_kind, counterpart_id)
);
create index market_matches_counterpart_idx on market_matches (counterpart_kind, counterpart_id);

create function market_counterpart_deleted() returns trigger language plpgsql as $$
begin
  delete from market_matches where counterpart_kind = tg_argv[0] and counterpart_id = old.id;
  return old;
end $$;
create trigger achievements_matches before delete on achievements for each row execute function market_counterpart_deleted('achievement');
create trigger experts_matches before delete on experts for each row execute function market_counterpart_deleted('expert');
create trigger service_providers_matches before delete on service_providers for each row execute function market_counterpart_deleted('provider');

create table market_leads (
  id bigint generated always as identity primary key,
  match_id bigint not null unique references market_matches (id) on delete cascade,
  broker_id bigint not null references brokers (id),
  status text not null default 'contacted' check (status in ('contacted', 'negotiating', 'signed', 'dropped')),
  reason text check (reason is null or length(reason) between 1 and 500),
  -- the registered technology contract (tech_contracts.id of the tech-contracts room) of a signed lead
  contract_id bigint,
  created_by bigint references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (status <> 'dropped' or reason is not null),
  check (contract_id is null or status = 'signed')
);
create index market_leads_broker_idx on market_leads (broker_id, status);

create table market_lead_history (
  id bigint generated always as identity primary key,
  lead_id bigint not null references market_leads (id) on delete cascade,
  from_status text,
  to_status text not null,
  reason text,
  actor_id bigint references users (id),
  at timestamptz not null default now()
);
create index market_lead_history_lead_idx on market_lead_history (lead_id, at);
