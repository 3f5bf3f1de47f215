CREATE TABLE "routing_queue" (
	"complaint_id" uuid PRIMARY KEY NOT NULL,
	"group_id" uuid NOT NULL,
	"from_owner_id" uuid,
	"held" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skill_group_members" (
	"group_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "skill_group_members_group_id_user_id_pk" PRIMARY KEY("group_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "skill_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"categories" text[] DEFAULT '{}' NOT NULL,
	"business_types" text[] DEFAULT '{}' NOT NULL,
	"sources" text[] DEFAULT '{}' NOT NULL,
	"severities" text[] DEFAULT '{}' NOT NULL,
	"rule" text DEFAULT 'round_robin' NOT NULL,
	"cap_per_person" integer,
	"reassign_after_minutes" integer,
	"reassign_mode" text DEFAULT 'supervisor' NOT NULL,
	"cursor" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skill_groups_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "staff_duty" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"state" text DEFAULT 'offline' NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_duty_state_check" CHECK ("staff_duty"."state" in ('online', 'break', 'offline'))
);
--> statement-breakpoint
ALTER TABLE "routing_queue" ADD CONSTRAINT "routing_queue_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_queue" ADD CONSTRAINT "routing_queue_group_id_skill_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."skill_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_queue" ADD CONSTRAINT "routing_queue_from_owner_id_users_id_fk" FOREIGN KEY ("from_owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_group_members" ADD CONSTRAINT "skill_group_members_group_id_skill_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."skill_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_group_members" ADD CONSTRAINT "skill_group_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_duty" ADD CONSTRAINT "staff_duty_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "routing_queue_group_idx" ON "routing_queue" USING btree ("group_id","created_at");--> statement-breakpoint
CREATE INDEX "skill_group_members_user_idx" ON "skill_group_members" USING btree ("user_id");