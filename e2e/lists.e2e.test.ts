// The lists as their users read them (issue 19), in Chinese, on the demo's data: a department's
// inbox, the work queue's columns, the clocks panel of a case gone round twice, a supervisor's
// team view of missed deadlines and the reassign dialog.

import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../src/demo/demo-staff.js";
import { loadDemo } from "../src/demo/load-demo.js";
import { ApiClient } from "../src/test/api-client.js";
import { sweepAt } from "../src/test/sweep-at.js";
import type { ComplaintListItem, InboxList, Page as ListPage } from "../src/test/wire.js";
import { screenshot, skipBrowserTests } from "./browser.js";
import { dialog, startWorkbench, type Workbench, warnWhenSkipped } from "./workbench-fixture.js";

warnWhenSkipped("lists");

describe.skipIf(skipBrowserTests)("the lists on the demo's data, in Chromium", () => {
  let wb: Workbench;
  /** The open cases of the supervisors' team whose reply deadline was moved into the past. */
  let late: { id: string; number: string; days: number }[];

  /** An API client signed in as a demo person (every demo password is the same). */
  async function demoClient(username: string) {
    const client = new ApiClient(wb.server.api);
    const res = await client.post("/session", { username, password: DEMO_PASSWORD });
    if (res.status !== 200) throw new Error(`demo sign-in ${username}: ${res.status}`);
    return client;
  }

  beforeAll(async () => {
    wb = await startWorkbench();
    await loadDemo(wb.server.app, { complaints: 300, seed: 42 });
    // Time moves on for three open cases of the demo's agents: their reply deadlines passed 1, 3
    // and 6 days ago (the API takes no deadline in the past), then the sweep finds them missed.
    const { rows } = await wb.server.db.execute<{ id: string; number: string }>(sql`
      select c.id, c.number from complaints c
      where c.status in ('assigned', 'dispatched') and c.owner_id is not null
        and exists (select 1 from sla_clocks k where k.complaint_id = c.id
                    and k.name = 'customerReply' and k.stopped_at is null)
      order by c.number limit 3`);
    late = rows.map((row, i) => ({ ...row, days: [1, 3, 6][i]! }));
    for (const { id, days } of late)
      await wb.server.db.execute(sql`
        with moved as (
          update sla_clocks set started_at = now() - ${`${15 + days} days`}::interval,
            due_at = now() - ${`${days} days`}::interval, next_event_at = now()
          where complaint_id = ${id} and name = 'customerReply' and stopped_at is null
          returning due_at)
        update complaints set due_at = (select due_at from moved) where id = ${id}`);
    await sweepAt(wb.server.db, new Date());
  }, 300_000);
  afterAll(() => wb?.close());

  /** A browser signed in as a demo person, opened at `path`. */
  const demoPage = (username: string, path: string) =>
    wb.signIn(username, path, { password: DEMO_PASSWORD });
  const rowOf = (page: Page, text: string) => page.locator("tr.ant-table-row", { hasText: text });

  it("opens a handler's inbox on what is owed, soonest due first, and shows finished orders with their time", async () => {
    const api = await demoClient("handler-card");
    const owed = (
      await api.get<InboxList>("/work-orders?status=pending&status=accepted&sort=due&counts=true")
    ).body;
    const page = await demoPage("handler-card", "/inbox");
    const rows = page.locator(".inbox-table tr.ant-table-row");
    await rows.first().waitFor();
    // The open tab, its count, and the orders in the server's due order.
    const counts = owed.counts!;
    await page
      .getByTestId("inbox-tab-open")
      .getByText(String(counts.pending.count + counts.accepted.count), { exact: true })
      .waitFor();
    await page
      .getByTestId("inbox-tab-completed")
      .getByText(String(counts.completed.count), { exact: true })
      .waitFor();
    expect(await rows.count()).toBe(owed.items.length);
    const shown = await rows.locator("td:first-child a").allTextContents();
    expect(shown).toEqual(owed.items.map((i) => i.complaintNumber));
    for (const status of await rows.locator("td:nth-child(4)").allTextContents())
      expect(["待签收", "已接单"]).toContain(status);
    await screenshot(page, "lists-inbox");

    // Finished orders: their own tab, each with when it finished and no countdown.
    await page.getByTestId("inbox-tab-completed").click();
    await page.getByRole("columnheader", { name: "完成时间" }).waitFor();
    await rows.first().getByTestId("inbox-finished-at").waitFor();
    const table = (await page.locator(".inbox-table").textContent()) ?? "";
    expect(table).not.toMatch(/剩余|已超时/);
    // An order of a 重办 round says which, in whichever tab's first page holds one.
    const tabs = {
      open: "status=pending&status=accepted&sort=due",
      returned: "status=returned&sort=finished",
      completed: "status=completed&sort=finished",
    };
    for (const [key, query] of Object.entries(tabs)) {
      const round = (await api.get<InboxList>(`/work-orders?${query}&limit=50`)).body.items.find(
        (i) => i.round > 0,
      );
      if (!round) continue;
      await page.getByTestId(`inbox-tab-${key}`).click();
      await rowOf(page, round.complaintNumber)
        .getByTestId("inbox-round")
        .getByText(`重办第 ${round.round} 轮`)
        .first()
        .waitFor();
      return;
    }
    throw new Error("no order of a 重办 round on any tab's first page");
  }, 60_000);

  it("shows each case's owner with 工号 and its next callback in the queue, subjects whole on hover", async () => {
    const api = await demoClient("agent1");
    const queue = (
      await api.get<ListPage<ComplaintListItem>>("/complaints?open=true&sort=due&limit=50")
    ).body.items;
    const promised = queue.find((c) => c.nextCallbackAt && c.owner);
    expect(promised).toBeDefined();
    const page = await demoPage("agent1", "/queue");
    const row = rowOf(page, promised!.number);
    await row.waitFor();
    await row.getByTestId("queue-owner").getByText(promised!.owner!.agentNo).waitFor();
    expect(await row.getByTestId("queue-owner").textContent()).toBe(
      `${promised!.owner!.name} ${promised!.owner!.agentNo}`,
    );
    // The promise's time as the browser shows it (the machine's timezone): month-day hour:minute.
    const local = Object.fromEntries(
      new Intl.DateTimeFormat("en-CA", {
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      })
        .formatToParts(new Date(promised!.nextCallbackAt!))
        .map((part) => [part.type, part.value]),
    );
    expect(await row.getByTestId("next-callback").textContent()).toBe(
      `${local.month}-${local.day} ${local.hour}:${local.minute}`,
    );
    // Fifty rows, each one line high.
    const heights = await page
      .locator(".queue-table tr.ant-table-row")
      .evaluateAll((trs) => trs.map((tr) => tr.getBoundingClientRect().height));
    expect(heights).toHaveLength(50);
    expect(Math.max(...heights)).toBeLessThan(44);
    // A subject cut to its cell reads whole on hover.
    const long = queue.reduce((a, b) => (b.subject.length > a.subject.length ? b : a));
    await rowOf(page, long.number).getByTestId("queue-subject").hover();
    await page.getByRole("tooltip").getByText(long.subject, { exact: true }).waitFor();
    await screenshot(page, "lists-queue");
  }, 60_000);

  it("keeps the columns a person chose with the view they save", async () => {
    const page = await demoPage("agent2", "/queue");
    await page.locator("tr.ant-table-row").first().waitFor();
    await page.getByRole("columnheader", { name: "投诉类别" }).waitFor();
    await page.getByRole("button", { name: "列设置" }).click();
    await page.getByTestId("column-chooser").getByLabel("投诉类别").uncheck();
    await page.getByTestId("column-chooser").getByLabel("受理时间").check();
    await page.getByRole("columnheader", { name: "投诉类别" }).waitFor({ state: "detached" });
    await page.getByRole("button", { name: "保存当前视图" }).click();
    await dialog(page).getByLabel("视图名称").fill("不看类别");
    await dialog(page).getByRole("button", { name: "保存" }).click();
    await dialog(page).waitFor({ state: "hidden" });

    await page.reload();
    await page.getByTestId("view-tab").filter({ hasText: "不看类别" }).click();
    await page.getByRole("columnheader", { name: "受理时间" }).waitFor();
    expect(await page.getByRole("columnheader", { name: "投诉类别" }).count()).toBe(0);
    // The queue's own tab kept the choice made on it, in this browser.
    await page.getByRole("tab", { name: "全部未结" }).click();
    await page.getByRole("columnheader", { name: "受理时间" }).waitFor();
    expect(await page.getByRole("columnheader", { name: "投诉类别" }).count()).toBe(0);
  }, 60_000);

  it("shows one current line per kind of clock, earlier rounds folded under it with how they ended", async () => {
    const [story] = (
      await wb.server.db.execute<{ id: string; replies: number }>(sql`
        select complaint_id as id, count(*)::int as replies from sla_clocks
        where name = 'customerReply' group by complaint_id order by 2 desc, 1 limit 1`)
    ).rows;
    expect(story!.replies).toBeGreaterThan(1);
    const page = await demoPage("agent1", `/complaints/${story!.id}`);
    const reply = page.getByTestId("clock-customerReply");
    await reply.waitFor();
    expect(await reply.count()).toBe(1);
    expect(await page.getByTestId("clock-earlier-customerReply").count()).toBe(0);
    await reply.getByText(`此前 ${story!.replies - 1} 次`).click();
    const earlier = page.getByTestId("clock-earlier-customerReply");
    await earlier.first().waitFor();
    expect(await earlier.count()).toBe(story!.replies - 1);
    for (const text of await earlier.allTextContents())
      expect(text).toMatch(/第 \d+ 次.*(按时完成|逾期完成)/);
    await screenshot(page, "lists-clocks");
  }, 60_000);

  it("gives a supervisor a view of the team's missed and warned cases, the latest first", async () => {
    // The demo's year of history has late cases of its own beside the three made late above.
    const api = await demoClient("supervisor1");
    const teamLate = (
      await api.get<{ items: { number: string }[] }>(
        "/complaints?open=true&team=true&sla=breached&sla=warned&sort=late&limit=200",
      )
    ).body.items;
    expect(teamLate.length).toBeGreaterThanOrEqual(late.length);
    const page = await demoPage("supervisor1", "/queue");
    const tab = page.getByTestId("view-tab").filter({ hasText: "团队超时与预警" });
    await tab
      .getByTestId("view-count")
      .getByText(String(teamLate.length), { exact: true })
      .waitFor();
    await tab.click();
    const rows = page.locator(".queue-table tr.ant-table-row");
    await rows.first().locator("[data-attention='breached']").waitFor();
    const shown = await rows.locator("td:first-child").allTextContents();
    // The page is the server's team view in the server's order (the demo's year has cases later
    // than those made late above, so the first page of 50 may hold none of them) …
    expect(shown).toEqual(teamLate.slice(0, shown.length).map((c) => c.number));
    // … and that order puts the latest first: six days late above three above one.
    const positions = late.map((c) => teamLate.findIndex((t) => t.number === c.number)).reverse();
    expect(positions.every((at) => at >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    await rows
      .first()
      .getByText(/已超时 \d+天/)
      .waitFor();
    await screenshot(page, "lists-team-view");
  }, 60_000);

  it("shows each person's open cases in the reassign dialog", async () => {
    const api = await demoClient("supervisor1");
    const open = (
      await api.get<{ items: { displayName: string; agentNo: string; openCases?: number }[] }>(
        "/users?openCases=true&role=agent",
      )
    ).body.items;
    const busiest = open.reduce((a, b) => ((b.openCases ?? 0) > (a.openCases ?? 0) ? b : a));
    const page = await demoPage("supervisor1", `/complaints/${late[0]!.id}`);
    await page.getByTestId("actions").getByRole("button", { name: "分派", exact: true }).click();
    await dialog(page).waitFor();
    await dialog(page).getByLabel("负责人").fill(busiest.agentNo);
    const option = page
      .getByTestId("owner-option")
      .filter({ hasText: `${busiest.displayName} (${busiest.agentNo})` });
    await option.getByText(`在办 ${busiest.openCases} 件`).waitFor();
    await screenshot(page, "lists-reassign");
  }, 60_000);
});
