CREATE TABLE "suggestion_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trained_at" timestamp with time zone DEFAULT now() NOT NULL,
	"trigger" text NOT NULL,
	"trained_by_id" uuid,
	"cases_used" integer NOT NULL,
	"held_out" integer NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"accuracy" jsonb NOT NULL,
	"model" jsonb
);
--> statement-breakpoint
ALTER TABLE "suggestion_models" ADD CONSTRAINT "suggestion_models_trained_by_id_users_id_fk" FOREIGN KEY ("trained_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "suggestion_models_trained_idx" ON "suggestion_models" USING btree ("trained_at");