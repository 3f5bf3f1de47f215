CREATE TABLE "inbound_mails" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"message_id" text NOT NULL,
	"sender" text,
	"subject" text,
	"outcome" text NOT NULL,
	"complaint_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transfer_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"hotline" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"webhook_secret" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transfer_sources_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "call_id" text;--> statement-breakpoint
ALTER TABLE "inbound_mails" ADD CONSTRAINT "inbound_mails_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_mails_message_id_uq" ON "inbound_mails" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "inbound_mails_complaint_idx" ON "inbound_mails" USING btree ("complaint_id") WHERE complaint_id is not null;--> statement-breakpoint
-- Seed 001: every department that hears a complaint hands it to the complaint center (转客服中心).
INSERT INTO taxonomy_terms (list, code, label_zh, label_en, sort_order)
VALUES ('channel', 'department', '部门转交', 'Logged by a department', 130)
ON CONFLICT DO NOTHING;
