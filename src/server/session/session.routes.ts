import { and, eq, gt, or, sql } from "drizzle-orm";
import { z } from "zod";
import { apiTokens, loginFailures, sessions, users } from "../../db/schema.js";
import { canIssueApiTokens } from "../../domain/access/roles.js";
import { callerOf, callerWith, SESSION_COOKIE } from "../auth/caller.js";
import { digest, hashPassword, newSecret, verifyPassword } from "../auth/secrets.js";
import { AppError } from "../http/app-error.js";
import type { App } from "../http/app-types.js";
import { idParams } from "../http/input-fields.js";
import { goOffDuty } from "../routing/duty.js";
import { presentUser } from "../staff/user.presenter.js";
import { sessionAnswerSchema } from "./session.schemas.js";

const LOCKOUT_MINUTES = 15;
let dummyHash: Promise<string> | undefined;

export async function sessionRoutes(app: App) {
  app.post(
    "/session",
    {
      config: { public: true },
      schema: {
        tags: ["session"],
        summary: "Sign in",
        body: z.object({
          username: z.string().min(1).max(64),
          password: z.string().min(1).max(200),
        }),
        response: { 200: sessionAnswerSchema },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const address = request.ip;
      await refuseWhileLockedOut(app, username, address);
      const [user] = await app.db
        .select()
        .from(users)
        .where(and(eq(users.username, username), eq(users.active, true)));
      // A missing user costs the same time as a wrong password, so usernames cannot be probed.
      dummyHash ??= hashPassword("kesu-timing-equaliser");
      const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
      if (!user || !ok) {
        await app.db.insert(loginFailures).values({ username, address });
        throw new AppError("invalid_credentials");
      }
      const secret = newSecret();
      const hours = app.config.KESU_SESSION_HOURS;
      await app.db.insert(sessions).values({
        tokenHash: digest(secret),
        userId: user.id,
        expiresAt: new Date(Date.now() + hours * 3_600_000),
      });
      reply.setCookie(SESSION_COOKIE, secret, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: app.config.KESU_SECURE_COOKIES,
        maxAge: hours * 3600,
      });
      return { user: presentUser(user), center: { timeZone: app.config.KESU_TIMEZONE } };
    },
  );

  app.get(
    "/session",
    {
      schema: {
        tags: ["session"],
        summary: "Who is signed in",
        response: { 200: sessionAnswerSchema },
      },
    },
    async (request) => {
      const [user] = await app.db
        .select()
        .from(users)
        .where(eq(users.id, callerOf(request).id));
      if (!user) throw new AppError("unauthenticated");
      return { user: presentUser(user), center: { timeZone: app.config.KESU_TIMEZONE } };
    },
  );

  app.delete(
    "/session",
    { config: { public: true }, schema: { tags: ["session"], summary: "Sign out" } },
    async (request, reply) => {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) {
        const ended = await app.db
          .delete(sessions)
          .where(eq(sessions.tokenHash, digest(cookie)))
          .returning({ userId: sessions.userId });
        // Signing out ends the duty: nobody gives new cases to someone who has left.
        for (const { userId } of ended) await goOffDuty(app.db, userId, app.clock.now());
      }
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.code(204).send();
    },
  );

  app.post(
    "/tokens",
    {
      schema: {
        tags: ["session"],
        summary: "Issue an API token acting as the caller (shown once)",
        body: z
          .object({ name: z.string().trim().min(1).max(100).default("api") })
          .default({ name: "api" }),
        response: { 201: z.object({ id: z.uuid(), name: z.string(), token: z.string() }) },
      },
    },
    async (request, reply) => {
      const caller = callerWith(request, canIssueApiTokens);
      const token = newSecret("kesu_");
      const [row] = await app.db
        .insert(apiTokens)
        .values({ tokenHash: digest(token), userId: caller.id, name: request.body.name })
        .returning({ id: apiTokens.id, name: apiTokens.name });
      return reply.code(201).send({ ...row!, token });
    },
  );

  app.delete(
    "/tokens/:id",
    {
      schema: {
        tags: ["session"],
        summary: "Revoke one of the caller's API tokens",
        params: idParams,
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const revoked = await app.db
        .update(apiTokens)
        .set({ revokedAt: sql`now()` })
        .where(and(eq(apiTokens.id, request.params.id), eq(apiTokens.userId, caller.id)))
        .returning({ id: apiTokens.id });
      if (revoked.length === 0) throw new AppError("not_found", { entity: "token" });
      return reply.code(204).send();
    },
  );
}

/** Counted in the database, so the limit holds across several kesu servers. */
async function refuseWhileLockedOut(app: App, username: string, address: string) {
  const since = sql`now() - make_interval(mins => ${LOCKOUT_MINUTES})`;
  const [counts] = await app.db
    .select({
      byUser: sql<number>`count(*) filter (where ${loginFailures.username} = ${username})`.mapWith(
        Number,
      ),
      byAddress: sql<number>`count(*) filter (where ${loginFailures.address} = ${address})`.mapWith(
        Number,
      ),
    })
    .from(loginFailures)
    .where(
      and(
        gt(loginFailures.at, since),
        or(eq(loginFailures.username, username), eq(loginFailures.address, address)),
      ),
    );
  const limit = app.config.KESU_LOGIN_ATTEMPTS;
  // An address may try a few usernames (shared call-center NAT), but not unboundedly many.
  if ((counts?.byUser ?? 0) >= limit || (counts?.byAddress ?? 0) >= limit * 4) {
    throw new AppError("too_many_attempts", { minutes: LOCKOUT_MINUTES });
  }
}
