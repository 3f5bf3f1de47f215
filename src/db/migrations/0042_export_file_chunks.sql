CREATE TABLE "export_file_chunks" (
	"export_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"seq" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "export_file_chunks_export_id_attempt_seq_pk" PRIMARY KEY("export_id","attempt","seq")
);
--> statement-breakpoint
ALTER TABLE "export_file_chunks" ADD CONSTRAINT "export_file_chunks_export_id_export_jobs_id_fk" FOREIGN KEY ("export_id") REFERENCES "public"."export_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Files written before this release lie on the disk of the server that wrote them, which can no
-- longer serve them: let housekeeping delete those exports at its next run.
UPDATE "export_jobs" SET "expires_at" = now() WHERE "status" = 'done';
