-- Prefix lookups on the words of names ("chaud" while typing "chaudronnerie"): a B-tree with
-- text_pattern_ops serves `word like 'chaud%'` whatever the database collation.
create index establishment_words_prefix_idx on establishment_words (word text_pattern_ops);
