import type { Tx } from "../../../db/client.js";
import {
  type ComplaintCommand,
  checkTransition,
  type Satisfaction,
  statusAfter,
} from "../../../domain/complaint/complaint-lifecycle.js";
import { allowedActions, mayRunCommand } from "../../../domain/complaint/complaint-policy.js";
import type { ComplaintRow, WorkOrderRow } from "../../case/complaint-row.js";
import { lockVisibleComplaint } from "../../case/visible-complaint.js";
import { type CommandOutcome, writeOutcome } from "../../case/write-outcome.js";
import { AppError } from "../../http/app-error.js";
import type { ActingIn, Caller } from "../../http/app-types.js";
import { authorize } from "../../http/authorize.js";

export interface CommandContext {
  tx: Tx;
  caller: Caller;
  complaint: ComplaintRow;
  workOrders: WorkOrderRow[];
  /** The command's one instant: every row it writes carries it. */
  now: Date;
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
  { db, caller, clock }: ActingIn,
  complaintId: string,
  request: CommandRequest,
) {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const { complaint, orders, access } = await lockVisibleComplaint(tx, caller, complaintId);
    authorize(mayRunCommand(caller, access, request.command));
    if (request.version !== undefined && request.version !== complaint.version) {
      throw new AppError(
        "version_conflict",
        { current: complaint.version },
        { currentVersion: complaint.version },
      );
    }
    const check = checkTransition(access, request.command);
    if (!check.ok) {
      throw new AppError(
        "invalid_transition",
        { status: complaint.status, command: request.command },
        { allowed: allowedActions(caller, access) },
      );
    }
    const outcome = await request.perform({ tx, caller, complaint, workOrders: orders, now });
    const status =
      request.version === undefined
        ? null
        : (outcome.status ?? statusAfter(access, request.command, request.satisfaction));
    await writeOutcome(tx, caller, complaint, status, outcome, now);
  });
}
