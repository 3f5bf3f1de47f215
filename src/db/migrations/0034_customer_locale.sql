ALTER TABLE "customers" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "transfer_sources" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- The language kesu writes to a customer in: intake (the portal, in the language the customer
-- filed in) may fill it like any other blank of a known customer; it never overwrites one. The
-- function is migration 0029's (risk scored at intake) with the customer's locale added.
CREATE OR REPLACE FUNCTION kesu_create_complaint(complaint jsonb, customer jsonb, events jsonb, time_zone text)
RETURNS TABLE (new_id uuid, new_customer_id uuid, new_events jsonb) LANGUAGE plpgsql AS $$
DECLARE
  given complaints := jsonb_populate_record(NULL::complaints, complaint);
  created complaints;
BEGIN
  IF customer IS NOT NULL THEN
    -- Identifiers the agent adds later fill blanks; they never overwrite what is on record.
    INSERT INTO customers AS cu (name, phone, id_number, account_no, email, address, locale)
    SELECT r.name, r.phone, r.id_number, r.account_no, r.email, r.address, r.locale
    FROM jsonb_populate_record(NULL::customers, customer) r
    ON CONFLICT (phone) DO UPDATE SET
      id_number = coalesce(cu.id_number, excluded.id_number),
      account_no = coalesce(cu.account_no, excluded.account_no),
      email = coalesce(cu.email, excluded.email),
      address = coalesce(cu.address, excluded.address),
      locale = coalesce(cu.locale, excluded.locale),
      -- A blank that intake filled is a change: a concurrent edit on the old version must conflict.
      version = cu.version + CASE WHEN
        (cu.id_number IS NULL AND excluded.id_number IS NOT NULL) OR
        (cu.account_no IS NULL AND excluded.account_no IS NOT NULL) OR
        (cu.email IS NULL AND excluded.email IS NOT NULL) OR
        (cu.address IS NULL AND excluded.address IS NOT NULL) OR
        (cu.locale IS NULL AND excluded.locale IS NOT NULL) THEN 1 ELSE 0 END,
      updated_at = now()
    RETURNING cu.id INTO given.customer_id;
  END IF;
  -- A complaint from the same customer within 90 days is flagged as a repeat.
  IF EXISTS (SELECT FROM complaints c
             WHERE c.customer_id = given.customer_id
               AND c.created_at > now() - make_interval(days => 90)) THEN
    given.flags := given.flags || '{repeat}'::text[];
  END IF;
  INSERT INTO complaints AS c (
    number, kind, channel, source_type, source_hotline, source_external_no,
    source_external_due_at, customer_id, subject, description, demand, demand_amount, category,
    business_type, causes, severity, mentality, complained_branch, complained_employee,
    complained_product, flags, owner_id, status, due_at, received_at, created_by_id,
    risk_level, risk_score, risk_reasons)
  VALUES (
    -- KS + the day + a serial of at least six digits: padded, never cut (lpad alone also
    -- truncates, and past the millionth complaint every number would repeat an earlier one).
    'KS' || to_char(now() AT TIME ZONE time_zone, 'YYYYMMDD') || '-'
      || (SELECT lpad(n, greatest(6, length(n)), '0')
          FROM (SELECT nextval('complaint_number_seq')::text AS n) serial),
    given.kind, given.channel, given.source_type, given.source_hotline, given.source_external_no,
    given.source_external_due_at, given.customer_id, given.subject, given.description,
    given.demand, given.demand_amount, given.category, given.business_type, given.causes,
    given.severity, given.mentality, given.complained_branch, given.complained_employee,
    given.complained_product, given.flags, given.owner_id, given.status, given.due_at,
    given.received_at, given.created_by_id,
    given.risk_level, coalesce(given.risk_score, 0), coalesce(given.risk_reasons, '[]'::jsonb))
  RETURNING c.* INTO created;
  UPDATE complaints c SET search_text = kesu_search_text(c.id) WHERE c.id = created.id;
  RETURN QUERY SELECT created.id, created.customer_id, jsonb_agg(
    e || jsonb_build_object('complaintId', created.id, 'data', CASE WHEN e->>'type' = 'created'
      THEN e->'data' || jsonb_build_object('number', created.number, 'flags', created.flags)
      ELSE e->'data' END)
    ORDER BY i)
  FROM jsonb_array_elements(events) WITH ORDINALITY AS x(e, i);
END
$$;
