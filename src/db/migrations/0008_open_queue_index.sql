-- Every complaint has a deadline; rows from before clocks existed get the bank's 15 days.
UPDATE "complaints" SET "due_at" = "received_at" + interval '15 days' WHERE "due_at" IS NULL;--> statement-breakpoint
ALTER TABLE "complaints" ALTER COLUMN "due_at" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "complaints_open_due_idx" ON "complaints" USING btree ("due_at","id") WHERE status not in ('closed', 'withdrawn', 'merged');