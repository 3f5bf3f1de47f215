import { pino } from "pino";
import { loadConfig } from "./config.js";
import { openDatabase } from "./db/open-database.js";
import { pruneExpired } from "./jobs/housekeeping.js";
import { startRecurringJob } from "./jobs/recurring-job.js";
import { buildApp } from "./server/app.js";
import { ensureFirstAdmin } from "./server/first-admin.js";
import { deliverDueOutbox } from "./server/notifications/deliver-outbox.js";
import { realSenders } from "./server/notifications/senders.js";
import { sweepDueClocks } from "./server/sla/sweep.js";

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
  const senders = realSenders(config.SMTP_URL, config.KESU_MAIL_FROM);
  const jobs = [
    startRecurringJob({
      name: "sla-sweep",
      intervalMs: config.KESU_SWEEP_SECONDS * 1000,
      batchSize: config.KESU_SWEEP_BATCH,
      log: app.log,
      runBatch: (size) => sweepDueClocks(database.db, new Date(), size),
    }),
    startRecurringJob({
      name: "outbox",
      intervalMs: 2000,
      batchSize: 20,
      log: app.log,
      runBatch: (size) => deliverDueOutbox(database.db, senders, new Date(), size),
    }),
    startRecurringJob({
      name: "housekeeping",
      intervalMs: 3_600_000,
      batchSize: 1,
      log: app.log,
      runBatch: () => pruneExpired(database.db),
    }),
  ];
  const shutdown = async () => {
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
