// What makes the workbench fast, checked as behaviour: a case opened from a link asks for its data
// together with its code and once only; a queue row the pointer rests on is fetched ahead, so the
// case opens from the cache without a loading state; the next case in the queue is fetched while
// the agent reads this one.

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeComplaint, makeStaff, type Staff } from "../src/test/factories.js";
import type { Complaint } from "../src/test/wire.js";
import { skipBrowserTests } from "./browser.js";
import { startWorkbench, type Workbench, warnWhenSkipped } from "./workbench-fixture.js";

warnWhenSkipped("speed");

/** Every GET of the case's own record the page sends, from now on. */
function caseReads(page: Page, id: string) {
  const reads: string[] = [];
  page.on("request", (request) => {
    if (
      request.method() === "GET" &&
      new URL(request.url()).pathname === `/api/v1/complaints/${id}`
    )
      reads.push(request.url());
  });
  return reads;
}

/** The scripts on the call stack that sent each request to this path, from now on (Chromium's own record). */
async function scriptsAsking(page: Page, pathname: string) {
  const scripts: string[] = [];
  const session = await page.context().newCDPSession(page);
  await session.send("Network.enable");
  session.on("Network.requestWillBeSent", (event) => {
    if (new URL(event.request.url).pathname !== pathname) return;
    for (let stack = event.initiator.stack; stack; stack = stack.parent)
      for (const frame of stack.callFrames) scripts.push(frame.url);
  });
  return scripts;
}

/**
 * Notes whether the page shows a loading state from now on: a spinner where the case should be
 * (a panel still loading a side list beside a case already shown does not count).
 */
async function watchForSpinner(page: Page) {
  await page.evaluate(`(() => {
    window.__spinnerSeen = false;
    new MutationObserver(() => {
      const content = document.querySelector(".ant-layout-content");
      if (content?.querySelector(".ant-spin-spinning") && !content.querySelector('[data-testid="complaint-number"]'))
        window.__spinnerSeen = true;
    }).observe(document, { childList: true, subtree: true });
  })()`);
  return async () => Boolean(await page.evaluate("window.__spinnerSeen"));
}

describe.skipIf(skipBrowserTests)("a fast workbench in Chromium", () => {
  let wb: Workbench;
  let agent: Staff;
  const cases: Complaint[] = [];

  beforeAll(async () => {
    wb = await startWorkbench();
    agent = await makeStaff(wb.admin, "agent", { displayName: "王芳", agentNo: "1023" });
    // Created one after another, so the queue (due first) lists them in this order.
    for (let i = 0; i < 4; i++)
      cases.push(await makeComplaint(agent.client, { subject: `信用卡年费争议 #${i}` }));
  }, 180_000);
  afterAll(() => wb?.close());

  it("opens a case from a link with its data, asked for by the first script and once only", async () => {
    const target = cases[2]!;
    const page = await wb.signIn(agent.user.username, "/queue");
    const reads = caseReads(page, target.id);
    const askedBy = await scriptsAsking(page, `/api/v1/complaints/${target.id}`);
    await page.goto(`${wb.base}/complaints/${target.id}`);
    await page.getByTestId("complaint-number").getByText(target.number).waitFor();
    await page.getByText("信用卡年费争议 #2").waitFor();
    await page.getByTestId("timeline-event").first().waitFor();
    await page.waitForLoadState("networkidle");
    expect(reads).toHaveLength(1);
    // Asked for by the page's first script, which starts the case page's code at the same moment,
    // not by that code once it has arrived: the order holds however loaded the machine is.
    const entry = (await page.evaluate(
      `document.querySelector('script[type="module"][src]').src`,
    )) as string;
    expect(askedBy).toContain(entry);
    expect(askedBy.some((url) => /complaint-page/.test(url))).toBe(false);
  }, 60_000);

  it("fetches a queue row's case while the pointer rests on it, then opens it from the cache", async () => {
    const target = cases[1]!;
    const page = await wb.signIn(agent.user.username, "/queue");
    const link = page.getByRole("link", { name: target.number });
    await link.waitFor();
    const fetched = page.waitForResponse(
      (r) => new URL(r.url()).pathname === `/api/v1/complaints/${target.id}`,
    );
    await link.hover();
    await fetched;
    const reads = caseReads(page, target.id);
    const spinnerSeen = await watchForSpinner(page);
    await link.click();
    await page.getByTestId("complaint-number").getByText(target.number).waitFor();
    await page.getByTestId("timeline-event").first().waitFor();
    expect(await spinnerSeen()).toBe(false);
    expect(reads).toHaveLength(0);
  }, 60_000);

  it("fetches the next case in the queue while the agent reads this one", async () => {
    const page = await wb.signIn(agent.user.username, "/queue");
    const answered = new Set<string>();
    page.on("response", (r) => answered.add(new URL(r.url()).pathname));
    const rows = page.locator("tr.ant-table-row");
    await rows.nth(cases.length - 1).waitFor();
    // The queue's own order decides which case comes next.
    const [first, second] = await Promise.all(
      [0, 1].map(async (n) => {
        const number = await rows.nth(n).getByRole("link").textContent();
        return cases.find((c) => c.number === number)!;
      }),
    );
    await page.getByRole("link", { name: first!.number }).click();
    await page.getByTestId("complaint-number").getByText(first!.number).waitFor();
    const next = page.getByTestId("next-case");
    expect(await next.textContent()).toBe(`下一件：${second!.number}`);
    await expect
      .poll(() => answered.has(`/api/v1/complaints/${second!.id}`), { timeout: 10_000 })
      .toBe(true);
    const reads = caseReads(page, second!.id);
    const spinnerSeen = await watchForSpinner(page);
    await next.click();
    await page.getByTestId("complaint-number").getByText(second!.number).waitFor();
    await page.getByTestId("timeline-event").first().waitFor();
    expect(await spinnerSeen()).toBe(false);
    expect(reads).toHaveLength(0);
  }, 60_000);
});
