-- The rollup is rebuilt with its durations in buckets: emptied here, its new layout starts it over.
TRUNCATE "report_rollup", "report_rollup_durations";--> statement-breakpoint
DROP INDEX "report_rollup_durations_grouping_day_idx";--> statement-breakpoint
ALTER TABLE "report_rollup" ADD COLUMN "buckets" integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "report_rollup_durations" ADD COLUMN "bucket" smallint NOT NULL;--> statement-breakpoint
CREATE INDEX "report_rollup_durations_bucket_idx" ON "report_rollup_durations" USING btree ("grouping","key","kpi","bucket","day");