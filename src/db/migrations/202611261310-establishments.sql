-- Directory of suppliers: SIRENE establishments (DESIGN.md §5), searchable by name with
-- typo tolerance, by activity (NAF), by place and by distance.
-- Fields a partially diffusible record (P) masks are stored as NULL, never as "[ND]".

create table establishments (
  siret text primary key,
  siren text not null,
  -- display name: legal name, or "prénom nom" of a person (null when not public), else enseigne
  name text not null,
  legal_name text,
  enseigne text,
  usual_name text,
  sigle text,
  naf_code text,
  naf25_code text,
  section text,
  -- label of the NAF sub-class, kept here so full-text search also finds the activity
  naf_label text,
  department text,
  region text,
  commune_code text,
  commune_name text,
  postal_code text,
  address text,
  address_extra text,
  country_code text,
  country_name text,
  headcount_band text,
  headcount_year smallint,
  created_on date,
  head_office boolean not null default false,
  active boolean not null default true,
  diffusion text not null default 'O' check (diffusion in ('O', 'P')),
  lat double precision,
  lon double precision,
  coord_source text check (coord_source in ('sirene', 'geo-sirene', 'commune')),
  updated_at timestamptz not null default now(),
  search tsvector generated always as (
    setweight(to_tsvector('fr', coalesce(name, '') || ' ' || coalesce(sigle, '')), 'A')
    || setweight(to_tsvector('fr', coalesce(enseigne, '') || ' ' || coalesce(usual_name, '')), 'B')
    || setweight(to_tsvector('fr', coalesce(naf_label, '')), 'C')
  ) stored
);

create index establishments_search_idx on establishments using gin (search);
create index establishments_siren_idx on establishments (siren);
create index establishments_naf_idx on establishments (naf_code text_pattern_ops);
create index establishments_department_idx on establishments (department, active);
create index establishments_commune_idx on establishments (commune_code);
create index establishments_postal_code_idx on establishments (postal_code);
-- Radius and nearest-first: a GiST index on a point where longitude is scaled by cos(48°),
-- so that Euclidean distance is close to the real one in Brittany (no cube/earthdistance:
-- DESIGN.md §3). Exact distances are computed with the haversine formula on the few rows kept.
create index establishments_geo_idx on establishments using gist (point(lon * 0.6691, lat));
-- Name matching for the supplier resolver: trigram on the normalised name.
create index establishments_name_trgm_idx on establishments using gin (lower(immutable_unaccent(name)) gin_trgm_ops);

-- The distinct words of names, enseignes, sigles and activity labels, with a trigram index: a
-- query word missing from it is corrected to its nearest word (pg_trgm documentation, "text
-- search" section), then full-text search runs on the corrected words.
create table establishment_words (
  word text primary key
);
create index establishment_words_trgm_idx on establishment_words using gist (word gist_trgm_ops);

-- Staging table of the importer (COPY target). Unlogged: it is emptied after each batch.
create unlogged table establishments_staging (
  siret text,
  siren text,
  name text,
  legal_name text,
  enseigne text,
  usual_name text,
  sigle text,
  naf_code text,
  naf25_code text,
  section text,
  naf_label text,
  department text,
  region text,
  commune_code text,
  commune_name text,
  postal_code text,
  address text,
  address_extra text,
  country_code text,
  country_name text,
  headcount_band text,
  headcount_year smallint,
  created_on date,
  head_office boolean,
  active boolean,
  diffusion text,
  lat double precision,
  lon double precision,
  coord_source text
);

-- Names from the legal-unit file, loaded only for the SIRENs the import keeps (bounded memory).
create unlogged table legal_units_staging (
  siren text not null,
  legal_name text,
  person_name text,
  sigle text,
  diffusion text
);
create index legal_units_staging_siren_idx on legal_units_staging (siren);

-- Coordinates per SIRET from INSEE's geolocation file or Etalab's geo-sirene.
create unlogged table establishment_geo_staging (
  siret text not null,
  lat double precision not null,
  lon double precision not null,
  source text not null
);
create index establishment_geo_staging_siret_idx on establishment_geo_staging (siret);
