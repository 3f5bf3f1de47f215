import { desc, sql } from "drizzle-orm";
import type { Config } from "../config.js";
import type { Database, Tx } from "../db/client.js";
import { complaints, suggestionModels } from "../db/schema.js";
import {
  suggestionWindow,
  trainSuggestionModel,
} from "../server/suggestions/commands/train-model.js";

export type SuggestionSchedule = Pick<
  Config,
  "KESU_SUGGESTION_MONTHS" | "KESU_SUGGESTION_CASES" | "KESU_SUGGESTION_HOUR" | "KESU_TIMEZONE"
>;

/** A night's training counts for the next night's hour, even if it ran a little late. */
const MIN_GAP_MS = 20 * 3_600_000;

/**
 * Nightly: in the configured hour, when the last training is older than 20 hours, trains the
 * suggestions on the closed cases; at once when there has never been one, and again as soon as
 * closed cases exist when the last one had none. Every server runs the
 * job; a transaction-scoped advisory lock lets one train and the others find it done.
 */
export async function trainSuggestionsWhenDue(
  db: Database,
  now: Date,
  schedule: SuggestionSchedule,
): Promise<{ claimed: number }> {
  const trained = await db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ locked: boolean }>(
      sql`select pg_try_advisory_xact_lock(hashtext('kesu:suggestion-training')) as locked`,
    );
    if (!rows[0]!.locked) return false;
    const [latest] = await tx
      .select({ at: suggestionModels.trainedAt, cases: suggestionModels.casesUsed })
      .from(suggestionModels)
      .orderBy(desc(suggestionModels.trainedAt))
      .limit(1);
    const nightly =
      hourIn(now, schedule.KESU_TIMEZONE) === schedule.KESU_SUGGESTION_HOUR &&
      (!latest || now.getTime() - latest.at.getTime() >= MIN_GAP_MS);
    // A new installation learns as soon as its first cases close (the demo data too).
    const firstCases = (!latest || latest.cases === 0) && (await anyClosedCase(tx));
    if (latest && !nightly && !firstCases) return false;
    await trainSuggestionModel({ db: tx, now, window: suggestionWindow(schedule), caller: null });
    return true;
  });
  return { claimed: trained ? 1 : 0 };
}

async function anyClosedCase(tx: Tx) {
  const { rows } = await tx.execute(
    sql`select 1 from ${complaints} where status = 'closed' limit 1`,
  );
  return rows.length > 0;
}

const hourIn = (at: Date, timeZone: string) =>
  Number(
    new Intl.DateTimeFormat("en-GB", { timeZone, hour: "numeric", hourCycle: "h23" }).format(at),
  );
