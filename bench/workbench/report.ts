// What bench:workbench prints and writes: each figure's p50 and p95 against its target, every
// route's first-load JavaScript (gzipped) file by file, and the machine it ran on.

import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { benchRoot } from "../api/bench-data.js";
import { caseReadyCheck } from "./in-page.js";

/**
 * When each route's first screen is there (the bundle count then waits for a quiet network);
 * `rows`: how many rows the queue shows when full.
 */
export const routeReady = (rows: number) =>
  ({
    login: (page) => page.getByRole("button", { name: "登录" }).waitFor(),
    queue: (page) =>
      page
        .locator("tr.ant-table-row")
        .nth(rows - 1)
        .waitFor(),
    complaint: (page) => page.waitForFunction(`(${caseReadyCheck})()`),
    intake: (page) => page.getByLabel("电话 / 证件号 / 户号 / 卡号 / 工单号 / 邮箱").waitFor(),
    inbox: (page) => page.locator(".ant-card .ant-table, .ant-card .ant-empty").first().waitFor(),
    admin: (page) => page.locator(".ant-tabs .ant-table-row").first().waitFor(),
  }) satisfies Record<string, (page: Page) => Promise<unknown>>;

/** Targets of issue 20, in ms or KB; a figure without one is reported as measured. */
const targets: Record<string, number> = {
  caseFromLinkCold: 800,
  caseFromLinkWarm: 500,
  caseToNextCase: 100,
  caseToUnseenCase: 100,
  historyAfterLastDigit: 300,
  firstRouteKb: 250,
};

const labels: Record<string, string> = {
  caseFromLinkCold: "case from a link, cold cache (full load → ready)",
  caseFromLinkWarm: "case from a link, warm cache (full load → ready)",
  queueToCase: "queue → case (hover 150 ms, click → ready)",
  caseToNextCase: "case → next case in the queue (after 1 s on a case)",
  caseToUnseenCase: "case → a case not fetched before (after 1 s)",
  queueAfterLogin: "queue of 50 ready after pressing 登录",
  queueFromLink: "queue of 50 ready, full load of /queue (cold)",
  historyAfterLastDigit: "intake: caller's history after the phone's last digit (warm page)",
};

/** The nearest-rank percentile. */
export function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN);
}

const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));

export interface WorkbenchRun {
  complaints: number;
  runs: number;
  rows: number;
  routes: Record<string, Map<string, number>>;
  times: Record<string, number[]>;
  machine: { cpus: number; load: number; node: string };
}

/** `name`: the results file under bench/results (a run of one figure writes its own). */
export function writeWorkbenchResults(run: WorkbenchRun, name = "workbench.json") {
  const figures = Object.fromEntries(
    Object.entries(run.times).map(([name, values]) => {
      const p50 = percentile(values, 50);
      const p95 = percentile(values, 95);
      const target = targets[name];
      return [
        name,
        {
          label: labels[name],
          p50,
          p95,
          ...(target ? { targetP95: target, met: p95 <= target } : {}),
          runs: values.map(Math.round),
        },
      ];
    }),
  );
  const routes = Object.fromEntries(
    Object.entries(run.routes).map(([route, scripts]) => {
      const total = kb([...scripts.values()].reduce((a, b) => a + b, 0));
      return [
        route,
        {
          jsGzipKb: total,
          target: targets.firstRouteKb,
          met: total <= targets.firstRouteKb!,
          scripts: Object.fromEntries([...scripts].map(([file, bytes]) => [file, kb(bytes)])),
        },
      ];
    }),
  );
  const result = {
    at: new Date().toISOString(),
    data: `bench:data, ${run.complaints} complaints (seed 7), as bench-agent1`,
    runsPerFigure: run.runs,
    figures,
    routes,
    machine: { ...run.machine, load: Number(run.machine.load.toFixed(2)) },
  };
  const file = path.join(benchRoot, "results", name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Runs on one line each, so the file reads as a table.
  fs.writeFileSync(
    file,
    `${JSON.stringify(result, null, 2).replace(/\[\s+([\d,\s]+?)\s+\]/g, (_, list: string) => `[${list.split(/,\s*/).join(", ")}]`)}\n`,
  );
  console.table(
    Object.fromEntries(
      Object.entries(figures).map(([name, f]) => [
        f.label ?? name,
        {
          p50: `${f.p50} ms`,
          p95: `${f.p95} ms`,
          target: "targetP95" in f ? `p95 ≤ ${f.targetP95} ms` : "—",
          met: "met" in f ? f.met : "—",
        },
      ]),
    ),
  );
  if (Object.keys(routes).length > 0)
    console.table(
      Object.fromEntries(
        Object.entries(routes).map(([route, r]) => [
          `${route}: first load JS (gzip)`,
          { value: `${r.jsGzipKb} KB`, target: `≤ ${r.target} KB`, met: r.met },
        ]),
      ),
    );
  console.log(
    `written to ${path.relative(process.cwd(), file)} (load average ${result.machine.load})`,
  );
}
