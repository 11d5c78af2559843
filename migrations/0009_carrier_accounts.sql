-- Carriers report their own figures (绩效评价 填报): a login of role carrierUser (载体填报员) belongs to one
-- carrier and writes only that carrier's figures, stored with source 'selfReport'. Deleting a carrier
-- leaves its accounts without a carrier (the route deactivates them in the same transaction).

alter table users drop constraint users_role_check;
alter table users add constraint users_role_check check (role in ('bureauAdmin', 'bureauStaff', 'leader', 'townOfficer', 'enterpriseUser', 'carrierUser'));
alter table users add column carrier_id bigint references carriers (id) on delete set null;
create index users_carrier_idx on users (carrier_id) where carrier_id is not null;

alter table carrier_figures drop constraint carrier_figures_source_check;
alter table carrier_figures add constraint carrier_figures_source_check check (source in ('manual', 'import', 'selfReport'));
