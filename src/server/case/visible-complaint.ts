import { eq, exists, or, type SQL, sql } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.js";
import { rowsFromJson } from "../../db/json-rows.js";
import { preparedRead } from "../../db/prepared.js";
import { complaints, workOrders } from "../../db/schema.js";
import { canViewComplaint } from "../../domain/complaint/complaint-policy.js";
import { notFound } from "../http/app-error.js";
import type { Caller } from "../http/app-types.js";
import type { ErrorWord } from "../http/error-messages.js";
import { complaintAccess, shownColumns } from "./complaint-row.js";

/**
 * The complaint locked for a change, with its work orders, or 404 when it does not exist or the
 * caller may not see it (a department handler learns nothing of other departments' cases).
 */
export function lockVisibleComplaint(
  tx: Tx,
  caller: Caller,
  complaintId: string,
  /** What the 404 names: the complaint, or the work order a department asked for. */
  asked: ErrorWord = "complaint",
) {
  return visibleComplaint(tx, caller, complaintId, "locked", asked);
}

/** The same check for a read: no lock, so it never waits behind a change in progress. */
export function readVisibleComplaint(db: Database, caller: Caller, complaintId: string) {
  return visibleComplaint(db, caller, complaintId, "read", "complaint");
}

async function visibleComplaint(
  db: Database | Tx,
  caller: Caller,
  complaintId: string,
  mode: "locked" | "read",
  asked: ErrorWord,
) {
  const [row] = await withOrders(db, mode).execute({ id: complaintId });
  if (!row) throw notFound(asked);
  const { complaint } = row;
  const orders = rowsFromJson(workOrders, row.orders);
  const access = complaintAccess(complaint, orders);
  if (!canViewComplaint(caller, access)) throw notFound(asked);
  return { complaint, orders, access };
}

/** The complaint row, locked or not, its work orders beside it: one round trip. */
const withOrders = preparedRead((db, mode: "locked" | "read") => {
  const query = db
    .select({
      complaint: shownColumns,
      orders: sql<unknown>`(select json_agg(to_jsonb(w)) from ${workOrders} w where w.complaint_id = complaints.id)`,
    })
    .from(complaints)
    .where(eq(complaints.id, sql.placeholder("id")));
  return (mode === "locked" ? query.for("update") : query).prepare(`complaint_${mode}_with_orders`);
});

/**
 * Scope inside the query: a department handler's list can only ever hold their department's
 * cases and those they handed to the center themselves.
 */
export function visibleTo(caller: Caller): SQL | undefined {
  if (caller.role !== "department_handler") return undefined;
  const logged = sql`${complaints.createdById} = ${caller.id}`;
  if (!caller.departmentId) return logged;
  return or(dispatchedTo(caller.departmentId), logged);
}

export const dispatchedTo = (departmentId: string) =>
  exists(
    sql`(select 1 from ${workOrders} where ${workOrders.complaintId} = ${complaints.id} and ${workOrders.departmentId} = ${departmentId})`,
  );
