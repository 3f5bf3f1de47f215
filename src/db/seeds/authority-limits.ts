import { sql } from "drizzle-orm";
import { defaultAuthorityLimits } from "../../domain/remedy/authority.js";
import type { Database } from "../client.js";
import { authorityLimits } from "../schema.js";

/**
 * First start: the authority limits kesu starts with (agent ¥200 a case / ¥2,000 a month, and
 * up; domain/remedy/authority.ts), written only while the table is empty, so an admin's edits
 * are never undone by a restart. The table lock makes two servers starting together seed once.
 */
export async function ensureAuthorityLimitSeeds(db: Database) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${authorityLimits} in share row exclusive mode`);
    const [any] = await tx.select({ role: authorityLimits.role }).from(authorityLimits).limit(1);
    if (any) return;
    await tx.insert(authorityLimits).values([...defaultAuthorityLimits]);
  });
}
