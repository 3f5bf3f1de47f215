// Workbench benchmark, in Debian's Chromium against a real kesu (dist/main.js) on the benchmark
// data (bench:data's 100,000 complaints, seed 7, made once under bench/.data/): a case opened from
// a link with a cold and a warm cache, case → case inside the app, the queue after login, and the
// gzipped JavaScript each route loads first. `npm run bench:workbench [-- --runs 20]` after
// `npm run build`; results in bench/results/workbench.json. `-- --only history` takes only the
// intake figure (a returning caller's history after the phone's last digit), into
// bench/results/workbench-history.json.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { chromiumPath, hasChromium, launchChromium } from "../e2e/browser.js";
import { runningEmbeddedUrl } from "../src/db/embedded-postgres/data-folder.js";
import { benchRoot, ensureBenchData } from "./api/bench-data.js";
import { startServer } from "./api/kesu-server.js";
import { signIn } from "./api/sessions.js";
import { BENCH_PASSWORD } from "./data/generate-data.js";
import { historyAfterLastDigit, returningCallers } from "./workbench/intake.js";
import {
  caseFromLinkCold,
  caseFromLinkWarm,
  inAppMoves,
  newContext,
  queueAfterLogin,
  queueFromLink,
  routeScripts,
  type Target,
} from "./workbench/measure.js";
import { routeReady, writeWorkbenchResults } from "./workbench/report.js";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "20" },
    complaints: { type: "string" },
    only: { type: "string" },
  },
});
const RUNS = Number(values.runs);
const COMPLAINTS = Number(values.complaints ?? 100_000);
const ROWS = 50;
const root = path.resolve(benchRoot, "..");
const ADMIN = "bench-web-admin";

/** An admin to open the admin screens with (the generated staff has none); made once. */
function ensureAdmin(dataDir: string) {
  try {
    execFileSync(
      process.execPath,
      [
        path.join(root, "bin", "kesu.js"),
        ...["user", "create", "--username", ADMIN, "--name", "基准管理员"],
        ...["--agent-no", "99001", "--role", "admin", "--password", BENCH_PASSWORD],
      ],
      { env: { ...process.env, KESU_DATA_DIR: dataDir, LOG_LEVEL: "warn" }, stdio: "pipe" },
    );
  } catch (error) {
    const said = String((error as { stderr?: Buffer }).stderr ?? error);
    if (!/exist|已存在|taken|duplicate/i.test(said)) throw error;
  }
}

async function main() {
  if (!hasChromium) {
    console.log(`workbench bench skipped: no Chromium at ${chromiumPath}`);
    return;
  }
  for (const built of ["main.js", "web/index.html"])
    if (!fs.existsSync(path.join(root, "dist", built)))
      throw new Error("build first: npm run build");
  const dataDir = await ensureBenchData(COMPLAINTS);
  ensureAdmin(dataDir);
  const server = await startServer({
    args: [path.join(root, "dist", "main.js")],
    env: { KESU_DATA_DIR: dataDir, LOG_LEVEL: "warn", DATABASE_URL: undefined },
    readyPath: "/api/v1/openapi.json",
  });
  const browser = await launchChromium();
  try {
    const agent = await signIn(server.url, "bench-agent1");
    const admin = await signIn(server.url, ADMIN);
    // The queue's own order (open, by due): the first page and the cases after it.
    const list = (await fetch(`${server.url}/api/v1/complaints?open=true&sort=due&limit=100`, {
      headers: { cookie: agent.cookie },
    }).then((r) => r.json())) as { items: { id: string; number: string }[] };
    const target: Target = { url: server.url, cookie: agent.cookie, cases: list.items, rows: ROWS };
    if (list.items.length < ROWS + RUNS) throw new Error("too few open cases in the bench data");

    const progress = (what: string) => process.stderr.write(`  ${what} …\n`);
    const machine = () => ({
      cpus: os.cpus().length,
      load: os.loadavg()[0]!,
      node: process.version,
    });
    progress("history after the phone's last digit");
    const pool = new pg.Pool({ connectionString: runningEmbeddedUrl(dataDir)!, max: 1 });
    const callers = await returningCallers(pool, RUNS + 1).finally(() => pool.end());
    const history = await historyAfterLastDigit(browser, target, callers);
    if (values.only === "history") {
      const times = { historyAfterLastDigit: history };
      const run = { complaints: COMPLAINTS, runs: RUNS, rows: ROWS, routes: {}, times };
      writeWorkbenchResults({ ...run, machine: machine() }, "workbench-history.json");
      return;
    }
    progress("route bundles");
    const routes: Record<string, Map<string, number>> = {};
    const caseId = target.cases[0]!.id;
    for (const [route, pathname, cookie] of [
      ["login", "/login", ""],
      ["queue", "/queue", agent.cookie],
      ["complaint", `/complaints/${caseId}`, agent.cookie],
      ["intake", "/intake", agent.cookie],
      ["inbox", "/inbox", agent.cookie],
      ["admin", "/admin", admin.cookie],
    ] as const) {
      const context = await newContext(browser, target, cookie);
      routes[route] = await routeScripts(
        context,
        `${server.url}${pathname}`,
        routeReady(ROWS)[route],
      );
      await context.close();
    }
    progress("case from a link, cold cache");
    const cold = await caseFromLinkCold(browser, target, RUNS);
    progress("case from a link, warm cache");
    const warm = await caseFromLinkWarm(browser, target, RUNS);
    progress("moves inside the app");
    const moves = await inAppMoves(browser, target, RUNS);
    progress("queue after login");
    const login = await queueAfterLogin(
      browser,
      target,
      { username: "bench-agent1", password: BENCH_PASSWORD },
      Math.min(RUNS, 10),
    );
    progress("queue from a link");
    const queue = await queueFromLink(browser, target, Math.min(RUNS, 10));
    writeWorkbenchResults({
      complaints: COMPLAINTS,
      runs: RUNS,
      rows: ROWS,
      routes,
      times: {
        caseFromLinkCold: cold,
        caseFromLinkWarm: warm,
        queueToCase: moves.queueToCase,
        caseToNextCase: moves.nextInQueue,
        caseToUnseenCase: moves.unseen,
        queueAfterLogin: login,
        queueFromLink: queue,
        historyAfterLastDigit: history,
      },
      machine: machine(),
    });
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
