-- Each staged establishment and geolocation row carries its number in the file: of two rows of
-- one SIRET, the importer keeps the one numbered last. Their place in the table did not always
-- tell: COPYs go through several connections, and a later one may fill the room an earlier one
-- left on a page. With the number, the establishments may also be copied two batches at a time.
alter table establishments_staging add column line integer;
alter table establishment_geo_staging add column line integer;
