-- What a figure computed by the platform (source 'computed', e.g. counted from the enterprise registry) measures,
-- per indicator: its 口径. The indicator views show it beside an official figure of the same period when the two
-- differ (issue 14: the registry's 61.1% of above-scale enterprises with R&D in 2020 against the plan's base of 62%).
alter table indicators add column computed_basis text not null default '';
