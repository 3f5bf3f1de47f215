import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { isRunning } from "./data-folder.js";
import type { Log } from "./postgres-account.js";
import { errorCode, postgresCanEnter, type RunAs, spawnOptions } from "./postgres-account.js";
import { makePublicDirs } from "./server-binaries.js";

/**
 * The cluster folder as PostgreSQL opens it. `<dataDir>/pg` itself when user postgres can reach
 * the data folder; otherwise a new folder under `<systemDir>/clusters` that `<dataDir>/pg` links
 * to, so the link records for good where this data folder's database lives.
 */
export function clusterFolder(
  dataDir: string,
  runAs: RunAs | null,
  systemDir: string,
  log: Log,
): string {
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

/**
 * Creates the cluster. initdb reads the password from a file: written mode 600, owned by the user
 * that runs initdb, beside the cluster (never in a shared /tmp), and removed however initdb ends;
 * one left by a killed kesu is removed by the next initialisation.
 */
export async function initdb(
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

/**
 * Sized for a small center's one machine. PostgreSQL keeps up to `max_wal_size` of write-ahead log
 * (1 GB by default, which was most of a fresh install's folder after 20,000 cases); 256 MB still
 * spaces checkpoints minutes apart at a center's write rate, and compressing the full-page images
 * each checkpoint brings offsets writing them more often. An external PostgreSQL is the DBA's to
 * size (README, Configuration).
 */
export const smallCenterSettings = [
  "max_wal_size=256MB",
  "min_wal_size=64MB",
  "wal_compression=on",
];

/** The postgres server, resolved once it accepts connections. */
export function startServer(
  serverDir: string,
  clusterDir: string,
  port: number,
  runAs: RunAs | null,
) {
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
        ...smallCenterSettings.flatMap((setting) => ["-c", setting]),
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
