// The workbench's figures, each as an agent meets it: a case opened from a link (a notification
// mail, a colleague's message) with a cold and a warm browser cache, moving from case to case
// inside the app, the queue after signing in, and the JavaScript each route loads first.

import { setTimeout as sleep } from "node:timers/promises";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { historyMove, linkClick, markOf, readinessScript, timeInPage } from "./in-page.js";

export interface Target {
  url: string;
  /** `kesu_session=…` of the agent the figures are taken as. */
  cookie: string;
  /** Open cases in the queue's order (by due), with their numbers. */
  cases: { id: string; number: string }[];
  rows: number;
}

export async function newContext(browser: Browser, target: Target, cookie = target.cookie) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  if (cookie) {
    const [name = "", value = ""] = cookie.split("=", 2);
    await context.addCookies([{ name, value, url: target.url }]);
  }
  await context.addInitScript(readinessScript(target.rows));
  return context;
}

/** Full page loads of `runs` different cases, each in a fresh browser context: nothing cached. */
export async function caseFromLinkCold(browser: Browser, target: Target, runs: number) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await newContext(browser, target);
    const page = await context.newPage();
    await page.goto(`${target.url}/complaints/${target.cases[i % target.cases.length]!.id}`);
    times.push(await markOf(page, "__caseReadyMs"));
    await context.close();
  }
  return times;
}

/**
 * Full page loads of `runs` different cases in one browser context that has opened the workbench
 * before (its HTTP cache holds the assets): each is a new document, as when the agent clicks the
 * next link in a mail.
 */
export async function caseFromLinkWarm(browser: Browser, target: Target, runs: number) {
  const context = await newContext(browser, target);
  const page = await context.newPage();
  const open = async (i: number) => {
    await page.goto(`${target.url}/complaints/${target.cases[i % target.cases.length]!.id}`);
    return markOf(page, "__caseReadyMs");
  };
  await open(runs); // the visit that fills the cache, not counted
  await page.waitForLoadState("networkidle");
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await open(i));
  await context.close();
  return times;
}

/**
 * In-app moves, timed in the page from the move to the next case ready:
 * - queue → case: the pointer rests on a queue row's link for `hoverMs`, then clicks it;
 * - next in queue: after `dwellMs` on a case (the agent reads it), on to the queue's next case;
 * - a case the app has not seen (further down the queue than the first page), as from a link in
 *   the customer's history, after the same dwell.
 * Moves go through the router's history (pushState + popstate, as a link's click does), so the
 * same code times any version of the workbench.
 */
export async function inAppMoves(
  browser: Browser,
  target: Target,
  runs: number,
  { hoverMs = 150, dwellMs = 1000 } = {},
) {
  const context = await newContext(browser, target);
  const page = await context.newPage();
  await page.goto(`${target.url}/queue`);
  await markOf(page, "__queueReadyMs");
  await page.waitForLoadState("networkidle");
  const queueToCase: number[] = [];
  const nextInQueue: number[] = [];
  const unseen: number[] = [];
  const backToQueue = async () => {
    await page.evaluate(`(${historyMove("/queue")})()`);
    await page
      .locator("tr.ant-table-row")
      .nth(target.rows - 1)
      .waitFor();
  };
  for (let i = 0; i < runs; i++) {
    const from = target.cases[(2 * i) % target.rows]!;
    const next = target.cases[(2 * i + 1) % target.rows]!;
    const far = target.cases[target.rows + i]!;
    const href = `/complaints/${from.id}`;
    await page.hover(`a[href="${href}"]`);
    await sleep(hoverMs);
    queueToCase.push(await timeInPage(page, linkClick(href), from.number));
    await sleep(dwellMs);
    nextInQueue.push(await timeInPage(page, historyMove(`/complaints/${next.id}`), next.number));
    await sleep(dwellMs);
    unseen.push(await timeInPage(page, historyMove(`/complaints/${far.id}`), far.number));
    await backToQueue();
  }
  await context.close();
  return { queueToCase, nextInQueue, unseen };
}

/** Login page loaded cold, then from pressing 登录 until the queue shows `rows` rows. */
export async function queueAfterLogin(
  browser: Browser,
  target: Target,
  credentials: { username: string; password: string },
  runs: number,
) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await newContext(browser, target, "");
    const page = await context.newPage();
    await page.goto(`${target.url}/login`);
    await page.getByLabel("用户名").fill(credentials.username);
    await page.getByLabel("密码").fill(credentials.password);
    await page.getByRole("button", { name: "登录" }).click();
    const ready = await markOf(page, "__queueReadyMs");
    times.push(ready - Number(await page.evaluate("window.__loginClickMs")));
    await context.close();
  }
  return times;
}

/** A full page load of /queue (signed in, nothing cached) until `rows` rows are on screen. */
export async function queueFromLink(browser: Browser, target: Target, runs: number) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await newContext(browser, target);
    const page = await context.newPage();
    await page.goto(`${target.url}/queue`);
    times.push(await markOf(page, "__queueReadyMs"));
    await context.close();
  }
  return times;
}

/** Every script a route's first full load fetches (until the network is quiet), gzipped (level 9). */
export async function routeScripts(
  context: BrowserContext,
  url: string,
  ready: (page: Page) => Promise<unknown>,
) {
  const scripts = new Map<string, number>();
  const page = await context.newPage();
  const pending: Promise<void>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    pending.push(
      response.body().then(
        (body) => {
          scripts.set(new URL(response.url()).pathname, gzipSync(body, { level: 9 }).length);
        },
        () => {},
      ),
    );
  });
  await page.goto(url);
  await ready(page);
  await page.waitForLoadState("networkidle");
  await Promise.all(pending);
  await page.close();
  return scripts;
}
