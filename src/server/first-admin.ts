import { randomBytes } from "node:crypto";
import { count, ne } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { users } from "../db/schema.js";
import { hashPassword } from "./auth/secrets.js";
import { PORTAL_USERNAME } from "./customer-messages/customer-messaging.js";

/**
 * An empty database gets one `admin` account so the first login works; the password comes from
 * KESU_ADMIN_PASSWORD or is generated and returned so the caller prints it once.
 */
export async function ensureFirstAdmin(
  db: Database,
  givenPassword?: string,
): Promise<string | null> {
  // The portal's staff record (migration 0025) is no person: a database with only it is empty.
  const [existing] = await db
    .select({ n: count() })
    .from(users)
    .where(ne(users.username, PORTAL_USERNAME));
  if ((existing?.n ?? 0) > 0) return null;
  const password = givenPassword ?? randomBytes(9).toString("base64url");
  const inserted = await db
    .insert(users)
    .values({
      username: "admin",
      displayName: "系统管理员",
      agentNo: "0001",
      role: "admin",
      passwordHash: await hashPassword(password),
    })
    .onConflictDoNothing()
    .returning({ id: users.id });
  return inserted.length > 0 ? password : null;
}
