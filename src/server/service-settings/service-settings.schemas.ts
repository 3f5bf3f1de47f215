import { z } from "zod";
import { UNREACHABLE_ATTEMPTS_MAX } from "../../domain/complaint/follow-up-rules.js";

/** The center's service settings (管理 → 服务设置). */
export const serviceSettingsSchema = z.object({
  /** false (the default): the follow-up visit (回访) is recorded by someone other than the case's owner. */
  followUpByOwner: z.boolean(),
  /** Failed follow-up tries (contacts with outcome `unreachable`) before a replied case may close as `customer_unreachable`. */
  unreachableAttempts: z.number().int().min(1).max(UNREACHABLE_ATTEMPTS_MAX),
});
export type ServiceSettingsDto = z.infer<typeof serviceSettingsSchema>;

/**
 * A case's follow-up visit (回访) as the settings have it: whether its owner may record it, and
 * the failed tries since the reply against those a close as `customer_unreachable` needs.
 */
export const followUpStateSchema = z.object({
  ownerMayRecord: z.boolean(),
  failedAttempts: z.number().int(),
  requiredAttempts: z.number().int(),
});
