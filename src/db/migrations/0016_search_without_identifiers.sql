-- What a search may match for a role that sees phone, ID and account numbers masked: the
-- searchable text without any identifier written in it, so no term can match some of their
-- digits and not others. The same tokens as maskIdentifiersInText() in src/domain/customer/masking.ts
-- (a run of seven or more digits, maybe grouped, not after a letter, digit or dash), each replaced
-- by a space so the text on either side does not join.
CREATE FUNCTION kesu_without_identifiers(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT string_agg(
    part || CASE WHEN char_length(regexp_replace(coalesce(token, ''), '[^0-9Xx]', '', 'g')) >= 7
                 THEN ' ' ELSE coalesce(token, '') END,
    '' ORDER BY i)
  FROM unnest(
    regexp_split_to_array(t, '(?<![0-9A-Za-z-])[0-9]{3,}(?:[ -][0-9]{3,})*[Xx]?(?![0-9])'),
    ARRAY(SELECT m[1] FROM regexp_matches(t, '((?<![0-9A-Za-z-])[0-9]{3,}(?:[ -][0-9]{3,})*[Xx]?(?![0-9]))', 'g') AS m)
  ) WITH ORDINALITY AS x(part, token, i)
$$;
