CREATE TABLE "report_rollup" (
	"day" date NOT NULL,
	"grouping" text NOT NULL,
	"key" text,
	"sums" bigint[] NOT NULL,
	"open_count" integer NOT NULL,
	"open_first" timestamp with time zone,
	"late_day" date[] NOT NULL,
	"late_count" integer[] NOT NULL,
	"late_first" timestamp with time zone[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_rollup_durations" (
	"day" date NOT NULL,
	"grouping" text NOT NULL,
	"key" text,
	"kpi" text NOT NULL,
	"ms" double precision[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_rollup_stale" (
	"day" date PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_rollup_state" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"time_zone" text NOT NULL,
	"layout" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "report_rollup_grouping_day_idx" ON "report_rollup" USING btree ("grouping","day");--> statement-breakpoint
CREATE INDEX "report_rollup_durations_grouping_day_idx" ON "report_rollup_durations" USING btree ("grouping","day");