import { DEFAULT_SWEEP_BATCH } from "../../config.js";
import type { Database } from "../../db/client.js";
import { supervisorLoads } from "../../server/case/supervisor-loads.js";
import type { CustomerMessaging } from "../../server/customer-messages/customer-messaging.js";
import { tellCustomer } from "../../server/customer-messages/tell-customer.js";
import { claimBatch } from "./claim-batch.js";
import { planBatch } from "./plan-batch.js";
import { writePlan } from "./write-plan.js";

export interface SweepResult {
  /** Clocks looked at in this batch. */
  claimed: number;
  warnings: number;
  breaches: number;
}

/**
 * One bounded batch in two statements whatever its size: one claims the due clocks and reads
 * what planning needs, the batch is planned in memory with the domain's pure clock and
 * breach-action rules, and one writes it all. Every warning and breach is written in the
 * transaction that records it fired: a server killed mid-batch fires nothing, and the next sweep
 * finds the same clocks still due. Without `messaging` kesu writes to no customer.
 */
export async function sweepDueClocks(
  db: Database,
  now: Date,
  {
    batchSize = DEFAULT_SWEEP_BATCH,
    messaging,
  }: { batchSize?: number; messaging?: CustomerMessaging } = {},
): Promise<SweepResult> {
  return db.transaction(async (tx) => {
    const batch = await claimBatch(tx, now, batchSize);
    if (batch.due.length === 0) return { claimed: 0, warnings: 0, breaches: 0 };
    // Only the supervisor-picking actions need each supervisor's open cases counted.
    const picking = [...batch.actions.values()].some((a) =>
      a.some((action) => action !== "raise_severity"),
    );
    if (picking) batch.supervisors = await supervisorLoads(tx);
    const plan = planBatch({ ...batch, now });
    await writePlan(tx, plan, now);
    // Few clocks are follow-ups that just warned; each message is its own contact on its case.
    if (messaging)
      for (const { complaintId, dueAt } of plan.followUpNotices)
        await tellCustomer(tx, messaging, null, complaintId, "follow_up_notice", {
          followUpBy: dueAt,
        });
    return { claimed: batch.due.length, warnings: plan.warnings, breaches: plan.breaches };
  });
}

/** A case as the sweep reads it, locked; the owner's role and department pick its supervisor. */
