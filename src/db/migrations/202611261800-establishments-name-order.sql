-- A search with neither words nor place lists the directory by name: this index lets it read the
-- first establishments in order instead of sorting every match.
create index establishments_name_idx on establishments (name, siret);
