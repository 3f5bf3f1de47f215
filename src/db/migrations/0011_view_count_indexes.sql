CREATE INDEX "complaints_open_owner_due_idx" ON "complaints" USING btree ("owner_id","due_at") WHERE status not in ('closed', 'withdrawn', 'merged');--> statement-breakpoint
CREATE INDEX "complaints_open_id_idx" ON "complaints" USING btree ("id") WHERE status not in ('closed', 'withdrawn', 'merged');--> statement-breakpoint
CREATE INDEX "work_orders_department_complaint_idx" ON "work_orders" USING btree ("department_id","complaint_id");--> statement-breakpoint
DROP INDEX "complaints_open_due_idx";--> statement-breakpoint
CREATE INDEX "complaints_open_due_idx" ON "complaints" USING btree ("due_at","id") INCLUDE ("kind","category") WHERE status not in ('closed', 'withdrawn', 'merged');
