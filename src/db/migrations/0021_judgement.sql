ALTER TABLE "complaints" ADD COLUMN "complaint_type" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "finding_note" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "finding_by_id" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "finding_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_finding_by_id_users_id_fk" FOREIGN KEY ("finding_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;