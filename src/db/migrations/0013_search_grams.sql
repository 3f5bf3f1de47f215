-- Search keys: every two neighbouring characters (as in 0003), plus every four neighbouring digits
-- of a digit run. Digit pairs are only a hundred values, each in most complaints, so a phone or
-- card number used to intersect ten posting lists of most of the table; its 4-grams are rare.
CREATE FUNCTION kesu_search_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}')
  FROM (
    SELECT substr(lower(t), i, 2) AS g FROM generate_series(1, char_length(t) - 1) AS i
    UNION ALL
    SELECT substr(run[1], i, 4)
    FROM regexp_matches(t, '[0-9]{4,}', 'g') AS run, generate_series(1, char_length(run[1]) - 3) AS i
  ) AS grams
  WHERE g !~ '\s'
$$;
--> statement-breakpoint
-- The keys a search term asks the index for: all of them must be a complaint's keys for its text
-- to hold the term. A term with four digits in a row leaves out its digit pairs: its 4-grams
-- say more, and the frequent pairs would only slow the intersection.
CREATE FUNCTION kesu_query_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(g), '{}')
  FROM unnest(kesu_search_grams(t)) AS g
  WHERE NOT (t ~ '[0-9]{4}' AND g ~ '^[0-9]{2}$')
$$;
--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "search_grams" text[] GENERATED ALWAYS AS (kesu_search_grams(search_text)) STORED;--> statement-breakpoint
CREATE INDEX "complaints_search_grams_idx" ON "complaints" USING gin ("search_grams") WITH (fastupdate=false);--> statement-breakpoint
DROP FUNCTION kesu_bigrams(text);
--> statement-breakpoint
-- The planner weighs a search by how common its keys are (the column's element statistics);
-- a rewritten column has none until analysed.
ANALYZE complaints;
