-- The same words by cell as 202611261704, about three times cheaper to compute (building the
-- index at import: 5.1 → 3.4 s on 700,000 active rows). The former body called array_to_string,
-- which PostgreSQL declares STABLE, so this IMMUTABLE function was never inlined and ran the
-- SQL-function executor for every row. This body is immutable throughout and inlined: it edits the
-- text form of the stripped vector, 'a' 'b' → '4835#a' '4835#b', and reads it back. In that form
-- a quote inside a lexeme is doubled, so when no lexeme holds one every quote delimits and each
-- ' ' is a boundary; otherwise (never seen from to_tsvector) a regular expression that reads the
-- doubled quotes does the same, more slowly. Same lexemes for every row (checked on 1,000,000
-- rows and on lexemes holding quotes, backslashes and spaces): the index stays valid, and the
-- search keeps calling this function with the same arguments.
create or replace function establishment_geo_lexemes(search tsvector, lat double precision, lon double precision)
  returns tsvector
  language sql immutable parallel safe
  as $$
    select case when lat is null or lon is null or length(search) = 0 then ''::tsvector
      when strpos(strip(search)::text, '''''') = 0 then
        ('''' || (floor(lat * 10)::int * 10000 + floor(lon * 6)::int + 5000)::text || '#'
          || replace(substr(strip(search)::text, 2), ''' ''',
               ''' ''' || (floor(lat * 10)::int * 10000 + floor(lon * 6)::int + 5000)::text || '#'))::tsvector
      else regexp_replace(strip(search)::text, '''((?:[^'']|'''')+)''',
        '''' || (floor(lat * 10)::int * 10000 + floor(lon * 6)::int + 5000)::text || '#\1''', 'g')::tsvector end
  $$;
