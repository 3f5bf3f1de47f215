import { pino } from "pino";
import { loadConfig } from "./config.js";
import { openDatabase } from "./db/open-database.js";
import { startJobs } from "./jobs/schedule.js";
import { buildApp } from "./server/app.js";
import { messagingOf } from "./server/customer-messages/customer-messaging.js";
import { ensureFirstAdmin } from "./server/first-admin.js";
import { realSenders } from "./server/notifications/senders.js";

/** `npm start`: the database (embedded unless DATABASE_URL), migrations, first admin, then HTTP. */
async function main() {
  const config = loadConfig();
  const log = pino({ level: config.LOG_LEVEL });
  const database = await openDatabase(config, log);
  const password = await ensureFirstAdmin(database.db, config.KESU_ADMIN_PASSWORD);
  if (password) {
    const shown = config.KESU_ADMIN_PASSWORD ? "(from KESU_ADMIN_PASSWORD)" : password;
    process.stdout.write(
      `\n  kesu first login — username: admin  password: ${shown}\n  Change it after signing in.\n\n`,
    );
  }
  const app = await buildApp({ config, db: database.db, logger: log });
  const senders = realSenders(
    config.SMTP_URL,
    config.KESU_MAIL_FROM,
    config.SMS_URL
      ? {
          url: config.SMS_URL,
          body: config.SMS_BODY,
          format: config.SMS_FORMAT,
          authorization: config.SMS_AUTHORIZATION,
        }
      : null,
  );
  const jobs = startJobs({
    db: database.db,
    replica: app.reportDb,
    config,
    senders,
    log: app.log,
    clock: app.clock,
  });
  const inboundSmtp =
    config.KESU_INBOUND_SMTP_PORT === undefined
      ? null
      : await (await import("./server/inbound/smtp-listener.js")).startInboundSmtp(
          {
            db: database.db,
            clock: app.clock,
            timezone: config.KESU_TIMEZONE,
            maxAttachmentBytes: config.KESU_MAX_ATTACHMENT_MB * 1_048_576,
            messaging: messagingOf(config),
          },
          {
            port: config.KESU_INBOUND_SMTP_PORT,
            host: config.KESU_INBOUND_SMTP_HOST,
            log: app.log,
          },
        );
  const shutdown = async () => {
    await inboundSmtp?.close();
    await Promise.all(jobs.map((job) => job.stop()));
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  await app.listen({ port: config.PORT, host: config.HOST });
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
