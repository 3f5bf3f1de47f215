-- A history import replays each earlier case's steps at their own times: it sets kesu.event_time
-- in its transaction, and the timeline rows written then carry that time instead of now().
CREATE FUNCTION kesu_event_time() RETURNS timestamptz LANGUAGE sql STABLE AS $$
  SELECT coalesce(nullif(current_setting('kesu.event_time', true), '')::timestamptz, now())
$$;--> statement-breakpoint
CREATE TABLE "imported_cases" (
	"system" text NOT NULL,
	"legacy_no" text NOT NULL,
	"complaint_id" uuid NOT NULL,
	"imported_by_id" uuid NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "imported_cases_system_legacy_no_pk" PRIMARY KEY("system","legacy_no"),
	CONSTRAINT "imported_cases_complaint_id_unique" UNIQUE("complaint_id")
);
--> statement-breakpoint
ALTER TABLE "timeline_events" ALTER COLUMN "at" SET DEFAULT kesu_event_time();--> statement-breakpoint
ALTER TABLE "contacts" ALTER COLUMN "at" SET DEFAULT kesu_event_time();--> statement-breakpoint
ALTER TABLE "imported_cases" ADD CONSTRAINT "imported_cases_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imported_cases" ADD CONSTRAINT "imported_cases_imported_by_id_users_id_fk" FOREIGN KEY ("imported_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;