import { inArray } from "drizzle-orm";
import type { z } from "zod";
import { workOrders } from "../../../db/schema.js";
import type { ComplaintFlag } from "../../../domain/complaint/case-attributes.js";
import { isActiveWorkOrder } from "../../../domain/complaint/work-order-lifecycle.js";
import type { ComplaintRow } from "../../case/complaint-row.js";
import { replyDueAt, startPolicyClocks } from "../../sla/clock-effects.js";
import type { commandBodies } from "../complaint.schemas.js";
import type { CommandContext } from "./run-complaint-command.js";

export type Body<C extends keyof typeof commandBodies> = z.infer<(typeof commandBodies)[C]>;

export const withFlag = (flags: ComplaintFlag[], flag: ComplaintFlag) =>
  flags.includes(flag) ? flags : [...flags, flag];

export const ownerOrCaller = ({ complaint, caller }: CommandContext) =>
  complaint.ownerId ?? caller.id;

export async function cancelActiveWorkOrders(ctx: CommandContext) {
  const active = ctx.workOrders.filter((o) => isActiveWorkOrder(o.status)).map((o) => o.id);
  if (active.length > 0)
    await ctx.tx
      .update(workOrders)
      .set({ status: "cancelled", finishedAt: new Date() })
      .where(inArray(workOrders.id, active));
}

/** 重办 starts a new round: a fresh customer-reply clock, whose deadline becomes the case's. */
export async function newRoundDueAt(tx: CommandContext["tx"], complaint: ComplaintRow, now: Date) {
  return replyDueAt(await startPolicyClocks(tx, complaint, ["customerReply"], now));
}
