CREATE TABLE "report_rollup_durations_month" (
	"day" date NOT NULL,
	"grouping" text NOT NULL,
	"key" text,
	"kpi" text NOT NULL,
	"bucket" smallint NOT NULL,
	"ms" double precision[] NOT NULL
);
--> statement-breakpoint
CREATE INDEX "report_rollup_durations_month_bucket_idx" ON "report_rollup_durations_month" USING btree ("grouping","key","kpi","bucket","day");--> statement-breakpoint
-- Months built before their durations were kept by month are built again, with them.
DELETE FROM "report_rollup_month";--> statement-breakpoint
DELETE FROM "report_rollup_months";