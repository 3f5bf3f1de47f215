import { eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { loginFailures, sessions } from "../../db/schema.js";

/** After a password reset nobody holds the old credentials' sessions, and a lockout is lifted. */
export async function endSessionsAfterReset(
  tx: Tx,
  user: { id: string; username: string },
): Promise<number> {
  const ended = await tx
    .delete(sessions)
    .where(eq(sessions.userId, user.id))
    .returning({ tokenHash: sessions.tokenHash });
  await tx.delete(loginFailures).where(eq(loginFailures.username, user.username));
  return ended.length;
}
