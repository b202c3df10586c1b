-- The radius indexes hold the active establishments only: a search shows closed ones only on
-- request (then it reads the GiST box, or the full-text index, and the haversine distance decides).
-- A fifth of the rows in the benchmark directory, more in the real register (closed establishments
-- stay listed), were read from the table only to be dropped; the indexes are as much smaller and
-- quicker to build at import.
drop index establishments_geo_search_idx;
create index establishments_geo_search_idx on establishments
  using gin (establishment_geo_lexemes(search, lat, lon)) with (fastupdate = off) where active;
drop index establishments_cell_naf_idx;
create index establishments_cell_naf_idx on establishments
  (establishment_cell(lat, lon), naf_code text_pattern_ops) where active;
