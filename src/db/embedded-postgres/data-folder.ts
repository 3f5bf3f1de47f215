import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Log } from "./postgres-account.js";

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

export function publishPort(dataDir: string, port: number) {
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
export function claimDataDir(dataDir: string): () => void {
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
export async function stopOrphanedServer(clusterDir: string, log: Log): Promise<void> {
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

export function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, "pg-password");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const password = randomBytes(24).toString("base64url");
  fs.writeFileSync(file, password, { mode: 0o600 });
  return password;
}
