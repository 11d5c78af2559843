-- The registry list's search (GET /api/enterprises?q=…, issue 15 item 7) by any part of a name or USCC.
-- Without an index every search not cached read every name (~75 ms on the embedded database over
-- 100,000 enterprises, queued one after another under load). pg_trgm cannot help: its trigrams need a
-- term of three characters, and the commonest Chinese search is two (科技, 电子). So each enterprise
-- keeps the two-character pieces of its lower-cased name and USCC, with a GIN index on them: a term's
-- pieces, all present, pick the few candidates, which the LIKE of the query then checks. (A term of one
-- character has no pieces and is matched against every name, as before.)
--
-- search_grams(t): the pieces at even and at odd offsets, cut by two regular-expression replacements
-- (no subquery, so it is cheap enough for a generated column: ~40 µs a row on PGlite, against ~400 µs
-- for a generate_series over the characters). Besides every two-character piece it holds the last
-- character alone; a term's pieces are therefore search_grams(term) without its last character
-- (find-enterprises.ts).
create function search_grams(t text) returns text[]
  language sql immutable strict parallel safe
  as $$ select array_remove(string_to_array(regexp_replace(lower(t), '(..)', E'\\1\x01', 'g') || E'\x01' || regexp_replace(substr(lower(t), 2), '(..)', E'\\1\x01', 'g'), E'\x01'), '') $$;

alter table enterprises add column search_grams text[] generated always as (search_grams(name || ' ' || uscc)) stored;
create index enterprises_search_grams_idx on enterprises using gin (search_grams);
