import { createHash, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Config } from "../../config.js";
import type { Database, Tx } from "../../db/client.js";
import { surveys, users } from "../../db/schema.js";
import { accessCodeFrom } from "../../domain/portal/portal-rules.js";
import type { Caller } from "../http/app-types.js";

/** How kesu writes to customers: by which ways, and the address its links point to. */
export interface CustomerMessaging {
  channels: readonly ("sms" | "email")[];
  publicUrl: string;
  timezone: string;
}

export const messagingOf = (
  config: Pick<Config, "KESU_CUSTOMER_MESSAGES" | "KESU_PUBLIC_URL" | "KESU_TIMEZONE">,
): CustomerMessaging => ({
  channels: config.KESU_CUSTOMER_MESSAGES,
  publicUrl: config.KESU_PUBLIC_URL.replace(/\/+$/, ""),
  timezone: config.KESU_TIMEZONE,
});

/** Tokens, codes and access codes are kept only as this hash. */
export const secretHash = (value: string) => createHash("sha256").update(value).digest("hex");

export const newAccessCode = () => accessCodeFrom(randomBytes(8));

/** 满意度评价: a one-time survey link on the case; only its hash is kept. */
export async function createSurvey(
  tx: Tx,
  messaging: CustomerMessaging,
  complaintId: string,
  after: "replied" | "closed",
): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  await tx.insert(surveys).values({ tokenHash: secretHash(token), complaintId, after });
  return `${messaging.publicUrl}/s/${token}`;
}

export const PORTAL_USERNAME = "kesu-portal";

/**
 * The portal's own staff record (migration 0025): the author of what customers file and of what
 * kesu sends them on its own. It cannot sign in.
 */
export async function portalCaller(db: Database | Tx): Promise<Caller> {
  const [row] = await db
    .select({ id: users.id, agentNo: users.agentNo, displayName: users.displayName })
    .from(users)
    .where(eq(users.username, PORTAL_USERNAME));
  if (!row) throw new Error("the portal's staff record (migration 0025) is missing");
  return { ...row, username: PORTAL_USERNAME, role: "agent", departmentId: null, via: "token" };
}
