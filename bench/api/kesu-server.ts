import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { freeLoopbackPort } from "../../src/db/embedded-postgres.js";

export interface RunningServer {
  url: string;
  pid: number;
  /** Milliseconds from spawning the process to the first 200 of `readyPath`. */
  coldStartMs: number;
  /** Resident memory of the server's own process (its PostgreSQL runs as separate processes). */
  rssMb(): number;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** The entry script run by node, e.g. dist/main.js or bench/api/bare-insert-server.ts via tsx. */
  args: string[];
  /** Added to this process's environment; an undefined value removes the variable. */
  env: Record<string, string | undefined>;
  /** Polled until it answers 200: a request that needs the database and a session. */
  readyPath: string;
  cookie?: string;
}

/** Starts a server as its own process on a free loopback port, as an operator would run it. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const port = await freeLoopbackPort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    PORT: String(port),
    HOST: "127.0.0.1",
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  const child = spawn(process.execPath, options.args, {
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  await waitForAnswer(`${url}${options.readyPath}`, options.cookie, child, () => stderr);
  const coldStartMs = performance.now() - started;
  return {
    url,
    pid: child.pid!,
    coldStartMs,
    rssMb: () => rssMb(child.pid!),
    async stop() {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function waitForAnswer(
  url: string,
  cookie: string | undefined,
  child: ChildProcess,
  stderr: () => string,
) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`server exited (${child.exitCode}) before answering:\n${stderr()}`);
    try {
      const response = await fetch(url, { headers: cookie ? { cookie } : {} });
      if (response.status === 200) return;
      await response.arrayBuffer();
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
  child.kill("SIGKILL");
  throw new Error(`server did not answer ${url} within 120 s:\n${stderr()}`);
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(status.match(/^VmRSS:\s+(\d+)/m)?.[1] ?? Number.NaN);
  return Math.round(kb / 1024);
}
