-- The staged legal units carry their number in the file too (see 202611271100): of two rows of
-- one SIREN, the importer keeps the one numbered last, whichever connection copied it.
alter table legal_units_staging add column line integer;
