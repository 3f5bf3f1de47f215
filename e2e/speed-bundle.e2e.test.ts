// How much JavaScript each workbench route fetches on a full page load, gzipped, against a budget
// per route (issue 20: the first route ≤ 250 KB). The same count as bench:workbench's routes part
// (bench/workbench/measure.ts), here on a small test database so it runs with the browser tests;
// the scripts of every route are printed, largest first, for finding what to cut next.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newContext, routeScripts, type Target } from "../bench/workbench/measure.js";
import { routeReady } from "../bench/workbench/report.js";
import { makeComplaint, makeStaff } from "../src/test/factories.js";
import { skipBrowserTests } from "./browser.js";
import { startWorkbench, type Workbench, warnWhenSkipped } from "./workbench-fixture.js";

warnWhenSkipped("bundle size");

/** KB gzipped (level 9) a full load of each route may fetch: what each fetched when last cut, and a little room. */
const budgetKb = {
  login: 250,
  queue: 404,
  complaint: 372,
  intake: 385,
  inbox: 391,
  admin: 428,
};

const ROWS = 3;

describe.skipIf(skipBrowserTests)("the JavaScript each route loads first", () => {
  let wb: Workbench;
  const cookies = { agent: "", admin: "" };
  let caseId = "";

  beforeAll(async () => {
    wb = await startWorkbench();
    const agent = await makeStaff(wb.admin, "agent", { displayName: "王芳", agentNo: "1023" });
    for (let i = 0; i < ROWS; i++)
      caseId = (await makeComplaint(agent.client, { subject: `信用卡年费争议 #${i}` })).id;
    cookies.agent = agent.client.cookie!;
    cookies.admin = wb.admin.cookie!;
  }, 180_000);
  afterAll(() => wb?.close());

  it("stays within each route's budget", async () => {
    const target: Target = { url: wb.base, cookie: cookies.agent, cases: [], rows: ROWS };
    const ready = routeReady(ROWS);
    const totals: Record<string, number> = {};
    for (const [route, pathname, cookie] of [
      ["login", "/login", ""],
      ["queue", "/queue", cookies.agent],
      ["complaint", `/complaints/${caseId}`, cookies.agent],
      ["intake", "/intake", cookies.agent],
      ["inbox", "/inbox", cookies.agent],
      ["admin", "/admin", cookies.admin],
    ] as const) {
      const context = await newContext(wb.browser, target, cookie);
      const scripts = await routeScripts(context, `${wb.base}${pathname}`, ready[route]);
      await context.close();
      const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
      totals[route] = kb([...scripts.values()].reduce((a, b) => a + b, 0));
      const files = [...scripts].sort((a, b) => b[1] - a[1]);
      console.log(
        `${route}: ${totals[route]} KB gzip\n${files.map(([file, bytes]) => `  ${kb(bytes)}\t${file}`).join("\n")}`,
      );
    }
    for (const [route, kb] of Object.entries(totals))
      expect({ route, kb }).toEqual({
        route,
        kb: expect.toSatisfy((v: number) => v <= budgetKb[route as keyof typeof budgetKb]),
      });
  }, 180_000);
});
