-- The registry list (GET /api/enterprises, issue 15 item 7) in its default order — town, name, id —
-- within the caller's scope (`e.region_code = any(codes)`): an index in that order lets a page of 20 be
-- read straight off the index, stopping after the page, where the index on region_code alone made every
-- request fetch and sort each enterprise of the first town before taking 20. The narrower index on
-- region_code stays: the planner counts a town's enterprises through it (a bitmap scan) and would
-- rather scan the whole table than the wider index.
create index enterprises_list_idx on enterprises (region_code, name, id);
