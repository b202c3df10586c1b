-- Foundation: text search configuration shared by every searchable table, and the
-- settings table. Feature tables come in their own migrations.

-- French full-text search that ignores accents: `fr` = french stemming after unaccent.
do $$
begin
  if not exists (select 1 from pg_ts_config where cfgname = 'fr' and cfgnamespace = current_schema()::regnamespace) then
    create text search configuration fr (copy = french);
    alter text search configuration fr
      alter mapping for hword, hword_part, word with unaccent, french_stem;
  end if;
end $$;

-- unaccent() is only STABLE; indexes need an IMMUTABLE wrapper with a fixed dictionary.
create or replace function immutable_unaccent(text) returns text
  language sql immutable parallel safe strict
  as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

create table app_settings (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);
