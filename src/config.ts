import path from "node:path";
import { z } from "zod";
import { slaProfiles } from "./db/seeds/sla.js";

/**
 * Due clocks per sweep transaction: a batch holds its cases' rows until it commits, so its size
 * bounds how long an agent acting on a swept case waits (docs/scaling.md, the sweep).
 */
export const DEFAULT_SWEEP_BATCH = 20;

/** The largest request body kesu reads, uploads apart (KESU_MAX_ATTACHMENT_MB). */
export const BODY_LIMIT_MB = 1;

const configSchema = z.object({
  /** PostgreSQL connection string; without it kesu runs its own embedded server. */
  DATABASE_URL: z.url().optional(),
  /** A streaming replica of that database: reports read there (the primary when it lags). */
  DATABASE_READ_URL: z.url().optional(),
  /** Folder for the embedded database, its password and attachments. */
  KESU_DATA_DIR: z.string().min(1).default("./data"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** First admin's password; generated and printed once when absent. */
  KESU_ADMIN_PASSWORD: z.string().min(8).optional(),
  /** Upper bound for one uploaded attachment, in megabytes. */
  KESU_MAX_ATTACHMENT_MB: z.coerce.number().positive().max(1024).default(20),
  /** Idle time after which a login session ends, in hours. */
  KESU_SESSION_HOURS: z.coerce.number().positive().default(12),
  /** Failed logins allowed per username or address within 15 minutes. */
  KESU_LOGIN_ATTEMPTS: z.coerce.number().int().positive().default(5),
  /** Timezone used for complaint numbers and dates shown to people. */
  KESU_TIMEZONE: z.string().min(1).default("Asia/Shanghai"),
  /** Which seeded SLA policies start active on a new database: bank, power or hotline12345. */
  KESU_SLA_PROFILE: z.enum(slaProfiles).default("bank"),
  /** How often each server sweeps for due SLA clocks, in seconds. */
  KESU_SWEEP_SECONDS: z.coerce.number().positive().max(3600).default(30),
  /** How often each server gives waiting cases to people on duty (routing/). */
  KESU_ROUTING_SECONDS: z.coerce.number().positive().max(3600).default(5),
  /** How often each server scores again the open cases whose escalation risk time has moved, in seconds. */
  KESU_RISK_RESCORE_SECONDS: z.coerce.number().positive().max(86_400).default(600),
  /** 群体性投诉: distinct customers with one category and area within the window that alert supervisors. */
  KESU_GROUP_COMPLAINT_CUSTOMERS: z.coerce.number().int().min(2).max(10_000).default(5),
  /** 群体性投诉: the window those customers' complaints fall in, in minutes. */
  KESU_GROUP_COMPLAINT_MINUTES: z.coerce.number().int().min(5).max(10_080).default(120),
  /** Intake's suggestions learn from closed cases received in this many past months. */
  KESU_SUGGESTION_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  /** At most this many of those closed cases, the newest, so a training takes seconds. */
  KESU_SUGGESTION_CASES: z.coerce.number().int().min(100).max(1_000_000).default(20_000),
  /** The hour (0–23, KESU_TIMEZONE) of the nightly training. */
  KESU_SUGGESTION_HOUR: z.coerce.number().int().min(0).max(23).default(3),
  /** Due clocks one sweep transaction takes; it holds their cases' rows until it commits. */
  KESU_SWEEP_BATCH: z.coerce.number().int().min(1).max(1000).default(DEFAULT_SWEEP_BATCH),
  /** SMTP server for notification mail, e.g. smtp://user:pass@mail.example.com:587; no mail without it. */
  SMTP_URL: z.string().min(1).optional(),
  /** Sender address of notification mail. */
  KESU_MAIL_FROM: z.string().min(3).default("kesu <kesu@localhost>"),
  /** SMS gateway: kesu POSTs each text message here; without it messages are logged, marked unsent. */
  SMS_URL: z.url().optional(),
  /** The gateway's body, with {to} and {text} filled in (escaped for SMS_FORMAT). */
  SMS_BODY: z.string().min(1).default('{"to":"{to}","text":"{text}"}'),
  /** How SMS_BODY is sent: json (application/json) or form (application/x-www-form-urlencoded). */
  SMS_FORMAT: z.enum(["json", "form"]).default("json"),
  /** Sent as the Authorization header of each gateway call, when the gateway wants one. */
  SMS_AUTHORIZATION: z.string().min(1).optional(),
  /** Which ways kesu writes to customers (受理回执, replies, surveys): sms, email, both or none. */
  KESU_CUSTOMER_MESSAGES: z
    .string()
    .default("sms,email")
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter((s): s is "sms" | "email" => s === "sms" || s === "email"),
    ),
  /** The address customers reach kesu at, for the portal and survey links in their messages. */
  KESU_PUBLIC_URL: z.url().default("http://localhost:3000"),
  /** Port of the built-in SMTP listener that turns customers' mail into cases; off when unset. */
  KESU_INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Address the inbound SMTP listener binds to. */
  KESU_INBOUND_SMTP_HOST: z.string().min(1).default("0.0.0.0"),
  /** Bearer token an MTA sends with POST /api/v1/inbound/email; the route refuses all without it. */
  KESU_INBOUND_EMAIL_TOKEN: z.string().min(24).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Set behind a TLS-terminating proxy so the session cookie is marked Secure. */
  KESU_SECURE_COOKIES: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
});

export type Config = z.infer<typeof configSchema> & { dataDir: string };

/** Reads and checks the environment once at boot; a wrong setting stops the server with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`kesu: invalid configuration\n${problems.join("\n")}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.KESU_DATA_DIR) };
}
