import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { departments, suggestionModels, taxonomyTerms } from "../../db/schema.js";
import {
  type SuggestionModel,
  type Suggestions,
  suggest,
} from "../../domain/suggestion/suggestion-model.js";
import type { Locale } from "../http/locale.js";
import type { ModelSummaryDto, SuggestionsDto } from "./suggestion.schemas.js";

/**
 * The model in use, parsed once per server: each request asks only for the latest id (one index
 * probe), so every server switches to a new training as soon as it is stored.
 */
const loaded = new WeakMap<Database, { id: string; model: Promise<SuggestionModel> }>();

async function currentModel(db: Database): Promise<SuggestionModel | null> {
  const [latest] = await db
    .select({ id: suggestionModels.id })
    .from(suggestionModels)
    .where(isNotNull(suggestionModels.model))
    .orderBy(desc(suggestionModels.trainedAt))
    .limit(1);
  if (!latest) return null;
  let entry = loaded.get(db);
  if (entry?.id !== latest.id) {
    const model = db
      .select({ model: suggestionModels.model })
      .from(suggestionModels)
      .where(eq(suggestionModels.id, latest.id))
      .then(([row]) => row!.model!);
    entry = { id: latest.id, model };
    loaded.set(db, entry);
    model.catch(() => loaded.delete(db));
  }
  return entry.model;
}

const empty = (): SuggestionsDto => ({ category: [], cause: [], businessType: [], department: [] });

/**
 * The suggestions for a text, labelled in the caller's language. Codes retired from their list
 * since the training and departments since removed are left out: intake would refuse them.
 */
export async function suggestionsFor(
  db: Database,
  text: string,
  locale: Locale,
): Promise<SuggestionsDto> {
  const model = await currentModel(db);
  if (!model) return empty();
  const ranked = suggest(model, text);
  const labels = await labelsOf(db, ranked, locale);
  const out = empty();
  for (const field of Object.keys(out) as (keyof SuggestionsDto)[])
    out[field] = ranked[field].flatMap(({ id, confidence }) => {
      const label = labels.get(`${field}:${id}`);
      return label === undefined ? [] : [{ id, label, confidence }];
    });
  return out;
}

const listOf = { category: "category", cause: "cause", businessType: "business_type" } as const;

async function labelsOf(db: Database, ranked: Suggestions, locale: Locale) {
  const labels = new Map<string, string>();
  const codes = [...ranked.category, ...ranked.cause, ...ranked.businessType].map((r) => r.id);
  const departmentIds = ranked.department.map((r) => r.id);
  const [terms, depts] = await Promise.all([
    codes.length === 0
      ? []
      : db
          .select()
          .from(taxonomyTerms)
          .where(and(inArray(taxonomyTerms.code, codes), eq(taxonomyTerms.active, true))),
    departmentIds.length === 0
      ? []
      : db
          .select({ id: departments.id, name: departments.name })
          .from(departments)
          .where(inArray(departments.id, departmentIds)),
  ]);
  for (const [field, list] of Object.entries(listOf))
    for (const t of terms)
      if (t.list === list)
        labels.set(`${field}:${t.code}`, locale === "en" ? t.labelEn : t.labelZh);
  for (const d of depts) labels.set(`department:${d.id}`, d.name);
  return labels;
}

/** The latest trainings, newest first: the first is the one in use when it still has its model. */
export async function modelSummary(db: Database, limit = 30): Promise<ModelSummaryDto> {
  const rows = await db
    .select({
      id: suggestionModels.id,
      trainedAt: suggestionModels.trainedAt,
      trigger: suggestionModels.trigger,
      casesUsed: suggestionModels.casesUsed,
      heldOut: suggestionModels.heldOut,
      since: suggestionModels.since,
      accuracy: suggestionModels.accuracy,
    })
    .from(suggestionModels)
    .orderBy(desc(suggestionModels.trainedAt))
    .limit(limit);
  return { current: rows[0] ?? null, history: rows.slice(1) };
}
