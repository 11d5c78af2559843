-- Bound accounts, once (issue 10): an account tied to one record of a room (an enterprise's, a carrier's, and
-- the kinds to come: institutes, experts, brokers …) names the record by (bound_kind, bound_id) instead of one
-- users column per kind. The room registers its kind in the server (platform/server auth/bound-kinds.ts):
-- the role its accounts have, how the record's name and region are found, how the scope resolves.
--
-- The role check names only the platform's own roles: any other role is a room's bound role, whose account must
-- name its record; a platform role names none. A bound account may lose its id only when inactive: its record was
-- deleted (as carrier_id was set null, and the account deactivated, when a carrier was deleted).
--
-- Referential integrity: bound_id cannot carry a foreign key (it points into a different table per kind), so
--  * at bind time the platform asks the kind's registration for the record and refuses an id it does not find;
--  * on the record's deletion a trigger of the room's table keeps the old foreign keys' behaviour:
--    bound_record_deleted('<kind>', 'restrict') refuses the delete while an account is bound (the old
--    users.enterprise_id foreign key, no action), bound_record_deleted('<kind>', 'deactivate') deactivates the
--    accounts, forgets the id and ends their sessions (the old carrier_id 'on delete set null' plus what the
--    carrier's delete route did by hand). A room adding a kind adds one such trigger on its table.
-- Ids are identities, never reused, so no account can silently come to point at a later record.

alter table users add column bound_kind text;
alter table users add column bound_id bigint;

update users set bound_kind = 'enterprise', bound_id = enterprise_id where role = 'enterpriseUser';
update users set bound_kind = 'carrier', bound_id = carrier_id where role = 'carrierUser';
-- an enterprise account without its enterprise could not sign in to anything of use: kept, inactive
update users set is_active = false where bound_kind is not null and bound_id is null;

alter table users drop column enterprise_id;
alter table users drop column carrier_id;

alter table users drop constraint users_role_check;
alter table users add constraint users_role_check check (
  case when role in ('bureauAdmin', 'bureauStaff', 'leader', 'townOfficer') then bound_kind is null and bound_id is null
       else role ~ '^[a-z][A-Za-z0-9]*User$' and bound_kind is not null and (bound_id is not null or not is_active) end
);
create index users_bound_idx on users (bound_kind, bound_id) where bound_kind is not null;

create function bound_record_deleted() returns trigger language plpgsql as $$
begin
  if tg_argv[1] = 'restrict' then
    if exists (select 1 from users where bound_kind = tg_argv[0] and bound_id = old.id) then
      raise foreign_key_violation using message = format('accounts are bound to %s %s', tg_argv[0], old.id);
    end if;
  else
    delete from sessions where user_id in (select id from users where bound_kind = tg_argv[0] and bound_id = old.id);
    update users set bound_id = null, is_active = false, updated_at = now() where bound_kind = tg_argv[0] and bound_id = old.id;
  end if;
  return old;
end $$;

create trigger enterprises_bound_accounts before delete on enterprises
  for each row execute function bound_record_deleted('enterprise', 'restrict');
create trigger carriers_bound_accounts after delete on carriers
  for each row execute function bound_record_deleted('carrier', 'deactivate');
