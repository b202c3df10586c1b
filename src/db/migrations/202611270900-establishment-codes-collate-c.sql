-- Identifier columns (SIRET, SIREN, COG commune code, postal code, department code) compare as
-- bytes: they are codes, not words, so a linguistic collation only slows them down. Under the
-- database's default collation (C.UTF-8 here, fr_FR or en_US elsewhere) each comparison goes
-- through strcoll and B-tree builds get no abbreviated keys; with "C" the B-trees on them build
-- about 2.6 times faster (SIREN, 1,000,000 rows: 1.75 → 0.67 s), which an import pays for the
-- primary key and four indexes. Equality is unchanged (every deterministic collation compares
-- equal strings as equal), and so is the order of these codes under C.UTF-8; a column of the
-- default collation compared with them takes "C" (a default collation yields to an implicit one),
-- so staging joins and query parameters need no change. The indexes on them are rebuilt once.
alter table establishments
  alter column siret type text collate "C",
  alter column siren type text collate "C",
  alter column commune_code type text collate "C",
  alter column postal_code type text collate "C",
  alter column department type text collate "C";
