-- Each foreign key costs a lookup per imported row. The two bookkeeping columns of indicator_values
-- do not need one: an import run is written in the same transaction as its values, and users are
-- deactivated, never deleted. Region and indicator keep theirs: they are what the figures mean.
alter table indicator_values drop constraint indicator_values_import_run_id_fkey;
alter table indicator_values drop constraint indicator_values_updated_by_fkey;
