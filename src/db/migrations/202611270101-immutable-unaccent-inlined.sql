-- immutable_unaccent (202611261200) calls the STABLE unaccent(regdictionary, text), so PostgreSQL
-- never inlines it and runs the SQL-function executor for every value: 1.3 s against 0.5 s for
-- the C function itself over 1,000,000 names, paid by the trigram index on names and the words
-- at each import. The unaccent extension's C function, declared IMMUTABLE, makes the wrapper
-- inlinable. Called with one argument it reads the dictionary named unaccent of its own schema:
-- it lives in public beside the extension's dictionary (public.unaccent, the one the wrapper
-- named), whatever schema the project runs in; so the results, and the indexes on them, stay
-- the same. Declaring a C function takes a superuser: for anyone else the wrapper stays as it
-- was. The lock is the migration runner's (schemas migrated side by side share public).
do $$
begin
  perform pg_advisory_xact_lock(53053053);
  create or replace function public.immutable_unaccent_c(text) returns text
    language c immutable strict parallel safe
    as '$libdir/unaccent', 'unaccent_dict';
  create or replace function immutable_unaccent(text) returns text
    language sql immutable parallel safe strict
    as $f$ select public.immutable_unaccent_c($1) $f$;
exception when insufficient_privilege then
  null;
end $$;
