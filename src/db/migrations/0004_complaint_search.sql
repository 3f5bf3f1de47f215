ALTER TABLE "complaints" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "search_bigrams" text[] GENERATED ALWAYS AS (kesu_bigrams(search_text)) STORED;--> statement-breakpoint
CREATE INDEX "complaints_search_idx" ON "complaints" USING gin ("search_bigrams");