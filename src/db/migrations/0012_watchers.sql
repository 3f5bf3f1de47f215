CREATE TABLE "complaint_watchers" (
	"complaint_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_watchers_complaint_id_user_id_pk" PRIMARY KEY("complaint_id","user_id")
);
--> statement-breakpoint
DROP INDEX "complaints_search_idx";--> statement-breakpoint
ALTER TABLE "complaint_watchers" ADD CONSTRAINT "complaint_watchers_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_watchers" ADD CONSTRAINT "complaint_watchers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_watchers_user_idx" ON "complaint_watchers" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "complaints" DROP COLUMN "search_bigrams";