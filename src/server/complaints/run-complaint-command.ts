import { eq, sql } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.js";
import { rowsFromJson } from "../../db/json-rows.js";
import { preparedRead } from "../../db/prepared.js";
import { complaints, workOrders } from "../../db/schema.js";
import {
  type ComplaintCommand,
  checkTransition,
  type Satisfaction,
  statusAfter,
} from "../../domain/complaint/complaint-lifecycle.js";
import {
  allowedActions,
  canViewComplaint,
  mayRunCommand,
} from "../../domain/complaint/complaint-policy.js";
import { AppError, forbidden, notFound } from "../http/app-error.js";
import type { App, Caller } from "../http/app-types.js";
import { recordEvents } from "../notifications/notify.js";
import {
  accessView,
  type ComplaintRow,
  shownColumns,
  type WorkOrderRow,
} from "./complaint.view.js";
import { commandsAddingSearchText, refreshSearchText } from "./search-text.js";

export interface TimelineEntry {
  type: string;
  data?: Record<string, unknown>;
  customerVisible?: boolean;
  /** Another complaint's timeline (merge writes on both). */
  complaintId?: string;
}

export interface CommandContext {
  tx: Tx;
  caller: Caller;
  complaint: ComplaintRow;
  workOrders: WorkOrderRow[];
}

export interface CommandOutcome {
  /** Fields to change on the complaint besides status and version. */
  set?: Partial<ComplaintRow>;
  /** Overrides the lifecycle's next status (dispatch of an unowned case, for one). */
  status?: ComplaintRow["status"];
  events: TimelineEntry[];
}

export interface CommandRequest {
  command: ComplaintCommand;
  /** The version the caller last saw; commands that only add to the record carry none. */
  version?: number;
  satisfaction?: Satisfaction;
  perform(ctx: CommandContext): Promise<CommandOutcome>;
}

/**
 * One command on one complaint, in one transaction: lock the row, check who may act (403), the
 * version the caller saw (409 version_conflict), the lifecycle (409 invalid_transition), then
 * write the change and its timeline events together.
 */
export async function runComplaintCommand(
  app: App,
  caller: Caller,
  complaintId: string,
  request: CommandRequest,
) {
  return app.db.transaction(async (tx) => {
    const { complaint, orders, view } = await lockVisibleComplaint(tx, caller, complaintId);
    if (!mayRunCommand(caller, view, request.command)) {
      throw forbidden(
        caller.role === "agent" && complaint.ownerId !== caller.id ? "not_owner" : "role_required",
      );
    }
    if (request.version !== undefined && request.version !== complaint.version) {
      throw new AppError(
        "version_conflict",
        { current: complaint.version },
        { currentVersion: complaint.version },
      );
    }
    const check = checkTransition(view, request.command);
    if (!check.ok) {
      throw new AppError(
        "invalid_transition",
        { status: complaint.status, command: request.command },
        { allowed: allowedActions(caller, view) },
      );
    }
    const outcome = await request.perform({ tx, caller, complaint, workOrders: orders });
    if (request.version !== undefined) {
      const status = outcome.status ?? statusAfter(view, request.command, request.satisfaction);
      await tx
        .update(complaints)
        .set({ ...outcome.set, status, version: complaint.version + 1, updatedAt: new Date() })
        .where(eq(complaints.id, complaintId));
    }
    await appendTimeline(tx, caller, complaintId, outcome.events);
    if (commandsAddingSearchText.includes(request.command)) {
      await refreshSearchText(tx, eq(complaints.id, complaintId));
    }
  });
}

/**
 * The complaint locked for a change, with its work orders, or 404 when it does not exist or the
 * caller may not see it (a department handler learns nothing of other departments' cases).
 */
export function lockVisibleComplaint(tx: Tx, caller: Caller, complaintId: string) {
  return visibleComplaint(tx, caller, complaintId, "locked");
}

/** The same check for a read: no lock, so it never waits behind a change in progress. */
export function readVisibleComplaint(db: Database, caller: Caller, complaintId: string) {
  return visibleComplaint(db, caller, complaintId, "read");
}

async function visibleComplaint(
  db: Database | Tx,
  caller: Caller,
  complaintId: string,
  mode: "locked" | "read",
) {
  const [row] = await withOrders(db, mode).execute({ id: complaintId });
  if (!row) throw notFound("complaint");
  const { complaint } = row;
  const orders = rowsFromJson(workOrders, row.orders);
  const view = accessView(complaint, orders);
  if (!canViewComplaint(caller, view)) throw notFound("complaint");
  return { complaint, orders, view };
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

/** The append-only history; every entry names the actor with their agent number (工号). */
export async function appendTimeline(
  tx: Tx,
  caller: Caller | null,
  complaintId: string,
  entries: TimelineEntry[],
) {
  // One code path with the sweep's batches; subscribers hear of each event from the outbox.
  await recordEvents(
    tx,
    entries.map((e) => ({
      complaintId: e.complaintId ?? complaintId,
      type: e.type,
      actor: caller,
      customerVisible: e.customerVisible ?? false,
      data: e.data ?? {},
    })),
  );
}
