import { and, eq, gte, inArray, ne, notExists, sql } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.js";
import { authorityLimits, remedies, remedyReversals, users } from "../../db/schema.js";
import {
  type AuthorityLimit,
  type GrantingRole,
  grantingRoles,
} from "../../domain/remedy/authority.js";
import type { RemedyType } from "../../domain/remedy/remedy.js";
import { AppError, notFound } from "../http/app-error.js";

export type RemedyRow = typeof remedies.$inferSelect;

/** The authority limits in force, as the domain's rule reads them. */
export function loadAuthorityLimits(db: Database | Tx): Promise<AuthorityLimit[]> {
  return db.select().from(authorityLimits);
}

const notReversed = notExists(
  sql`(select from ${remedyReversals} where ${remedyReversals.remedyId} = ${remedies.id})`,
);

/**
 * What this person granted of this type since the month began, reversals left out: granted on
 * the spot (they asked and decided) or approved for someone else (they decided), in fen.
 */
export async function grantedSinceFen(
  tx: Tx,
  personId: string,
  type: RemedyType,
  since: Date,
): Promise<number> {
  const [row] = await tx
    .select({ fen: sql<string>`coalesce(sum(${remedies.amountFen}), 0)::text` })
    .from(remedies)
    .where(
      and(
        eq(remedies.decidedById, personId),
        eq(remedies.type, type),
        eq(remedies.status, "granted"),
        gte(remedies.decidedAt, since),
        notReversed,
      ),
    );
  return Number(row?.fen ?? 0);
}

/**
 * Serialises one person's grants, whichever cases they are on, until the transaction ends: two
 * asks at once cannot both count a month without the other. An advisory lock blocks no one else.
 */
export async function lockPersonsGrants(tx: Tx, personId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`kesu:remedies:${personId}`}))`);
}

/** The remedy, locked for a decision or a reversal: a second decider waits here, then sees it decided. */
export async function lockRemedy(tx: Tx, id: string): Promise<RemedyRow> {
  const [row] = await tx.select().from(remedies).where(eq(remedies.id, id)).for("update");
  if (!row) throw notFound("remedy");
  return row;
}

export async function isReversed(tx: Tx, id: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: remedyReversals.remedyId })
    .from(remedyReversals)
    .where(eq(remedyReversals.remedyId, id));
  return row !== undefined;
}

/** 办结 waits for every remedy on the case to be approved or rejected (409 `remedy_pending`). */
export async function assertNoPendingRemedy(tx: Tx, complaintId: string) {
  const [pending] = await tx
    .select({ id: remedies.id })
    .from(remedies)
    .where(and(eq(remedies.complaintId, complaintId), eq(remedies.status, "pending_approval")))
    .limit(1);
  if (pending) throw new AppError("remedy_pending", {}, { remedyId: pending.id });
}

/** Everyone active who may decide a remedy for this role (it or above), but the one who asked. */
export async function approversFor(tx: Tx, approverRole: GrantingRole, requestedById: string) {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        inArray(users.role, grantingRoles.slice(grantingRoles.indexOf(approverRole))),
        eq(users.active, true),
        ne(users.id, requestedById),
      ),
    );
  return rows.map((r) => r.id);
}

/** A person as remedies' timeline events name them: 工号 and name. */
export async function personOf(tx: Tx, id: string) {
  const [person] = await tx
    .select({ id: users.id, agentNo: users.agentNo, name: users.displayName })
    .from(users)
    .where(eq(users.id, id));
  return person;
}
