import { sql } from "drizzle-orm";
import type { Database } from "../../src/db/client.js";
import { finishedStatusList } from "../../src/db/schema.js";
import { refreshRisk } from "../../src/server/case/case-risk.js";

/** A change that moves the risk: a threat word added to the case's text, rolled back afterwards. */
class RolledBack extends Error {}

/**
 * What scoring a case's escalation risk again costs a change, on the generated data: for `changes`
 * open cases in turn, a transaction adds a threat word to the description (so the score moves and
 * the row is rewritten, as after a real edit), times `refreshRisk` alone, and rolls back. Returns
 * the milliseconds of each, sorted; with `unchanged`, those of a second call in the same
 * transaction too, which reads and finds nothing to write (a change that does not move the risk).
 */
export async function measureRiskRefresh(
  db: Database,
  changes = 200,
  unchanged: number[] = [],
): Promise<number[]> {
  const { rows } = await db.execute<{ id: string }>(sql`
    select id from complaints where status not in (${finishedStatusList})
    order by id limit ${changes}`);
  if (rows.length === 0) throw new Error("no open cases: run npm run bench:data first");
  const ms: number[] = [];
  for (const { id } of rows) {
    await db
      .transaction(async (tx) => {
        await tx.execute(
          sql`update complaints set description = description || ' 要去银保监投诉' where id = ${id}`,
        );
        const started = performance.now();
        await refreshRisk(tx, [id]);
        ms.push(performance.now() - started);
        const again = performance.now();
        await refreshRisk(tx, [id]);
        unchanged.push(performance.now() - again);
        throw new RolledBack();
      })
      .catch((e: unknown) => {
        if (!(e instanceof RolledBack)) throw e;
      });
  }
  unchanged.sort((a, b) => a - b);
  return ms.sort((a, b) => a - b);
}
