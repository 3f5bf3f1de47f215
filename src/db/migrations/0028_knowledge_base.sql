-- The text an article is found by (its keys and the exact confirmation read the same words):
-- title, tags and body. Declared immutable so a generated column may use it; array_to_string is
-- only stable in general, but of a text[] it depends on nothing but its input.
CREATE FUNCTION kesu_article_text(title text, tags text[], body text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT title || ' ' || array_to_string(tags, ' ') || ' ' || body
$$;
--> statement-breakpoint
CREATE TABLE "knowledge_article_versions" (
	"article_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"category" text,
	"tags" text[] NOT NULL,
	"effective_from" timestamp with time zone,
	"effective_to" timestamp with time zone,
	"must_read" boolean NOT NULL,
	"changed" jsonb NOT NULL,
	"changed_by_id" uuid NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_article_versions_article_id_version_pk" PRIMARY KEY("article_id","version")
);
--> statement-breakpoint
CREATE TABLE "knowledge_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"category" text,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"effective_from" timestamp with time zone,
	"effective_to" timestamp with time zone,
	"must_read" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_grams" text[] GENERATED ALWAYS AS (kesu_search_grams(kesu_article_text(title, tags, body))) STORED,
	CONSTRAINT "knowledge_articles_kind_check" CHECK (kind in ('policy', 'procedure', 'faq', 'talk_track'))
);
--> statement-breakpoint
CREATE TABLE "knowledge_reads" (
	"article_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_reads_article_id_user_id_pk" PRIMARY KEY("article_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "knowledge_article_versions" ADD CONSTRAINT "knowledge_article_versions_article_id_knowledge_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."knowledge_articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_versions" ADD CONSTRAINT "knowledge_article_versions_changed_by_id_users_id_fk" FOREIGN KEY ("changed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_reads" ADD CONSTRAINT "knowledge_reads_article_id_knowledge_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."knowledge_articles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_reads" ADD CONSTRAINT "knowledge_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knowledge_articles_search_grams_idx" ON "knowledge_articles" USING gin ("search_grams") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "knowledge_articles_must_read_idx" ON "knowledge_articles" USING btree ("updated_at") WHERE must_read;--> statement-breakpoint
CREATE INDEX "knowledge_reads_user_idx" ON "knowledge_reads" USING btree ("user_id");
--> statement-breakpoint
-- An article's history is append-only, like the timeline: an old wording is evidence of what
-- agents were told to say at the time.
CREATE TRIGGER knowledge_article_versions_append_only BEFORE UPDATE OR DELETE ON knowledge_article_versions
  FOR EACH ROW EXECUTE FUNCTION kesu_refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER knowledge_article_versions_no_truncate BEFORE TRUNCATE ON knowledge_article_versions
  FOR EACH STATEMENT EXECUTE FUNCTION kesu_refuse_history_change();
