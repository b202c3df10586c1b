-- The importer's part of the vector that depends on the establishment only (its enseigne and
-- usual name, weight B), computed as the establishments are copied in: the database is mostly
-- idle then (reading the file is JavaScript-bound), where the insert that used it computed it
-- on both cores (150,000 vectors on 1,000,000 rows). Empty, as to_tsvector gives it, without
-- either text.
alter table establishments_staging add column search_b tsvector generated always as (
  case when enseigne is null and usual_name is null then ''::tsvector
    else setweight(to_tsvector('fr', coalesce(enseigne, '') || ' ' || coalesce(usual_name, '')), 'B') end
) stored;
