-- The activity labels of an import with their part of the full-text vector (weight C), computed
-- once per label as the importer copies them in (a few hundred labels): the insert computed them
-- from a scan of the whole establishments staging table in each of its slices (0.26 s a slice
-- on 1,000,000 rows). Unlogged and emptied like the other staging tables.
create unlogged table establishment_labels_staging (
  naf_label text not null,
  search_c tsvector generated always as (setweight(to_tsvector('fr', naf_label), 'C')) stored
);
