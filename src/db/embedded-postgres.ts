import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { clusterFolder, initdb, startServer } from "./embedded-postgres/cluster.js";
import {
  claimDataDir,
  publishPort,
  readOrCreatePassword,
  stopOrphanedServer,
} from "./embedded-postgres/data-folder.js";
import { isRoot, type Log, postgresUser } from "./embedded-postgres/postgres-account.js";
import { SYSTEM_DIR, serverBinaries } from "./embedded-postgres/server-binaries.js";

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts kesu's own PostgreSQL server from the embedded-postgres package's binaries, its cluster
 * in `<dataDir>/pg` (a folder, or a link to where user postgres can reach it), reachable on
 * loopback only, with a password generated once and kept in the data folder. Only one kesu may
 * use a data folder at a time.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: Log,
  { systemDir = SYSTEM_DIR }: { systemDir?: string } = {},
): Promise<EmbeddedDatabase> {
  dataDir = path.resolve(dataDir);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const releaseLock = claimDataDir(dataDir);
  try {
    const clusterLink = path.join(dataDir, "pg");
    await stopOrphanedServer(clusterLink, log);
    const password = readOrCreatePassword(dataDir);
    const runAs = isRoot ? postgresUser() : null;
    const serverDir = serverBinaries(runAs, systemDir, log);
    const clusterDir = clusterFolder(dataDir, runAs, systemDir, log);
    if (!fs.existsSync(path.join(clusterDir, "PG_VERSION"))) {
      log.info(`initialising embedded PostgreSQL in ${clusterDir}`);
      await initdb(serverDir, clusterDir, password, runAs);
    }
    const port = await freeLoopbackPort();
    const server = await startServer(serverDir, clusterDir, port, runAs);
    // A kesu that exits without stop() (process.exit after a failure) still stops its server.
    const stopOnExit = () => server.kill("SIGINT");
    process.once("exit", stopOnExit);
    const stop = async () => {
      process.off("exit", stopOnExit);
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((resolve) => server.once("exit", resolve));
        server.kill("SIGINT");
        await exited;
      }
    };
    const base = `postgres://kesu:${encodeURIComponent(password)}@127.0.0.1:${port}`;
    try {
      await createDatabaseIfMissing(`${base}/postgres`, "kesu");
    } catch (e) {
      await stop();
      throw e;
    }
    publishPort(dataDir, port);
    return {
      url: `${base}/kesu`,
      async stop() {
        await stop();
        releaseLock();
      },
    };
  } catch (e) {
    releaseLock();
    throw e;
  }
}

/**
 * Deletes a data folder made by startEmbeddedPostgres, with its cluster when that lives under
 * the system folder (tests clean up with it).
 */
export function removeDataDir(dataDir: string) {
  const link = path.join(dataDir, "pg");
  try {
    if (fs.lstatSync(link).isSymbolicLink())
      fs.rmSync(path.resolve(dataDir, fs.readlinkSync(link)), { recursive: true, force: true });
  } catch {
    // no cluster link: nothing outside the folder
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}

// PostgreSQL refuses to run as root, so root's kesu runs it as user postgres, and everything the
// server opens must be reachable by that user: its binaries, its cluster and initdb's password
// file. A checkout in a private folder (a `git clone` in /root, any 0700 parent) hides both
// node_modules and the default ./data from it. Rather than asking anyone to open their home, kesu
// then runs a copy of the server kept in the system folder and keeps the cluster there too,
// linked from the data folder. Each case is checked by asking user postgres itself (test -x), so
// permissions, groups and ACLs all count as the kernel counts them.

/** A port nobody listens on now (a tiny race until it is taken is accepted). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0)
      await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

export { runningEmbeddedUrl } from "./embedded-postgres/data-folder.js";
export { SYSTEM_DIR } from "./embedded-postgres/server-binaries.js";
