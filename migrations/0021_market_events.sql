-- The market's events (issue 11 item 5): matchmaking fairs (对接会), roadshows (路演) and achievement auctions (竞价拍卖).
--
-- market_events: one event, the bureau's: kind, title, date and time, a place and/or an online link, organiser,
-- description; status planned → open (sign-up open) → held → closed, or cancelled with a reason; the outcomes
-- the bureau records once it is held (contacts made, intentions signed, a note); the region it belongs to.
--
-- market_event_listings: the listings attached (kind + id of achievements, demands, experts, brokers or
-- service_providers; the delete triggers below). At an auction each is a lot with its start price in 万元 and,
-- once held, its final price and whether it sold; the premium of a lot is final / start − 1 (computed, not stored).
--
-- market_event_signups: who signed up: an account (an enterprise's, an institute's or a broker's: its bound
-- record named at sign-up), once per event; or a name and contact the bureau typed (user_id null).
create table market_events (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('fair', 'roadshow', 'auction')),
  title text not null check (length(title) between 1 and 200),
  event_date date not null,
  -- HH:MM, local time
  event_time text check (event_time is null or event_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
  place text not null default '',
  online_link text,
  organiser text not null default '',
  description text not null default '',
  status text not null default 'planned' check (status in ('planned', 'open', 'held', 'closed', 'cancelled')),
  cancel_reason text,
  contacts_made integer check (contacts_made is null or contacts_made >= 0),
  intentions_signed integer check (intentions_signed is null or intentions_signed >= 0),
  outcome_note text not null default '',
  region_code text not null references regions (code),
  created_by bigint references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  is_synthetic boolean not null default false,
  check (status <> 'cancelled' or cancel_reason is not null),
  unique (title, event_date)
);
create index market_events_date_idx on market_events (event_date);

create table market_event_listings (
  id bigint generated always as identity primary key,
  event_id bigint not null references market_events (id) on delete cascade,
  listing_kind text not null check (listing_kind in ('achievement', 'demand', 'expert', 'broker', 'provider')),
  listing_id bigint not null,
  -- an auction's lot: its number, start price and (once held) final price in 万元, sold or not
  lot_no integer,
  start_price numeric(14, 2) check (start_price is null or start_price > 0),
  final_price numeric(14, 2) check (final_price is null or final_price >= 0),
  sold boolean,
  unique (event_id, listing_kind, listing_id)
);
create index market_event_listings_listing_idx on market_event_listings (listing_kind, listing_id);

create function market_event_listing_deleted() returns trigger language plpgsql as $$
begin
  delete from market_event_listings where listing_kind = tg_argv[0] and listing_id = old.id;
  return old;
end $$;
create trigger achievements_events before delete on achievements for each row execute function market_event_listing_deleted('achievement');
create trigger demands_events before delete on demands for each row execute function market_event_listing_deleted('demand');
create trigger experts_events before delete on experts for each row execute function market_event_listing_deleted('expert');
create trigger brokers_events before delete on brokers for each row execute function market_event_listing_deleted('broker');
create trigger service_providers_events before delete on service_providers for each row execute function market_event_listing_deleted('provider');

create table market_event_signups (
  id bigint generated always as identity primary key,
  event_id bigint not null references market_events (id) on delete cascade,
  -- the account that signed itself up; null when the bureau typed a name and contact
  user_id bigint references users (id) on delete cascade,
  -- the account's bound record at sign-up (enterprise, institute, broker)
  bound_kind text,
  bound_id bigint,
  name text not null check (length(name) between 1 and 200),
  contact text not null default '',
  created_by bigint references users (id),
  created_at timestamptz not null default now(),
  unique (event_id, user_id)
);
