CREATE TABLE "authority_limits" (
	"role" text NOT NULL,
	"type" text NOT NULL,
	"per_case_fen" bigint,
	"monthly_fen" bigint,
	CONSTRAINT "authority_limits_role_type_pk" PRIMARY KEY("role","type"),
	CONSTRAINT "authority_limits_fen_check" CHECK (per_case_fen >= 0 and monthly_fen >= 0)
);
--> statement-breakpoint
CREATE TABLE "remedies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"type" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"requested_by_id" uuid NOT NULL,
	"approver_role" text,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "remedies_amount_fen_check" CHECK (amount_fen >= 0),
	CONSTRAINT "remedies_status_check" CHECK (status in ('granted', 'pending_approval', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "remedy_reversals" (
	"remedy_id" uuid PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"reversed_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD COLUMN "remedy_id" uuid;--> statement-breakpoint
ALTER TABLE "remedies" ADD CONSTRAINT "remedies_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remedies" ADD CONSTRAINT "remedies_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remedies" ADD CONSTRAINT "remedies_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remedy_reversals" ADD CONSTRAINT "remedy_reversals_remedy_id_remedies_id_fk" FOREIGN KEY ("remedy_id") REFERENCES "public"."remedies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remedy_reversals" ADD CONSTRAINT "remedy_reversals_reversed_by_id_users_id_fk" FOREIGN KEY ("reversed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "remedies_complaint_idx" ON "remedies" USING btree ("complaint_id","created_at");--> statement-breakpoint
CREATE INDEX "remedies_created_idx" ON "remedies" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "remedies_decider_idx" ON "remedies" USING btree ("decided_by_id","type","decided_at");--> statement-breakpoint
CREATE INDEX "remedies_status_idx" ON "remedies" USING btree ("status","created_at");--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_remedy_id_remedies_id_fk" FOREIGN KEY ("remedy_id") REFERENCES "public"."remedies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A remedy is money given: once decided its row is history, as the timeline is (0001). Only a
-- pending remedy changes, once, when it is approved or rejected; a reversal is a row of its own
-- and never changes either. The database itself refuses anything else.
CREATE FUNCTION kesu_refuse_decided_remedy_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status = 'pending_approval' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'kesu: a decided remedy never changes' USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER remedies_decided_unchanged BEFORE UPDATE OR DELETE ON remedies
  FOR EACH ROW EXECUTE FUNCTION kesu_refuse_decided_remedy_change();
--> statement-breakpoint
CREATE TRIGGER remedies_no_truncate BEFORE TRUNCATE ON remedies
  FOR EACH STATEMENT EXECUTE FUNCTION kesu_refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER remedy_reversals_append_only BEFORE UPDATE OR DELETE ON remedy_reversals
  FOR EACH ROW EXECUTE FUNCTION kesu_refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER remedy_reversals_no_truncate BEFORE TRUNCATE ON remedy_reversals
  FOR EACH STATEMENT EXECUTE FUNCTION kesu_refuse_history_change();
