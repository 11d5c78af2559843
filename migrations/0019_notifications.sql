-- Notifications (消息): what the platform tells one account — a pushed match of the technology market, a
-- listing sent back, a review assigned, and the daily digest of them. A room writes them through the
-- platform's notify() (platform/server/src/notifications); the account reads and marks them read.
--
-- The text is written once in both languages (title and body as {"zh": …, "en": …}) by the room that knows the
-- facts, so the platform renders a notification in the reader's language without knowing any room.
-- `dedup_key` makes a repeated push (a listing edited again, the digest asked twice) update the one
-- notification instead of adding a second; a changed notification becomes unread again.
create table notifications (
  id bigint generated always as identity primary key,
  user_id bigint not null references users(id) on delete cascade,
  -- the room's kind: 'market.match', 'market.returned', 'digest' …
  kind text not null check (kind ~ '^[a-z][A-Za-z0-9.]*$' and length(kind) <= 64),
  title jsonb not null check (jsonb_typeof(title->'zh') = 'string' and jsonb_typeof(title->'en') = 'string'),
  body jsonb check (body is null or (jsonb_typeof(body->'zh') = 'string' and jsonb_typeof(body->'en') = 'string')),
  -- a path of the web client where the thing is seen
  link text check (link is null or link like '/%'),
  dedup_key text,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  -- set when a daily digest has counted it, so no notification is counted in two digests
  digested_at timestamptz
);
create unique index notifications_dedup_idx on notifications (user_id, dedup_key) where dedup_key is not null;
create index notifications_user_idx on notifications (user_id, created_at desc, id desc);
create index notifications_unread_idx on notifications (user_id) where read_at is null;
