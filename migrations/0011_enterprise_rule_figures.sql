-- The figures the qualification rules read since ab0ec6a that the registry did not keep (issue 14).
-- Per enterprise and year, under the row's own source / confirmed / updated_by:
--   total_income         总收入 = 收入总额 − 不征税收入, the base of the HNTE high-tech revenue share (工作指引);
--   resident             a resident enterprise (居民企业; tech-SME basic condition 1, HNTE Art. 11(1));
--   industry_excluded    main business in an industry excluded from the R&D super-deduction (财税〔2015〕119号);
--   restricted_catalogue in the restricted or eliminated categories of 《产业结构调整指导目录》;
--   dishonesty_listed    on the abnormal-operation list or the list of seriously illegal and dishonest enterprises.
-- Null is "not recorded": the tech-SME result stays undecided until the flag is known.
alter table enterprise_years
  add column total_income numeric check (total_income >= 0),
  add column resident boolean,
  add column industry_excluded boolean,
  add column restricted_catalogue boolean,
  add column dishonesty_listed boolean,
  add constraint enterprise_years_high_tech_within_total_income check (high_tech_revenue is null or total_income is null or high_tech_revenue <= total_income);

-- Class II items of a holding already used in an earlier HNTE recognition (工作指引: a Class II item serves
-- one recognition only); Class I items may be used again, so the count is 0 for them.
alter table enterprise_ip
  add column used_in_earlier_hnte integer not null default 0,
  add constraint enterprise_ip_used_in_earlier_hnte_check check (used_in_earlier_hnte between 0 and count),
  add constraint enterprise_ip_used_class_ii_check check (used_in_earlier_hnte = 0 or kind in ('utilityModel', 'design', 'softwareCopyright'));

-- Demo data seeded by an earlier version (source 'synthetic' only; real figures stay "not recorded"). Draws
-- are fixed by the enterprise id, so every start gives the same values, and follow the demo generator
-- (modules/enterprises/src/demo/figures.ts): resident; the industry exclusion read from the GB/T 4754 code;
-- about 1% of all firms (the non-tech ones only) restricted; about 2% listed as dishonest from 2024;
-- total income 100.5–103% of revenue, never taking a high-tech share of 60% or more below 60%.
create function pg_temp.demo_draw(salt text, enterprise bigint, year integer default 0) returns numeric language sql immutable as $$
  select ((hashtext(salt || '|' || enterprise || '|' || year) & 2147483647) % 100000) / 100000.0
$$;

update enterprise_years y set
  resident = true,
  industry_excluded = coalesce(e.industry_code ~ '^(C16|F|H|K|L|R90)', false),
  restricted_catalogue = e.hnte_field is null and pg_temp.demo_draw('restricted', e.id) < 0.045,
  dishonesty_listed = y.year >= 2024 and pg_temp.demo_draw('dishonest', e.id) < 0.02,
  total_income = case
    when y.revenue is null then null
    when y.high_tech_revenue is not null and y.high_tech_revenue * 5 >= y.revenue * 3
      then least(round(y.revenue * (1.005 + 0.025 * pg_temp.demo_draw('income', e.id, y.year))), floor(y.high_tech_revenue * 5 / 3))
    else round(y.revenue * (1.005 + 0.025 * pg_temp.demo_draw('income', e.id, y.year)))
  end
  from enterprises e
 where e.id = y.enterprise_id and y.source = 'synthetic';

-- Demo firms that hold or held an HNTE certificate used part of their Class II IP in that recognition; a
-- firm without Class I IP keeps at least five unused items in a holding of more, as the generator does.
update enterprise_ip ip set used_in_earlier_hnte = case
    when exists (select 1 from enterprise_ip i1 where i1.enterprise_id = ip.enterprise_id and i1.count > 0
                   and i1.kind in ('inventionPatent', 'plantVariety', 'icLayout', 'newDrug', 'tcmVariety'))
      then floor(ip.count * (0.2 + 0.3 * pg_temp.demo_draw('ipUsed|' || ip.kind || '|' || ip.acquisition, ip.enterprise_id)))
    else least(floor(ip.count * (0.2 + 0.3 * pg_temp.demo_draw('ipUsed|' || ip.kind || '|' || ip.acquisition, ip.enterprise_id))), greatest(ip.count - 5, 0))
  end
  from enterprises e
 where e.id = ip.enterprise_id and e.is_synthetic and ip.kind in ('utilityModel', 'design', 'softwareCopyright')
   and exists (select 1 from qualifications q where q.enterprise_id = e.id and q.kind = 'hnte');

drop function pg_temp.demo_draw(text, bigint, integer);
