import type {
  callbacks,
  complaints,
  contacts,
  timelineEvents,
  workOrders,
} from "../../src/db/schema.js";
import {
  type ComplaintCommand,
  type ComplaintKind,
  type ComplaintStatus,
  checkTransition,
  type Satisfaction,
  statusAfter,
} from "../../src/domain/complaint/complaint-lifecycle.js";
import {
  complaintStatusAfterWorkOrders,
  type WorkOrderCommand,
  type WorkOrderStatus,
  workOrderStatusAfter,
} from "../../src/domain/complaint/work-order-lifecycle.js";
import type { WorldStaff } from "./bulk-world.js";

export type EventRow = Omit<typeof timelineEvents.$inferInsert, "id">;
export type WorkOrderRow = typeof workOrders.$inferInsert & {
  id: string;
  status: WorkOrderStatus;
  round: number;
};
export type ContactRow = typeof contacts.$inferInsert;
export type CallbackRow = typeof callbacks.$inferInsert;
export type ComplaintRow = typeof complaints.$inferInsert;

/** Commands that only add to the record carry no version, as on the server. */
const addsOnly: readonly ComplaintCommand[] = ["note", "contact", "callback"];

/**
 * Walks one case through the real lifecycle rules (the domain's own functions), so generated data
 * can only hold histories the server itself would have allowed. Time moves forward with each step.
 */
export class CasePath {
  status: ComplaintStatus = "received";
  version = 1;
  reopenCount = 0;
  ownerId: string | null = null;
  readonly events: EventRow[] = [];
  readonly workOrders: WorkOrderRow[] = [];
  readonly contacts: ContactRow[] = [];
  readonly callbacks: CallbackRow[] = [];

  constructor(
    readonly complaintId: string,
    readonly customerId: string,
    public kind: ComplaintKind,
    public at: Date,
    /** The present: a recent case's later steps crowd up to it instead of happening in the future. */
    readonly now: Date,
  ) {}

  /** Moves the clock on by a number of minutes, never past the present by more than a second a step. */
  wait(minutes: number): this {
    const wanted = this.at.getTime() + Math.round(minutes * 60_000);
    this.at = new Date(Math.min(wanted, Math.max(this.now.getTime(), this.at.getTime() + 1000)));
    return this;
  }

  event(
    type: string,
    actor: WorldStaff,
    data: Record<string, unknown> = {},
    customerVisible = false,
  ) {
    this.events.push({
      complaintId: this.complaintId,
      type,
      at: this.at,
      actorId: actor.id,
      actorAgentNo: actor.agentNo,
      actorName: actor.displayName,
      customerVisible,
      data,
    });
  }

  /** A lifecycle command: refused here exactly when the server would refuse it. */
  command(
    command: ComplaintCommand,
    actor: WorldStaff,
    type: string,
    data: Record<string, unknown> = {},
    satisfaction?: Satisfaction,
  ) {
    const check = checkTransition({ status: this.status, kind: this.kind }, command);
    if (!check.ok) throw new Error(`generator bug: ${command} while ${this.status}`);
    this.status = statusAfter({ status: this.status, kind: this.kind }, command, satisfaction);
    if (!addsOnly.includes(command)) this.version++;
    this.event(type, actor, data, command === "reply");
  }

  workOrderStep(
    order: WorkOrderRow,
    command: WorkOrderCommand,
    actor: WorldStaff,
    changes: Partial<WorkOrderRow>,
    data: Record<string, unknown>,
  ) {
    order.status = workOrderStatusAfter(order.status, command);
    // A result or a return is when the order left the department's hands, as kesu records it.
    Object.assign(order, command === "accept" ? {} : { finishedAt: this.at }, changes);
    this.status = complaintStatusAfterWorkOrders(this.status, this.workOrders, this.reopenCount);
    this.version++;
    const type = {
      accept: "work_order_accepted",
      return: "work_order_returned",
      result: "work_order_result",
    }[command];
    this.event(type, actor, {
      workOrderId: order.id,
      departmentId: order.departmentId,
      lead: order.lead,
      ...data,
    });
  }

  /** 承诺回电; `keptAfterMinutes` is when an outbound call kept it, or null while still open. */
  promiseCallback(actor: WorldStaff, dueAt: Date, keptAfterMinutes: number | null) {
    this.command("callback", actor, "callback_promised", { dueAt: dueAt.toISOString() });
    const doneAt =
      keptAfterMinutes === null ? null : new Date(this.at.getTime() + keptAfterMinutes * 60_000);
    this.callbacks.push({
      complaintId: this.complaintId,
      customerId: this.customerId,
      dueAt,
      promisedById: actor.id,
      createdAt: this.at,
      status: doneAt ? "done" : "open",
      doneAt,
    });
  }

  /** A contact on the case: its row and, as the contact command writes it, its timeline event. */
  contact(actor: WorldStaff, direction: "inbound" | "outbound", channel: string, summary: string) {
    this.intakeContact(actor, direction, channel, summary);
    this.event("contact", actor, { direction, channel, summary });
  }

  /**
   * The intake's contact: its row only, since the server's intake writes no contact event (and so
   * no searchable copy of the subject in case_texts).
   */
  intakeContact(
    actor: WorldStaff,
    direction: "inbound" | "outbound",
    channel: string,
    summary: string,
  ) {
    this.contacts.push({
      customerId: this.customerId,
      complaintId: this.complaintId,
      direction,
      channel,
      summary,
      agentId: actor.id,
      agentNo: actor.agentNo,
      at: this.at,
    });
  }
}
