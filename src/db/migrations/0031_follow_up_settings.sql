CREATE TABLE "service_settings" (
	"id" text PRIMARY KEY NOT NULL,
	"follow_up_by_owner" boolean DEFAULT false NOT NULL,
	"unreachable_attempts" integer DEFAULT 3 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_settings_attempts_check" CHECK ("service_settings"."unreachable_attempts" between 1 and 20)
);
--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "close_reason_code" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_outcome_check" CHECK ("outcome" in ('reached', 'unreachable'));--> statement-breakpoint
INSERT INTO "service_settings" ("id") VALUES ('default') ON CONFLICT DO NOTHING;
