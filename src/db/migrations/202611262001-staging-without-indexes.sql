-- The importer joins its staging tables by hash (it analyses them once filled, sirene/import.ts):
-- their B-trees were only maintained row by row during COPY (a third of the COPY time of the
-- legal units, measured on 154,000 rows), never read.
drop index if exists legal_units_staging_siren_idx;
drop index if exists establishment_geo_staging_siret_idx;
