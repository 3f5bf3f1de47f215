import { eq } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.js";
import { users } from "../../db/schema.js";
import { callerColumns } from "../auth/caller.js";
import type { Caller } from "../http/app-types.js";

const USERNAME = "kesu-inbound";

/**
 * Who records what arrives with no person behind it (a customer's mail, a hotline's push): an
 * account that cannot sign in (inactive, no usable password), made on first use rather than by a
 * migration, since an empty users table is what gives a new install its first admin.
 */
export async function inboundCaller(db: Database | Tx): Promise<Caller> {
  await db
    .insert(users)
    .values({
      username: USERNAME,
      displayName: "来件接收",
      agentNo: "SYS-INBOUND",
      role: "agent",
      passwordHash: "!",
      active: false,
    })
    .onConflictDoNothing();
  const [row] = await db.select(callerColumns).from(users).where(eq(users.username, USERNAME));
  return { ...row!, via: "token" };
}
