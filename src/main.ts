import { pino } from "pino";
import { openDatabase } from "./db/open-database.js";
import { buildApp } from "./server/app.js";
import { loadConfig } from "./server/config.js";
import { ensureFirstAdmin } from "./server/first-admin.js";
import { startSweepJob } from "./server/sla/sweep-job.js";

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
  const sweep = startSweepJob(database.db, app.log, config.KESU_SWEEP_SECONDS * 1000);
  const shutdown = async () => {
    await sweep.stop();
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
