-- The candidate pool (高企苗子库) over 100,000 enterprises within 200 ms on the embedded database.
-- Its count joined enterprises, regions, enterprise_checks and an anti-join on qualifications; without
-- statistics (PGlite has no autovacuum) and with the scope given as a region-path prefix, the planner
-- estimates a handful of rows and probes an index once per enterprise: ~1 s on PGlite. Each stored
-- check now also carries the enterprise's town and the dates its HNTE certificates cover, written
-- with the check (every write to master data or qualifications re-runs the check), so the pool is
-- counted from enterprise_checks alone.
alter table enterprise_checks
  add column region_code text,
  add column hnte_cover datemultirange not null default '{}';

update enterprise_checks c set region_code = e.region_code from enterprises e where e.id = c.enterprise_id;
update enterprise_checks c set hnte_cover = q.cover
  from (select enterprise_id, range_agg(daterange(issued_on, valid_until, '[]')) as cover
          from qualifications where kind = 'hnte' and status = 'active' group by enterprise_id) q
 where q.enterprise_id = c.enterprise_id;

alter table enterprise_checks alter column region_code set not null;
