import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ApiClient } from "../test/api-client.js";

/** A real `kesu` server process on its own embedded PostgreSQL, as `npm start` runs it. */
interface KesuProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the port once listening, or with null when the process exits first. */
  ready: Promise<number | null>;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kesu-embedded-"));
fs.chmodSync(dataDir, 0o755); // the embedded server runs as user postgres when we are root
const started: ChildProcess[] = [];

function startKesu(): KesuProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KESU_DATA_DIR: dataDir,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "info",
  };
  delete env.DATABASE_URL;
  delete env.KESU_ADMIN_PASSWORD;
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let output = "";
  const ready = new Promise<number | null>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = output.match(/listening at http:\/\/127\.0\.0\.1:(\d+)/)?.[1];
      if (port) resolve(Number(port));
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", () => resolve(null));
  });
  return { child, output: () => output, ready };
}

/** The exit code, or the signal's name when killed. */
const exited = (child: ChildProcess) =>
  new Promise<number | string>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve(child.exitCode ?? child.signalCode!);
    else child.on("exit", (code, signal) => resolve(code ?? signal!));
  });

async function signIn(port: number, password: string) {
  const client = new ApiClient(`http://127.0.0.1:${port}/api/v1`);
  return (await client.post("/session", { username: "admin", password })).status;
}

afterAll(async () => {
  for (const child of started)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  await Promise.all(started.map(exited));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("kesu on its embedded PostgreSQL", () => {
  let adminPassword = "";

  it("starts with a first login, refuses a second kesu, and recovers from kills keeping its data", async () => {
    const first = startKesu();
    const port = await first.ready;
    expect(port, first.output()).not.toBeNull();
    adminPassword = first.output().match(/username: admin {2}password: (\S+)/)?.[1] ?? "";
    expect(adminPassword).not.toBe("");
    expect(await signIn(port!, adminPassword)).toBe(200);
    expect(fs.statSync(path.join(dataDir, "pg-password")).mode & 0o777).toBe(0o600);

    // A second kesu on the same data folder is refused with a clear message.
    const second = startKesu();
    expect(await second.ready).toBeNull();
    expect(await exited(second.child)).toBe(1);
    expect(second.output()).toMatch(/another kesu \(pid \d+\) is already using the data folder/);

    // Killed without a chance to stop its PostgreSQL: the next start recovers and keeps the data.
    first.child.kill("SIGKILL");
    await exited(first.child);
    const third = startKesu();
    const thirdPort = await third.ready;
    expect(thirdPort, third.output()).not.toBeNull();
    expect(third.output()).not.toMatch(/first login/);
    expect(third.output()).toMatch(/left running by an earlier kesu/);
    expect(await signIn(thirdPort!, adminPassword)).toBe(200);

    // A clean stop leaves nothing behind: the next start needs no recovery.
    third.child.kill("SIGTERM");
    await exited(third.child);
    expect(fs.existsSync(path.join(dataDir, "kesu.lock"))).toBe(false);
    const fourth = startKesu();
    expect(await fourth.ready, fourth.output()).not.toBeNull();
    expect(fourth.output()).not.toMatch(/left running/);

    // Both kesu and its PostgreSQL die at once (power cut): stale lock and pid files are taken over.
    const postmaster = Number(
      fs.readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0],
    );
    fourth.child.kill("SIGKILL");
    process.kill(postmaster, "SIGKILL");
    await exited(fourth.child);
    expect(fs.existsSync(path.join(dataDir, "kesu.lock"))).toBe(true);
    const fifth = startKesu();
    const fifthPort = await fifth.ready;
    expect(fifthPort, fifth.output()).not.toBeNull();
    expect(await signIn(fifthPort!, adminPassword)).toBe(200);
    // Five starts of kesu and its PostgreSQL in turn: seconds each on a quiet machine, far more
    // on a busy one, and how long is not what this test is about.
  }, 180_000);
});
