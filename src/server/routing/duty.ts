import { and, eq, ne, sql } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.js";
import { sessions, skillGroupMembers, staffDuty } from "../../db/schema.js";
import type { DutyState } from "../../domain/routing/assignment.js";
import { assignWaitingCases } from "./commands/assign-waiting.js";

/** How many waiting cases one coming-on-duty may be given at once (the job gives the rest). */
const ON_DUTY_BATCH = 50;

/**
 * Sets a person's duty state (the time it started changes only with the state). Coming 在线
 * gives them, and the others of their groups, the cases that waited for someone.
 */
export async function setDuty(db: Database, userId: string, state: DutyState, now: Date) {
  const [row] = await db
    .insert(staffDuty)
    .values({ userId, state, since: now })
    .onConflictDoUpdate({
      target: staffDuty.userId,
      set: {
        state,
        since: sql`case when ${staffDuty.state} = ${state} then ${staffDuty.since} else ${now} end`,
      },
    })
    .returning();
  if (state === "online") {
    const groups = await db
      .select({ id: skillGroupMembers.groupId })
      .from(skillGroupMembers)
      .where(eq(skillGroupMembers.userId, userId));
    if (groups.length > 0)
      await assignWaitingCases(
        db,
        now,
        ON_DUTY_BATCH,
        groups.map((g) => g.id),
      );
  }
  return row!;
}

export async function dutyOf(db: Database, userId: string) {
  const [row] = await db.select().from(staffDuty).where(eq(staffDuty.userId, userId));
  return row ?? { userId, state: "offline" as const, since: new Date(0) };
}

/** Signing out ends the person's duty. */
export async function goOffDuty(db: Database | Tx, userId: string, now: Date) {
  await db
    .update(staffDuty)
    .set({ state: "offline", since: now })
    .where(and(eq(staffDuty.userId, userId), ne(staffDuty.state, "offline")));
}

/** A person whose every session has expired is no longer on duty (several servers: harmless). */
export async function endDutyWithoutSession(db: Database, now: Date) {
  await db
    .update(staffDuty)
    .set({ state: "offline", since: now })
    .where(
      and(
        ne(staffDuty.state, "offline"),
        sql`not exists (select from ${sessions} s
                        where s.user_id = ${staffDuty.userId} and s.expires_at > now())`,
      ),
    );
}
