import { eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { complaints, timelineEvents, workOrders } from "../../db/schema.js";
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
import { enqueueWebhooks } from "../notifications/notify.js";
import { accessView, type ComplaintRow, type WorkOrderRow } from "./complaint.view.js";
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
export async function lockVisibleComplaint(tx: Tx, caller: Caller, complaintId: string) {
  const [complaint] = await tx
    .select()
    .from(complaints)
    .where(eq(complaints.id, complaintId))
    .for("update");
  if (!complaint) throw notFound("complaint");
  const orders = await tx.select().from(workOrders).where(eq(workOrders.complaintId, complaintId));
  const view = accessView(complaint, orders);
  if (!canViewComplaint(caller, view)) throw notFound("complaint");
  return { complaint, orders, view };
}

/** The append-only history; every entry names the actor with their agent number (工号). */
export async function appendTimeline(
  tx: Tx,
  caller: Caller | null,
  complaintId: string,
  entries: TimelineEntry[],
) {
  if (entries.length === 0) return;
  const rows = await tx
    .insert(timelineEvents)
    .values(
      entries.map((e) => ({
        complaintId: e.complaintId ?? complaintId,
        type: e.type,
        actorId: caller?.id ?? null,
        actorAgentNo: caller?.agentNo ?? null,
        actorName: caller?.displayName ?? null,
        customerVisible: e.customerVisible ?? false,
        data: e.data ?? {},
      })),
    )
    .returning({
      complaintId: timelineEvents.complaintId,
      type: timelineEvents.type,
      at: timelineEvents.at,
      data: timelineEvents.data,
    });
  // Subscribers hear of each event from the outbox, after this transaction commits.
  await enqueueWebhooks(tx, rows);
}
