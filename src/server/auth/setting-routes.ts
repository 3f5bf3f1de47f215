import type { z } from "zod";
import type { Database, Tx } from "../../db/client.js";
import { canManageStaff, type Role } from "../../domain/access/roles.js";
import { recordAudit } from "../audit/record-audit.js";
import type { App, Caller } from "../http/app-types.js";
import { callerOf, callerWith } from "./caller.js";

export interface Setting<Shown extends z.ZodType, Body extends z.ZodType> {
  path: string;
  tags: string[];
  summaries: { read: string; replace: string };
  /** The answer of both routes. */
  shown: Shown;
  body: Body;
  /** Who may read it, when not everyone signed in. */
  readableBy?: (role: Role) => boolean;
  read(db: Database | Tx): Promise<z.output<Shown>>;
  /** Replaces it in the request's transaction; answers what is now set. */
  replace(tx: Tx, caller: Caller, body: z.output<Body>, now: Date): Promise<z.output<Shown>>;
  /** The audit row's entity and id, where the change is audited as the answers before and after. */
  audit?: { entity: string; id: string };
}

/**
 * A setting of the center as a GET and a PUT on one path: read by everyone signed in (or whom
 * `readableBy` lets), replaced whole by an admin in one transaction.
 */
export function settingRoutes<Shown extends z.ZodType, Body extends z.ZodType>(
  app: App,
  setting: Setting<Shown, Body>,
) {
  const { path, tags, summaries, readableBy, audit } = setting;
  // Fastify cannot work out reply and body types from a schema still generic: handed as plain
  // zod types here, and `Setting` types both ends instead.
  const shown: z.ZodType = setting.shown;
  const body: z.ZodType = setting.body;
  app.get(
    path,
    { schema: { tags, summary: summaries.read, response: { 200: shown } } },
    async (request) => {
      if (readableBy) callerWith(request, readableBy);
      else callerOf(request);
      return setting.read(app.db);
    },
  );
  app.put(
    path,
    { schema: { tags, summary: summaries.replace, body, response: { 200: shown } } },
    async (request) => {
      const caller = callerWith(request, canManageStaff);
      const given = request.body as z.output<Body>;
      return app.db.transaction(async (tx) => {
        const before = audit && (await setting.read(tx));
        const after = await setting.replace(tx, caller, given, app.clock.now());
        if (audit)
          await recordAudit(tx, caller, "update", audit.entity, audit.id, { before, after });
        return after;
      });
    },
  );
}
