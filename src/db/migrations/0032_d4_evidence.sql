ALTER TABLE "attachments" ALTER COLUMN "complaint_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "quality_case_id" uuid;--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "root_cause" text;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_quality_case_id_quality_cases_id_fk" FOREIGN KEY ("quality_case_id") REFERENCES "public"."quality_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_quality_case_idx" ON "attachments" USING btree ("quality_case_id");--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_owner_check" CHECK ((complaint_id is not null and quality_case_id is null and root_cause is null) or (complaint_id is null and quality_case_id is not null and root_cause in ('occurrence', 'escape')));