ALTER TABLE "complaints" ADD COLUMN "risk_recheck_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "complaints_open_risk_score_idx" ON "complaints" USING btree ((-risk_score),"due_at","id") WHERE status not in ('closed', 'withdrawn', 'merged');--> statement-breakpoint
CREATE INDEX "complaints_risk_recheck_idx" ON "complaints" USING btree ("risk_recheck_at") WHERE risk_recheck_at is not null;--> statement-breakpoint
-- Open cases already counting repeated contacts are due now: the risk-rescore job's first run
-- scores each again and stores when its oldest contact leaves the 30-day window.
UPDATE "complaints" SET "risk_recheck_at" = now()
WHERE status not in ('closed', 'withdrawn', 'merged')
  AND risk_reasons @> '[{"code": "repeated_contacts"}]';
