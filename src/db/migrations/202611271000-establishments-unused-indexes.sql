-- Two indexes no query reads. The supplier resolver matches names by full text on the corrected
-- words, then scores the few candidates in JavaScript (establishments-resolve.ts); no statement
-- compares lower(immutable_unaccent(name)) by trigrams any more. No statement filters on a
-- postal code either: the resolver only ranks its candidates by it. Checked with
-- pg_stat_user_indexes after the search benchmark and by reading every query. Both cost an
-- import their build (about 3.4 and 1.0 s of CPU on 1,000,000 rows) and every upsert their
-- upkeep.
drop index if exists establishments_name_trgm_idx;
drop index if exists establishments_postal_code_idx;
