import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Database } from "../../db/client.js";
import { preparedRead } from "../../db/prepared.js";
import { apiTokens, sessions, users } from "../../db/schema.js";
import type { Role } from "../../domain/access/roles.js";
import { AppError, forbidden } from "../http/app-error.js";
import type { Acting, Caller } from "../http/app-types.js";
import { digest } from "./secrets.js";

export const SESSION_COOKIE = "kesu_session";

/** The columns a Caller is made of, for every place that reads one from the users table. */
export const callerColumns = {
  id: users.id,
  role: users.role,
  departmentId: users.departmentId,
  username: users.username,
  displayName: users.displayName,
  agentNo: users.agentNo,
};

const sessionCaller = preparedRead((db) =>
  db
    .select(callerColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder("tokenHash")),
        gt(sessions.expiresAt, sql`now()`),
        eq(users.active, true),
      ),
    )
    .prepare("session_caller"),
);

/** Finds who is calling: a bearer token for integrations, else the session cookie. */
export async function identifyCaller(
  db: Database,
  request: FastifyRequest,
): Promise<Caller | null> {
  const bearer = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) {
    const [row] = await db
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()` })
      .from(users)
      .where(
        and(
          eq(apiTokens.tokenHash, digest(bearer)),
          isNull(apiTokens.revokedAt),
          eq(users.id, apiTokens.userId),
          eq(users.active, true),
        ),
      )
      .returning(callerColumns);
    if (!row) throw new AppError("unauthenticated");
    return { ...row, via: "token" };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const [row] = await sessionCaller(db).execute({ tokenHash: digest(cookie) });
  return row ? { ...row, via: "session" } : null;
}

/** The caller, or 401 when nobody is signed in. */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new AppError("unauthenticated");
  return request.caller;
}

/** The signed-in caller with the app's database and clock: what a command needs. */
export function actingOf(request: FastifyRequest): Acting {
  return { db: request.server.db, caller: callerOf(request), clock: request.server.clock };
}

/** The caller when `allowed(role)` holds, else 403. */
export function callerWith(request: FastifyRequest, allowed: (role: Role) => boolean): Caller {
  const caller = callerOf(request);
  if (!allowed(caller.role)) throw forbidden();
  return caller;
}

/**
 * Cookies ride along on cross-site requests; SameSite=Lax stops most, and a foreign Origin on a
 * state-changing request is refused outright. Bearer tokens are not sent by browsers on their own.
 */
export function assertSameOrigin(request: FastifyRequest): void {
  if (["GET", "HEAD", "OPTIONS"].includes(request.method)) return;
  const origin = request.headers.origin;
  if (!origin) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError("cross_site_request");
  }
  if (host !== request.headers.host) throw new AppError("cross_site_request");
}
