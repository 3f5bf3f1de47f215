import { z } from "zod";

/**
 * Why someone watches a case: `sla_breached` (a missed deadline added them), `self` (they chose
 * to) or `logged` (the department handler who handed it to the center).
 */
export const watcherReasons = ["sla_breached", "self", "logged"] as const;
export type WatcherReason = (typeof watcherReasons)[number];

/** 关注人: someone who hears of what happens on a case without owning it. */
export const watcherSchema = z.object({
  /** The watching user's id. */
  id: z.uuid(),
  /** 工号. */
  agentNo: z.string(),
  name: z.string(),
  reason: z.enum(watcherReasons),
  addedAt: z.date(),
});
export type WatcherDto = z.infer<typeof watcherSchema>;

export const watcherListSchema = z.object({
  /** Everyone watching the case, longest-watching first. */
  items: z.array(watcherSchema),
});
export type WatcherListDto = z.infer<typeof watcherListSchema>;
