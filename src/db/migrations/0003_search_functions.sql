-- Chinese search without a search server. Every two neighbouring characters of a complaint's
-- searchable text (lower-cased, whitespace pairs left out) become one entry of an array with a
-- GIN index; a query term's pairs must all be present (a fast candidate filter), then LIKE on the
-- text itself confirms the exact substring, so results equal a plain substring scan.
CREATE FUNCTION kesu_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}')
  FROM (SELECT substr(lower(t), i, 2) AS g FROM generate_series(1, char_length(t) - 1) AS i) AS pairs
  WHERE g !~ '\s'
$$;
--> statement-breakpoint
-- What a search looks in: number, customer name and phone, subject, description, demand, replies
-- and notes. One definition, used by the server after each change and by bulk loads.
CREATE FUNCTION kesu_search_text(complaint uuid) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT concat_ws(' ', c.number, cu.name, cu.phone, c.subject, c.description, c.demand,
    (SELECT string_agg(coalesce(e.data->>'message', e.data->>'text'), ' ' ORDER BY e.id)
       FROM timeline_events e WHERE e.complaint_id = c.id AND e.type IN ('replied', 'note')))
  FROM complaints c JOIN customers cu ON cu.id = c.customer_id
  WHERE c.id = complaint
$$;
