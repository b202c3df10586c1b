-- Up to n nearest known words of a query word (typo correction), with their similarity: a typo
-- can be as close to several words, and keeping the few best lets the all-words search succeed
-- where a single guess led to a no-result and the any-word fallback. Indexed for the same reason
-- as establishment_word_correction (202611261313).
create function establishment_word_corrections(w text, n int)
  returns table (word text, similarity real)
  language sql stable
  set enable_seqscan = off
  as $$ select x.word, similarity(x.word, w) from establishment_words x where x.word % w order by 2 desc, 1 limit n $$;
