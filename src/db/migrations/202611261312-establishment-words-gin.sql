-- Typo correction: a GIN trigram index answers `word % 'ckaudronnerie'` about ten times faster
-- than the GiST one measured on 400,000 establishments (GiST KNN ordering was not worth it),
-- and leaves equality lookups to the primary key.
drop index if exists establishment_words_trgm_idx;
create index establishment_words_trgm_idx on establishment_words using gin (word gin_trgm_ops);
