CREATE TABLE "quality_case_complaints" (
	"case_id" uuid NOT NULL,
	"complaint_id" uuid NOT NULL,
	"linked_by_id" uuid NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quality_case_complaints_case_id_complaint_id_pk" PRIMARY KEY("case_id","complaint_id"),
	CONSTRAINT "quality_case_complaints_complaint_unique" UNIQUE("complaint_id")
);
--> statement-breakpoint
CREATE TABLE "quality_case_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"type" text NOT NULL,
	"discipline" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_agent_no" text,
	"actor_name" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_case_steps" (
	"case_id" uuid NOT NULL,
	"discipline" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"owner_id" uuid,
	"due_at" timestamp with time zone NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by_id" uuid,
	"submitted_at" timestamp with time zone,
	"approved_by_id" uuid,
	"approved_at" timestamp with time zone,
	"sent_back_comment" text,
	CONSTRAINT "quality_case_steps_case_id_discipline_pk" PRIMARY KEY("case_id","discipline"),
	CONSTRAINT "quality_case_steps_status_check" CHECK (status in ('draft', 'submitted', 'approved', 'sent_back'))
);
--> statement-breakpoint
CREATE TABLE "quality_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"product" text NOT NULL,
	"model" text,
	"batch" text,
	"serials" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "quality_cases_number_unique" UNIQUE("number"),
	CONSTRAINT "quality_cases_status_check" CHECK (status in ('open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "quality_due_policies" (
	"id" text PRIMARY KEY NOT NULL,
	"targets" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sla_clocks" ALTER COLUMN "complaint_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD COLUMN "quality_case_id" uuid;--> statement-breakpoint
ALTER TABLE "quality_case_complaints" ADD CONSTRAINT "quality_case_complaints_case_id_quality_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."quality_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_case_complaints" ADD CONSTRAINT "quality_case_complaints_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_case_complaints" ADD CONSTRAINT "quality_case_complaints_linked_by_id_users_id_fk" FOREIGN KEY ("linked_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_case_events" ADD CONSTRAINT "quality_case_events_case_id_quality_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."quality_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_case_events" ADD CONSTRAINT "quality_case_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_case_steps" ADD CONSTRAINT "quality_case_steps_case_id_quality_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."quality_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_case_steps" ADD CONSTRAINT "quality_case_steps_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_case_steps" ADD CONSTRAINT "quality_case_steps_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_case_steps" ADD CONSTRAINT "quality_case_steps_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_case_steps" ADD CONSTRAINT "quality_case_steps_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_cases" ADD CONSTRAINT "quality_cases_opened_by_id_users_id_fk" FOREIGN KEY ("opened_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quality_case_events_case_idx" ON "quality_case_events" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "quality_cases_status_idx" ON "quality_cases" USING btree ("status","created_at");--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_quality_case_id_quality_cases_id_fk" FOREIGN KEY ("quality_case_id") REFERENCES "public"."quality_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sla_clocks_quality_case_idx" ON "sla_clocks" USING btree ("quality_case_id") WHERE quality_case_id is not null;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_subject_check" CHECK ((complaint_id is null) <> (quality_case_id is null));--> statement-breakpoint
-- An 8D's timeline is history, as a complaint's is (0001).
CREATE TRIGGER quality_case_events_append_only BEFORE UPDATE OR DELETE ON quality_case_events
  FOR EACH ROW EXECUTE FUNCTION kesu_refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER quality_case_events_no_truncate BEFORE TRUNCATE ON quality_case_events
  FOR EACH STATEMENT EXECUTE FUNCTION kesu_refuse_history_change();
