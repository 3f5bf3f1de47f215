CREATE TABLE "report_rollup_month" (
	"day" date NOT NULL,
	"grouping" text NOT NULL,
	"key" text,
	"sums" bigint[] NOT NULL,
	"open_count" integer NOT NULL,
	"open_first" timestamp with time zone,
	"late_day" date[] NOT NULL,
	"late_count" integer[] NOT NULL,
	"late_first" timestamp with time zone[] NOT NULL,
	"buckets" integer[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_rollup_months" (
	"month" date PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX "report_rollup_month_grouping_day_idx" ON "report_rollup_month" USING btree ("grouping","day");