import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Config } from "../../config.js";
import type { Database } from "../../db/client.js";
import type { Actor } from "../../domain/access/roles.js";
import type { Clock } from "../clock.js";
import type { Locale } from "./locale.js";

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The signed-in person or token owner, as every command records them. */
export interface Caller extends Actor {
  username: string;
  displayName: string;
  agentNo: string;
  via: "session" | "token";
}

/**
 * Who runs a command and on which database: all a command needs, so routes, the command line,
 * the demo loader and jobs call the same function.
 */
export interface Acting {
  db: Database;
  caller: Caller;
  clock: Clock;
}

/**
 * A command that opens its own transaction needs no more of the database than that; handed a
 * transaction (a history import replaying a case's steps), its own becomes a savepoint.
 */
export type ActingIn = Omit<Acting, "db"> & { db: Pick<Database, "transaction"> };

declare module "fastify" {
  interface FastifyInstance {
    db: Database;
    /** The streaming replica reports read (DATABASE_READ_URL), else null. */
    reportDb: Database | null;
    config: Config;
    clock: Clock;
  }
  interface FastifyRequest {
    caller: Caller | null;
    locale: Locale;
  }
  interface FastifyContextConfig {
    /** Routes open without signing in. */
    public?: boolean;
    /** Routes that check a bearer secret of their own (an MTA's), not a user's API token. */
    ownBearer?: boolean;
  }
}
