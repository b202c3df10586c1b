-- establishment_cell_tsquery (202611262050) as an inlinable function: its body joined the cell,
-- an integer, to text with text || anynonarray, which PostgreSQL declares STABLE, so this
-- IMMUTABLE function was never inlined and a full-text search within a radius ran the
-- SQL-function executor once a cell (~35 cells for 30 km; ~5 % of such a search's server time
-- under perf). The cell is now cast to text first (the same int4 output): text || text is
-- immutable, the function is inlined into the index condition, and the tsquery it returns is
-- the same for every query and cell.
create or replace function establishment_cell_tsquery(q tsquery, cell integer)
  returns tsquery
  language sql immutable parallel safe
  as $$ select regexp_replace(q::text, '''((?:[^'']|'''')+)''', '''' || cell::text || '#\1''', 'g')::tsquery $$;
