-- The nearest known word of a query word (typo correction). On a small words table the planner
-- prefers a sequential scan computing similarity() on every word (115 ms on PGlite for 10,000
-- words); the trigram index answers in about a millisecond whatever the table size, so the
-- function forbids the sequential scan for its own query only.
create or replace function establishment_word_correction(w text) returns text
  language sql stable
  set enable_seqscan = off
  as $$ select x.word from establishment_words x where x.word % w order by similarity(x.word, w) desc, x.word limit 1 $$;

-- Without autovacuum (PGlite), a GIN index's pending list is never merged and the planner then
-- ignores the index: new words go straight into the index instead.
alter index establishment_words_trgm_idx set (fastupdate = off);
