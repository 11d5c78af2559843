-- Referential integrity of indicator_values, checked once per statement instead of once per row.
-- A foreign key runs one lookup per inserted row, which made a 100,000-row import spend most of its
-- time on two keys; these triggers check a whole statement's rows with one set query each. The other
-- side, a region or indicator that values refer to, cannot be deleted or have its code changed.

alter table indicator_values drop constraint indicator_values_region_code_fkey;
alter table indicator_values drop constraint indicator_values_indicator_code_fkey;

create function indicator_values_check_references() returns trigger language plpgsql as $$
declare
  missing text;
begin
  select n.region_code into missing from new_rows n
   where not exists (select 1 from regions r where r.code = n.region_code) limit 1;
  if found then
    raise exception 'indicator_values: region % does not exist', missing using errcode = '23503';
  end if;
  select n.indicator_code into missing from new_rows n
   where not exists (select 1 from indicators i where i.code = n.indicator_code) limit 1;
  if found then
    raise exception 'indicator_values: indicator % does not exist', missing using errcode = '23503';
  end if;
  return null;
end $$;

create trigger indicator_values_references_on_insert after insert on indicator_values
  referencing new table as new_rows for each statement execute function indicator_values_check_references();
create trigger indicator_values_references_on_update after update on indicator_values
  referencing new table as new_rows for each statement execute function indicator_values_check_references();

create function refuse_referenced_region() returns trigger language plpgsql as $$
begin
  if exists (select 1 from indicator_values v where v.region_code = old.code) then
    raise exception 'region % has indicator values', old.code using errcode = '23503';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger regions_referenced_by_values before delete or update of code on regions
  for each row execute function refuse_referenced_region();

create function refuse_referenced_indicator() returns trigger language plpgsql as $$
begin
  if exists (select 1 from indicator_values v where v.indicator_code = old.code) then
    raise exception 'indicator % has values', old.code using errcode = '23503';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger indicators_referenced_by_values before delete or update of code on indicators
  for each row execute function refuse_referenced_indicator();
