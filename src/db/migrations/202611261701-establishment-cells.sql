-- Radius search on a B-tree of grid cells: the cell of 0.05° latitude × 1/12° longitude (about
-- 5.6 × 6.2 km in Brittany) holding the point, then the NAF code. A radius asks for the cells
-- that meet the circle (establishments-search.ts, geoCells, computes the same cells): for each,
-- one descent to (cell, NAF prefix) reads only the matching entries, and the planner knows how
-- many rows the cells hold (statistics on the index expression), so it combines them with the
-- full-text index. The GiST box it replaces walked ~35,000 points for a 30 km radius and was
-- always estimated at 0.1 % of the table, which led to filtering NAF codes row by row on the heap.
-- The exact haversine distance still decides.
create function establishment_cell(lat double precision, lon double precision)
  returns integer
  language sql immutable parallel safe
  as $$ select floor(lat * 20)::int * 10000 + floor(lon * 12)::int + 5000 $$;

create index establishments_cell_naf_idx on establishments
  (establishment_cell(lat, lon), naf_code text_pattern_ops);
