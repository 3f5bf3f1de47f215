import { lt, sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { idempotencyKeys, loginFailures, portalCodes, portalHits, sessions } from "../db/schema.js";

/** An Idempotency-Key answers retries for a week; a client retrying later is not retrying. */
const IDEMPOTENCY_DAYS = 7;

/**
 * Rows that only ever matter for a while: expired sessions, login failures past the lockout
 * window, old idempotency keys, the portal's counted requests past its longest limit window and
 * its one-time codes a day after they expired. Deleting them twice (several servers) is harmless.
 */
export async function pruneExpired(db: Database): Promise<{ claimed: number }> {
  await Promise.all([
    db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`)),
    db.delete(loginFailures).where(lt(loginFailures.at, sql`now() - interval '1 day'`)),
    db.delete(portalHits).where(lt(portalHits.at, sql`now() - interval '1 day'`)),
    db.delete(portalCodes).where(lt(portalCodes.expiresAt, sql`now() - interval '1 day'`)),
    db
      .delete(idempotencyKeys)
      .where(
        lt(idempotencyKeys.createdAt, sql`now() - make_interval(days => ${IDEMPOTENCY_DAYS})`),
      ),
  ]);
  // One pass a tick is enough: nothing "claimed", so the runner does not loop.
  return { claimed: 0 };
}
