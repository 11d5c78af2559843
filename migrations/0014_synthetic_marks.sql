-- Synthetic figures say so through roll-ups and computed sources (issue 14): a figure the platform computes
-- from demo data (the registry's counts of synthetic enterprises) is demo data too, and the demo carriers'
-- figures are stored as 'synthetic' rather than as an import.

-- Set by the registry's counts when any enterprise counted is synthetic; read only with source 'computed'
-- (an import or a hand-typed figure over it is official, whatever the flag).
alter table indicator_values add column computed_from_synthetic boolean not null default false;
update indicator_values v set computed_from_synthetic = true
 where v.source = 'computed'
   and exists (select 1 from enterprises e join regions r on r.code = e.region_code
                join regions vr on vr.code = v.region_code
               where e.is_synthetic and r.path like vr.path || '%');

alter table carrier_figures drop constraint carrier_figures_source_check;
alter table carrier_figures add constraint carrier_figures_source_check check (source in ('manual', 'import', 'selfReport', 'synthetic'));
-- the demo seed of earlier versions wrote its figures as imports by nobody, on a database with the synthetic registry
update carrier_figures set source = 'synthetic'
 where source = 'import' and updated_by is null and exists (select 1 from enterprises where is_synthetic);
