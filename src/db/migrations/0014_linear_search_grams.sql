-- The same keys as 0013, found in one pass. 0013 took each pair with substr(lower(t), i, 2):
-- lower() of the whole text per pair, and substr walking from the start of multibyte text each
-- time, so the cost grew with the square of the text's length. Every write of a complaint's row
-- recomputes its keys (a generated column), a note included: 1.2 ms a typical complaint, 250 ms
-- one with a long history of notes (1,850 characters). Lower-cased once and split into
-- characters, each paired with the next: 0.3 ms and 3–6 ms (100k bench data, 2-core machine).
CREATE OR REPLACE FUNCTION kesu_search_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}')
  FROM (
    SELECT ch || lead(ch) OVER (ORDER BY n) AS g
    FROM unnest(string_to_array(lower(t), NULL)) WITH ORDINALITY AS chars(ch, n)
    UNION ALL
    SELECT substr(run[1], i, 4)
    FROM regexp_matches(t, '[0-9]{4,}', 'g') AS run, generate_series(1, char_length(run[1]) - 3) AS i
  ) AS grams
  WHERE g !~ '\s'
$$;
