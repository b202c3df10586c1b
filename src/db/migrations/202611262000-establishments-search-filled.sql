-- The full-text vector of an establishment is no longer a generated column: generated, it was
-- computed for every row of an import (three to_tsvector calls a row, about a third of the
-- import's database time), where most of its parts repeat: the legal unit's name for each of its
-- establishments, the activity label for thousands of rows. The importer now writes it from
-- parts computed once (sirene/import.ts); every other writer gets it from the trigger below, so
-- the column keeps exactly the value of the former expression, which establishment_search() is.
create function establishment_search(name text, sigle text, enseigne text, usual_name text, naf_label text)
  returns tsvector
  language sql immutable parallel safe
  as $$
    select setweight(to_tsvector('fr', coalesce(name, '') || ' ' || coalesce(sigle, '')), 'A')
      || setweight(to_tsvector('fr', coalesce(enseigne, '') || ' ' || coalesce(usual_name, '')), 'B')
      || setweight(to_tsvector('fr', coalesce(naf_label, '')), 'C')
  $$;

-- Keeps the values already stored; indexes on `search` stay as they are.
alter table establishments alter column search drop expression;

create function establishments_search_fill() returns trigger
  language plpgsql
  as $$
  begin
    new.search := establishment_search(new.name, new.sigle, new.enseigne, new.usual_name, new.naf_label);
    return new;
  end
  $$;

-- An insert without a vector, or an update of the texts that leaves the vector as it was, gets
-- it computed. A writer that gives the vector (the importer) must give the right one.
create trigger establishments_search_insert
  before insert on establishments
  for each row when (new.search is null)
  execute function establishments_search_fill();

create trigger establishments_search_update
  before update on establishments
  for each row when (
    new.search is not distinct from old.search
    and (new.name, new.sigle, new.enseigne, new.usual_name, new.naf_label)
      is distinct from (old.name, old.sigle, old.enseigne, old.usual_name, old.naf_label)
  )
  execute function establishments_search_fill();

-- The importer's part of the vector that depends on the legal unit only (its name and sigle,
-- weight A), computed as the legal units are copied in: null when the unit has no name (the
-- establishment's own name then counts, computed per row).
alter table legal_units_staging add column search_a tsvector generated always as (
  setweight(to_tsvector('fr', coalesce(legal_name, person_name) || ' ' || coalesce(sigle, '')), 'A')
) stored;
