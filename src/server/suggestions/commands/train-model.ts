import { and, desc, isNotNull, notInArray, sql } from "drizzle-orm";
import type { Config } from "../../../config.js";
import type { Database, Tx } from "../../../db/client.js";
import { suggestionModels } from "../../../db/schema.js";
import type { LabelledCase } from "../../../domain/suggestion/suggestion-model.js";
import { recordAudit } from "../../audit/record-audit.js";
import type { Caller } from "../../http/app-types.js";
import { trainInWorker } from "../train-in-worker.js";

/** Which closed cases a training reads: those received in the last `months`, newest `maxCases`. */
export interface TrainingWindow {
  months: number;
  maxCases: number;
}

export const suggestionWindow = (
  config: Pick<Config, "KESU_SUGGESTION_MONTHS" | "KESU_SUGGESTION_CASES">,
): TrainingWindow => ({
  months: config.KESU_SUGGESTION_MONTHS,
  maxCases: config.KESU_SUGGESTION_CASES,
});

/** Trainings whose model is kept; older rows keep only their figures. */
const KEPT_MODELS = 7;

/**
 * Trains the suggestions on the organisation's closed cases and stores the model with its
 * held-out accuracy as a new row (the one intake uses from then on), the learning itself in a
 * worker thread (train-in-worker.ts). `caller` is the admin who
 * asked; null for the nightly job.
 */
export async function trainSuggestionModel(props: {
  db: Database | Tx;
  now: Date;
  window: TrainingWindow;
  caller: Caller | null;
}) {
  const { db, now, window, caller } = props;
  const since = new Date(now);
  since.setMonth(since.getMonth() - window.months);
  const cases = await closedCases(db, since, window.maxCases);
  // Off the server's thread: requests are answered while it learns.
  const trained = await trainInWorker(cases);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(suggestionModels)
      .values({
        trainedAt: now,
        trigger: caller ? "admin" : "job",
        trainedById: caller?.id ?? null,
        casesUsed: trained.trainedOn,
        heldOut: trained.heldOut,
        since,
        accuracy: trained.accuracy,
        model: trained.model,
      })
      .returning({ id: suggestionModels.id });
    const kept = tx
      .select({ id: suggestionModels.id })
      .from(suggestionModels)
      .orderBy(desc(suggestionModels.trainedAt))
      .limit(KEPT_MODELS);
    await tx
      .update(suggestionModels)
      .set({ model: null })
      .where(and(isNotNull(suggestionModels.model), notInArray(suggestionModels.id, kept)));
    if (caller)
      await recordAudit(tx, caller, "train", "suggestion_model", row!.id, {
        casesUsed: trained.trainedOn,
      });
    return row!.id;
  });
}

/**
 * The closed cases' text and what they ended filed under; the department is the last round's
 * 主办. Read by receipt date, which complaints_status_idx orders, so no index is added for it.
 */
async function closedCases(db: Database | Tx, since: Date, limit: number): Promise<LabelledCase[]> {
  const { rows } = await db.execute<{
    id: string;
    text: string;
    category: string | null;
    business_type: string | null;
    causes: string[];
    department: string | null;
  }>(sql`
    select c.id, c.subject || '。' || c.description as text, c.category, c.business_type, c.causes,
      (select w.department_id from work_orders w where w.complaint_id = c.id and w.lead
        order by w.round desc, w.dispatched_at desc limit 1) as department
    from complaints c
    where c.status = 'closed' and c.created_at >= ${since.toISOString()}
    order by c.created_at desc
    limit ${limit}`);
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    labels: {
      category: r.category ? [r.category] : [],
      cause: r.causes,
      businessType: r.business_type ? [r.business_type] : [],
      department: r.department ? [r.department] : [],
    },
  }));
}
