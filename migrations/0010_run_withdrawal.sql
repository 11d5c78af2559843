-- A published list can be withdrawn (撤回) with a reason, or superseded by a later run of the same preset and
-- period: the run keeps what was published and who published it, and records who withdrew it, when and why.
-- Only 'published' runs appear in the published lists; one preset's period has at most one at a time
-- (the publish route checks it and names the run in the way).

alter table evaluation_runs drop constraint evaluation_runs_status_check;
alter table evaluation_runs add constraint evaluation_runs_status_check check (status in ('computed', 'published', 'withdrawn'));
alter table evaluation_runs add column withdrawn_by bigint references users (id);
alter table evaluation_runs add column withdrawn_at timestamptz;
alter table evaluation_runs add column withdraw_reason text;
alter table evaluation_runs add column superseded_by bigint references evaluation_runs (id) on delete set null;
alter table evaluation_runs drop constraint evaluation_runs_check;
alter table evaluation_runs add constraint evaluation_runs_published_check
  check ((status in ('published', 'withdrawn')) = (published_at is not null and published is not null));
alter table evaluation_runs add constraint evaluation_runs_withdrawn_check
  check ((status = 'withdrawn') = (withdrawn_at is not null and withdraw_reason is not null));

-- one published list per preset and period; an older duplicate published before this rule is marked superseded
update evaluation_runs old set status = 'withdrawn', withdrawn_at = now(), withdraw_reason = '同一期已有较新的发布名单', superseded_by = (
    select n.id from evaluation_runs n
     where n.status = 'published' and n.preset = old.preset and n.source->>'year' is not distinct from old.source->>'year'
       and n.source->>'period' is not distinct from old.source->>'period' and n.source->>'carrierKind' is not distinct from old.source->>'carrierKind'
       and n.source->>'region' is not distinct from old.source->>'region'
     order by n.published_at desc, n.id desc limit 1)
 where old.status = 'published' and old.preset is not null and exists (
    select 1 from evaluation_runs n
     where n.status = 'published' and n.preset = old.preset and n.source->>'year' is not distinct from old.source->>'year'
       and n.source->>'period' is not distinct from old.source->>'period' and n.source->>'carrierKind' is not distinct from old.source->>'carrierKind'
       and n.source->>'region' is not distinct from old.source->>'region'
       and (n.published_at, n.id) > (old.published_at, old.id));
create unique index evaluation_runs_one_published_idx on evaluation_runs
  (preset, coalesce(source->>'year', ''), coalesce(source->>'period', ''), coalesce(source->>'carrierKind', ''), coalesce(source->>'region', ''))
  where status = 'published' and preset is not null;
