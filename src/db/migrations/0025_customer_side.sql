CREATE TABLE "customer_message_templates" (
	"event" text NOT NULL,
	"locale" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_message_templates_event_locale_pk" PRIMARY KEY("event","locale")
);
--> statement-breakpoint
CREATE TABLE "portal_access" (
	"complaint_id" uuid PRIMARY KEY NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_codes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"phone" text NOT NULL,
	"code_hash" text NOT NULL,
	"address" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "portal_hits" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL,
	"after" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"satisfaction" text,
	"comment" text
);
--> statement-breakpoint
ALTER TABLE "customer_message_templates" ADD CONSTRAINT "customer_message_templates_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_access" ADD CONSTRAINT "portal_access_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "portal_codes_phone_idx" ON "portal_codes" USING btree ("phone","created_at");--> statement-breakpoint
CREATE INDEX "portal_hits_key_idx" ON "portal_hits" USING btree ("key","at");--> statement-breakpoint
CREATE INDEX "surveys_complaint_idx" ON "surveys" USING btree ("complaint_id","created_at");--> statement-breakpoint
-- 网上门户: complaints the customer files at /portal come in on a channel of their own.
INSERT INTO taxonomy_terms (list, code, label_zh, label_en, sort_order)
VALUES ('channel', 'portal', '网上门户', 'Customer portal', 110)
ON CONFLICT DO NOTHING;--> statement-breakpoint
-- The portal's own staff record: what customers file there is created by it and what kesu sends
-- them is recorded under it. It cannot sign in (inactive, and no password hashes to '!').
INSERT INTO users (username, display_name, agent_no, role, password_hash, active)
VALUES ('kesu-portal', '网上门户', 'PORTAL', 'agent', '!', false)
ON CONFLICT DO NOTHING;
