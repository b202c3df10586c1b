-- Full text inside a radius in one index: the words of `search` prefixed by the establishment's
-- cell of 0.1° latitude × 1/6° longitude (about 11 × 12 km in Brittany), e.g. `4835#usinag`. A
-- search for « usinage » within 30 km asks for `c#usinag` over the ~35 cells meeting the circle:
-- the posting lists read are those of the word near the point only, where the text index and a
-- geographic index each returned tens of thousands of rows (all « conseil » of Brittany, all
-- points within 30 km) to intersect. Weights and positions are dropped: relevance is still
-- ts_rank on `search`, and the exact haversine distance still decides.
-- The search service computes the same cells (establishments-search.ts, textCells).
create function establishment_geo_lexemes(search tsvector, lat double precision, lon double precision)
  returns tsvector
  language sql immutable parallel safe
  as $$
    select array_to_tsvector(array(
      select (floor(lat * 10)::int * 10000 + floor(lon * 6)::int + 5000)::text || '#' || l
        from unnest(tsvector_to_array(search)) as l
       where lat is not null and lon is not null))
  $$;

create index establishments_geo_search_idx on establishments
  using gin (establishment_geo_lexemes(search, lat, lon));
-- Without autovacuum (PGlite), a GIN pending list is never merged: insert straight into the index.
alter index establishments_geo_search_idx set (fastupdate = off);
