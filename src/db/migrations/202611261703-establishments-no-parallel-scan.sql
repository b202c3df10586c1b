-- A directory search reads a few thousand rows at most: starting parallel workers for it
-- (PostgreSQL does when it overestimates the rows, e.g. ~10,000 for 571) costs more than it
-- saves, ~30 ms on 2 busy cores. PGlite has no parallel workers; this changes nothing there.
alter table establishments set (parallel_workers = 0);
