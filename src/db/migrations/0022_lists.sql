CREATE TABLE "saved_view_presets" (
	"user_id" uuid NOT NULL,
	"preset" text NOT NULL,
	"given_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_view_presets_user_id_preset_pk" PRIMARY KEY("user_id","preset")
);
--> statement-breakpoint
ALTER TABLE "saved_views" ADD COLUMN "columns" text[];--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "finished_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "saved_view_presets" ADD CONSTRAINT "saved_view_presets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sla_clocks_fired_idx" ON "sla_clocks" USING btree ("complaint_id") WHERE stopped_at is null and (warned_at is not null or breached_at is not null);--> statement-breakpoint
CREATE INDEX "work_orders_department_finished_idx" ON "work_orders" USING btree ("department_id","status","finished_at");--> statement-breakpoint
-- Orders finished before this migration: a result's time is its completed_at; a return's and a
-- cancellation's are on the timeline (the department's 退单, the case withdrawn or merged).
UPDATE "work_orders" SET "finished_at" = "completed_at" WHERE "status" = 'completed';--> statement-breakpoint
UPDATE "work_orders" w SET "finished_at" = e."at"
FROM (
  SELECT DISTINCT ON ((data->>'workOrderId')) (data->>'workOrderId') AS work_order_id, "at"
  FROM "timeline_events" WHERE "type" = 'work_order_returned'
  ORDER BY (data->>'workOrderId'), "id"
) e
WHERE w."status" = 'returned' AND e.work_order_id = w."id"::text;--> statement-breakpoint
UPDATE "work_orders" w SET "finished_at" = coalesce(
  (SELECT min(e."at") FROM "timeline_events" e
   WHERE e."complaint_id" = w."complaint_id" AND e."type" IN ('withdrawn', 'merged')
     AND e."at" >= w."dispatched_at"),
  w."dispatched_at")
WHERE w."status" = 'cancelled';--> statement-breakpoint
UPDATE "work_orders" SET "finished_at" = "dispatched_at" WHERE "status" = 'returned' AND "finished_at" IS NULL;
