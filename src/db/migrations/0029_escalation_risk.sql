-- 越级投诉风险 stored on the complaint, scored again with every change (server/case/case-risk.ts).
-- Existing rows stay unscored (risk_level null) here: the rule lives in TypeScript, so the
-- risk-backfill job scores them in batches right after start instead of holding up the migration.
CREATE TABLE "escalation_risk_settings" (
	"id" text PRIMARY KEY NOT NULL,
	"words" text[] NOT NULL,
	"high_risk_severity" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "risk_level" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "risk_score" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "risk_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "complaints_open_risk_idx" ON "complaints" USING btree ("risk_level","due_at","id") WHERE status not in ('closed', 'withdrawn', 'merged');--> statement-breakpoint
CREATE INDEX "complaints_unscored_risk_idx" ON "complaints" USING btree ("id") WHERE risk_level is null;