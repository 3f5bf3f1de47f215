CREATE TABLE "report_case_facts" (
	"complaint_id" uuid PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"due_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"satisfaction" text,
	"reopen_count" integer NOT NULL,
	"escalation_level" integer NOT NULL,
	"transferred" boolean NOT NULL,
	"repeat" boolean NOT NULL,
	"substantiated" boolean NOT NULL,
	"owner_id" uuid,
	"category" text,
	"causes" text[] NOT NULL,
	"channel" text NOT NULL,
	"business_type" text,
	"kind" text NOT NULL,
	"product" text,
	"source" text NOT NULL,
	"lead_orders" integer NOT NULL,
	"returned_orders" integer NOT NULL,
	"lead_department_id" uuid,
	"department_ids" uuid[] NOT NULL,
	"last_reply_at" timestamp with time zone,
	"first_response_at" timestamp with time zone,
	"inbound_contacts" integer NOT NULL,
	"pauses" jsonb NOT NULL,
	"remedy_fen" bigint NOT NULL,
	"came_back_soon" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_facts_stale" (
	"complaint_id" uuid PRIMARY KEY NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_case_facts" ADD CONSTRAINT "report_case_facts_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_case_facts_received_idx" ON "report_case_facts" USING btree ("received_at");--> statement-breakpoint
-- Marks complaints whose report facts may have changed, in the transaction of the change.
CREATE FUNCTION kesu_mark_facts_stale(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  insert into report_facts_stale (complaint_id)
  select distinct id from unnest(ids) id where id is not null order by id
  on conflict (complaint_id) do update set marked_at = now()
$$;
--> statement-breakpoint
-- A customer's case "came back soon" when another of theirs was received within 14 days after it.
CREATE FUNCTION kesu_mark_came_back(customer uuid, received timestamptz) RETURNS void LANGUAGE sql AS $$
  select kesu_mark_facts_stale(array(
    select c.id from complaints c where c.customer_id = customer
      and c.received_at >= received - interval '14 days' and c.received_at < received))
$$;
--> statement-breakpoint
CREATE FUNCTION kesu_complaint_facts_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kesu_mark_facts_stale(array[NEW.id]);
  IF TG_OP = 'INSERT' OR OLD.customer_id IS DISTINCT FROM NEW.customer_id
     OR OLD.received_at IS DISTINCT FROM NEW.received_at THEN
    PERFORM kesu_mark_came_back(NEW.customer_id, NEW.received_at);
    IF TG_OP = 'UPDATE' THEN
      PERFORM kesu_mark_came_back(OLD.customer_id, OLD.received_at);
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER complaints_facts_inserted AFTER INSERT ON complaints
  FOR EACH ROW EXECUTE FUNCTION kesu_complaint_facts_stale();
--> statement-breakpoint
CREATE TRIGGER complaints_facts_changed AFTER UPDATE ON complaints FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.due_at IS DISTINCT FROM NEW.due_at
    OR OLD.closed_at IS DISTINCT FROM NEW.closed_at OR OLD.received_at IS DISTINCT FROM NEW.received_at
    OR OLD.satisfaction IS DISTINCT FROM NEW.satisfaction OR OLD.reopen_count IS DISTINCT FROM NEW.reopen_count
    OR OLD.escalation_level IS DISTINCT FROM NEW.escalation_level OR OLD.flags IS DISTINCT FROM NEW.flags
    OR OLD.substantiated IS DISTINCT FROM NEW.substantiated OR OLD.owner_id IS DISTINCT FROM NEW.owner_id
    OR OLD.category IS DISTINCT FROM NEW.category OR OLD.causes IS DISTINCT FROM NEW.causes
    OR OLD.channel IS DISTINCT FROM NEW.channel OR OLD.business_type IS DISTINCT FROM NEW.business_type
    OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.complained_product IS DISTINCT FROM NEW.complained_product
    OR OLD.source_type IS DISTINCT FROM NEW.source_type OR OLD.source_hotline IS DISTINCT FROM NEW.source_hotline
    OR OLD.customer_id IS DISTINCT FROM NEW.customer_id)
  EXECUTE FUNCTION kesu_complaint_facts_stale();
--> statement-breakpoint
-- A row of the case's own tables (replies, contacts, orders, reply clocks, remedies) changed.
CREATE FUNCTION kesu_case_row_facts_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kesu_mark_facts_stale(array[NEW.complaint_id,
    CASE WHEN TG_OP = 'UPDATE' THEN OLD.complaint_id END]);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER timeline_facts_replied AFTER INSERT OR UPDATE ON timeline_events FOR EACH ROW
  WHEN (NEW.type = 'replied') EXECUTE FUNCTION kesu_case_row_facts_stale();
--> statement-breakpoint
CREATE TRIGGER contacts_facts AFTER INSERT OR UPDATE ON contacts FOR EACH ROW
  WHEN (NEW.complaint_id IS NOT NULL) EXECUTE FUNCTION kesu_case_row_facts_stale();
--> statement-breakpoint
CREATE TRIGGER work_orders_facts AFTER INSERT OR UPDATE ON work_orders FOR EACH ROW
  EXECUTE FUNCTION kesu_case_row_facts_stale();
--> statement-breakpoint
CREATE TRIGGER sla_clocks_facts AFTER INSERT OR UPDATE OF pauses ON sla_clocks FOR EACH ROW
  WHEN (NEW.name = 'customerReply') EXECUTE FUNCTION kesu_case_row_facts_stale();
--> statement-breakpoint
CREATE TRIGGER remedies_facts AFTER INSERT OR UPDATE ON remedies FOR EACH ROW
  EXECUTE FUNCTION kesu_case_row_facts_stale();
--> statement-breakpoint
CREATE FUNCTION kesu_remedy_reversal_facts_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kesu_mark_facts_stale(array(select r.complaint_id from remedies r where r.id = NEW.remedy_id));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER remedy_reversals_facts AFTER INSERT ON remedy_reversals FOR EACH ROW
  EXECUTE FUNCTION kesu_remedy_reversal_facts_stale();
--> statement-breakpoint
-- Every case there is now gets its facts from the report-facts job, in batches.
INSERT INTO report_facts_stale (complaint_id) SELECT id FROM complaints;
