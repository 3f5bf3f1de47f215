import { z } from "zod";
import { qualityDuePolicies } from "../../db/schema.js";
import { disciplines } from "../../domain/quality/disciplines.js";
import { slaUnits } from "../../domain/sla/sla-target.js";
import { settingRoutes } from "../auth/setting-routes.js";
import type { App } from "../http/app-types.js";
import { duePolicy } from "./quality-case.store.js";

const target = z.object({ amount: z.number().positive().max(100_000), unit: z.enum(slaUnits) });
/** Every discipline's target; the policy is replaced whole. */
export const qualityDuePolicySchema = z.object(
  Object.fromEntries(disciplines.map((d) => [d, target])) as Record<
    (typeof disciplines)[number],
    typeof target
  >,
);

/** The 8D due policy: when each discipline is due after an 8D opens. Everyone reads, admins set. */
export async function qualityDuePolicyRoutes(app: App) {
  settingRoutes(app, {
    path: "/quality-due-policy",
    tags: ["quality cases (8D)"],
    summaries: {
      read: "When each 8D discipline is due, counted from the 8D's opening",
      replace: "Replace the 8D due policy (admin); 8Ds opened from now on are due by it",
    },
    shown: qualityDuePolicySchema,
    body: qualityDuePolicySchema,
    read: duePolicy,
    audit: { entity: "quality_due_policy", id: "default" },
    async replace(tx, _caller, targets, now) {
      await tx
        .insert(qualityDuePolicies)
        .values({ id: "default", targets })
        .onConflictDoUpdate({ target: qualityDuePolicies.id, set: { targets, updatedAt: now } });
      return targets;
    },
  });
}
