import { z } from "zod";
import { checklistSteps } from "../../domain/guidance/checklist.js";
import { actorSchema } from "../complaints/complaint.schemas.js";
import { idParams } from "../http/input-fields.js";

export const checklistStepParams = idParams.extend({
  /** One of the guided-handling steps; anything else answers 400 `unknown_step`. */
  step: z
    .string()
    .max(64)
    .describe(`One of: ${checklistSteps.join(", ")}`),
});

export const checklistSchema = z.object({
  /** The ticked steps only, in the checklist's order; an unticked step is absent. */
  items: z.array(
    z.object({
      step: z.enum(checklistSteps),
      /** Who ticked it, with their agent number (工号). */
      tickedBy: actorSchema,
      tickedAt: z.date(),
    }),
  ),
  /** Whether the caller may tick and untick on this case, so the panel disables what they may not. */
  mayTick: z.boolean(),
});
export type ChecklistDto = z.infer<typeof checklistSchema>;
