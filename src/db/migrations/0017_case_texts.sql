-- What people write on a case after intake (a note, a reply, a contact's summary) is searchable in
-- rows of its own. Until now replies and notes were folded into the complaint's search_text, so
-- every note rewrote the complaint's row: a non-HOT update with an entry in every index and
-- 130–165 GIN keys, half the database time of the benchmark's mixed workload (docs/scaling.md).
-- A note now inserts one case_texts row with its own few dozen keys; contacts, never searchable
-- before, are searchable the same way.
--
-- The searchable words of a timeline event, or null: one definition for the server's timeline
-- writer, this backfill and the bench data generator.
CREATE FUNCTION kesu_event_text(type text, data jsonb) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE type
    WHEN 'note' THEN data->>'text'
    WHEN 'replied' THEN data->>'message'
    WHEN 'contact' THEN data->>'summary'
  END
$$;
--> statement-breakpoint
CREATE TABLE "case_texts" (
	"event_id" bigint PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL,
	"complaint_created_at" timestamp with time zone NOT NULL,
	"text" text NOT NULL,
	"search_grams" text[] GENERATED ALWAYS AS (kesu_search_grams(text)) STORED
);
--> statement-breakpoint
-- Every note, reply and contact written so far, before the indexes (built once, not row by row).
INSERT INTO "case_texts" ("event_id", "complaint_id", "complaint_created_at", "text")
  SELECT e.id, e.complaint_id, c.created_at, kesu_event_text(e.type, e.data)
  FROM timeline_events e JOIN complaints c ON c.id = e.complaint_id
  WHERE e.type IN ('note', 'replied', 'contact') AND kesu_event_text(e.type, e.data) IS NOT NULL;
--> statement-breakpoint
ALTER TABLE "case_texts" ADD CONSTRAINT "case_texts_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_texts_search_grams_idx" ON "case_texts" USING gin ("search_grams") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "case_texts_complaint_idx" ON "case_texts" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "case_texts_complaint_created_idx" ON "case_texts" USING btree ("complaint_created_at");--> statement-breakpoint
-- The complaint's own search text: what intake and an edit write, and its customer's name and phone.
CREATE OR REPLACE FUNCTION kesu_search_text(complaint uuid) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT concat_ws(' ', c.number, cu.name, cu.phone, c.subject, c.description, c.demand)
  FROM complaints c JOIN customers cu ON cu.id = c.customer_id
  WHERE c.id = complaint
$$;
--> statement-breakpoint
-- Replies and notes leave the complaints' text (they are in case_texts now): the rows that held
-- any are rewritten, with the search index rebuilt after rather than kept up row by row (at 100k
-- bench complaints 176 s with the index in place, under a minute so).
DROP INDEX "complaints_search_grams_idx";--> statement-breakpoint
UPDATE complaints SET search_text = kesu_search_text(id)
WHERE id IN (SELECT complaint_id FROM timeline_events WHERE type IN ('note', 'replied'));
--> statement-breakpoint
CREATE INDEX "complaints_search_grams_idx" ON "complaints" USING gin ("search_grams") WITH (fastupdate=false);--> statement-breakpoint
-- The planner weighs a search by how common its keys are (the columns' element statistics).
ANALYZE complaints, case_texts;
