import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeDataDir, SYSTEM_DIR, startEmbeddedPostgres } from "./embedded-postgres.js";

// A checkout in a folder only root may enter (`git clone` in /root): root's kesu runs PostgreSQL
// as user postgres, who can reach neither node_modules nor ./data there. Only root runs
// PostgreSQL as another user, so only root can show it.
const isRoot = process.getuid?.() === 0;
const repo = path.resolve(import.meta.dirname, "../..");

let privateDir = "";
let checkout = "";
const started: ChildProcess[] = [];

/** `npm start` (node dist/main.js) in the private checkout. */
function startKesu(env: Record<string, string> = {}) {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "info",
    ...env,
  };
  delete childEnv.DATABASE_URL;
  delete childEnv.KESU_ADMIN_PASSWORD;
  if (!env.KESU_DATA_DIR) delete childEnv.KESU_DATA_DIR;
  const child = spawn(process.execPath, ["dist/main.js"], {
    cwd: checkout,
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let stdout = "";
  let stderr = "";
  const ready = new Promise<number | null>((resolve) => {
    const look = () => {
      const port = (stdout + stderr).match(/listening at http:\/\/127\.0\.0\.1:(\d+)/)?.[1];
      if (port) resolve(Number(port));
    };
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      look();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      look();
    });
    child.on("exit", () => resolve(null));
  });
  const exited = new Promise<number | string>((resolve) =>
    child.on("exit", (code, signal) => resolve(code ?? signal!)),
  );
  return { child, ready, exited, stdout: () => stdout, stderr: () => stderr };
}

/** Files in `dir` whose content holds `secret`. */
function filesHolding(dir: string, prefix: string, secret: string) {
  return fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(prefix))
    .filter((name) => {
      try {
        return fs.readFileSync(path.join(dir, name), "utf8").includes(secret);
      } catch {
        return false;
      }
    });
}

beforeAll(() => {
  if (!isRoot) return;
  // mkdtemp makes the folder 0700: the checkout inside is as closed to postgres as /root/kesu.
  privateDir = fs.mkdtempSync(path.join(os.tmpdir(), "kesu-private-"));
  expect(fs.statSync(privateDir).mode & 0o777).toBe(0o700);
  checkout = path.join(privateDir, "kesu");
  fs.mkdirSync(checkout);
  // node_modules as hard links: a real folder inside the private one (a symlink would lead node,
  // and the server's binaries, back to the open original), without copying 500 MB.
  execFileSync("cp", ["-al", path.join(repo, "node_modules"), path.join(checkout, "node_modules")]);
  fs.copyFileSync(path.join(repo, "package.json"), path.join(checkout, "package.json"));
  fs.cpSync(path.join(repo, "src", "db", "migrations"), path.join(checkout, "src/db/migrations"), {
    recursive: true,
  });
  // What `npm install` builds, from this source (the repository's dist/ may be older).
  execFileSync(
    process.execPath,
    [
      path.join(repo, "node_modules/typescript/bin/tsc"),
      "-p",
      path.join(repo, "tsconfig.build.json"),
      "--outDir",
      path.join(checkout, "dist"),
      "--sourceMap",
      "false",
    ],
    { stdio: "inherit" },
  );
}, 120_000);

afterAll(async () => {
  for (const child of started)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  await Promise.all(
    started.map(
      (child) =>
        new Promise((resolve) =>
          child.exitCode === null && child.signalCode === null
            ? child.on("exit", resolve)
            : resolve(null),
        ),
    ),
  );
  if (!privateDir) return;
  for (const data of ["data", "data-closed"]) removeDataDir(path.join(checkout, data));
  fs.rmSync(privateDir, { recursive: true, force: true });
});

describe.skipIf(!isRoot)("a checkout in a folder closed to user postgres (root only)", () => {
  it("npm start comes up, answers HTTP and leaves no password file behind", async () => {
    const kesu = startKesu();
    const port = await kesu.ready;
    expect(port, kesu.stdout() + kesu.stderr()).not.toBeNull();
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { openapi: string }).openapi).toMatch(/^3\./);

    // PostgreSQL runs as postgres, from outside the checkout, on a cluster ./data/pg links to.
    const link = path.join(checkout, "data", "pg");
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    const cluster = fs.realpathSync(link);
    expect(cluster.startsWith(path.join(SYSTEM_DIR, "clusters") + path.sep)).toBe(true);
    const postmaster = Number(
      fs.readFileSync(path.join(cluster, "postmaster.pid"), "utf8").split("\n")[0],
    );
    expect(fs.statSync(`/proc/${postmaster}`).uid).not.toBe(0);
    expect(fs.realpathSync(`/proc/${postmaster}/exe`).startsWith(privateDir)).toBe(false);

    kesu.child.kill("SIGTERM");
    expect(await kesu.exited).toBe(0);
    const password = fs.readFileSync(path.join(checkout, "data", "pg-password"), "utf8").trim();
    expect(filesHolding(os.tmpdir(), "pg-password-", password)).toEqual([]);
    expect(filesHolding(path.join(SYSTEM_DIR, "clusters"), ".kesu-initdb-", password)).toEqual([]);
    expect(filesHolding(path.join(checkout, "data"), ".kesu-initdb-", password)).toEqual([]);
    expect(kesu.stderr()).not.toMatch(/\n\s+at /);

    // The link keeps the data: a second start finds the same database (no new first login).
    const again = startKesu();
    expect(await again.ready, again.stdout() + again.stderr()).not.toBeNull();
    expect(again.stdout()).not.toMatch(/first login/);
    again.child.kill("SIGTERM");
    expect(await again.exited).toBe(0);
  }, 120_000);

  it("refuses in one sentence, naming the folder and the fix, when its database is out of reach", async () => {
    // A database folder made when it was reachable, whose parent was closed since.
    const data = path.join(checkout, "data-closed");
    fs.mkdirSync(path.join(data, "pg"), { recursive: true });
    fs.writeFileSync(path.join(data, "pg", "PG_VERSION"), "18\n");
    const kesu = startKesu({ KESU_DATA_DIR: data });
    expect(await kesu.exited).toBe(1);
    const lines = kesu.stderr().trim().split("\n");
    expect(lines, kesu.stderr()).toHaveLength(1);
    expect(lines[0]).toMatch(/^kesu: user postgres.* cannot reach its database folder /);
    expect(lines[0]).toContain(path.join(data, "pg"));
    expect(lines[0]).toMatch(/chmod o\+x .*KESU_DATA_DIR/);
    expect(fs.existsSync(path.join(data, "kesu.lock"))).toBe(false);
  }, 60_000);

  it("says where it could not keep the database when the system folder cannot be made", async () => {
    const data = path.join(privateDir, "data-nowhere");
    const start = startEmbeddedPostgres(
      data,
      { info: () => {}, warn: () => {} },
      { systemDir: "/dev/null/kesu" },
    );
    // Which of the two it needs first depends on whether this checkout's own node_modules is open.
    await expect(start).rejects.toThrow(
      /^kesu: user postgres, who runs the embedded PostgreSQL, cannot reach (the data folder )?\S+ and kesu could not (make its database folder in \/dev\/null\/kesu\/clusters|copy the server to \/dev\/null\/kesu\/postgres\/\S+) \(ENOTDIR\); make \/dev\/null\/kesu writable for root or (set KESU_DATA_DIR to|run kesu from) a folder user postgres can reach\.$/,
    );
    expect(fs.existsSync(path.join(data, "pg"))).toBe(false);
    expect(fs.existsSync(path.join(data, "kesu.lock"))).toBe(false);
  });
});
