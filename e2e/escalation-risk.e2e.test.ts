// 越级投诉风险 as people meet it (issue 17), in Chinese: the queue's risk column, a supervisor's
// ready-made 高风险投诉 view listing the case, and intake warning of the caller's risk before the
// agent speaks.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeComplaint, makeStaff, mobile, type Staff } from "../src/test/factories.js";
import type { Complaint } from "../src/test/wire.js";
import { screenshot, skipBrowserTests } from "./browser.js";
import { startWorkbench, type Workbench, warnWhenSkipped } from "./workbench-fixture.js";

warnWhenSkipped("escalation risk");

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();
const BOX = "电话 / 证件号 / 户号 / 卡号 / 工单号 / 邮箱";

describe.skipIf(skipBrowserTests)("escalation risk in Chromium", () => {
  let wb: Workbench;
  let agent: Staff;
  let supervisor: Staff;
  let risky: Complaint;
  let soonDue: Complaint;
  let calm: Complaint;
  const phone = mobile();

  beforeAll(async () => {
    wb = await startWorkbench();
    agent = await makeStaff(wb.admin, "agent", { displayName: "王芳", agentNo: "1023" });
    supervisor = await makeStaff(wb.admin, "supervisor", { displayName: "赵敏", agentNo: "3001" });
    // Threatening words and an upper-level transfer: high risk, raised to 较高 by the policy.
    risky = await makeComplaint(agent.client, {
      ownerId: agent.user.id,
      customer: { name: "钱先生", phone },
      subject: "贷款提前还款违约金争议",
      description: "客户称再不解决就去银保监投诉并找媒体曝光。",
      source: { type: "transfer", hotline: "12345" },
    });
    calm = await makeComplaint(agent.client, {
      ownerId: agent.user.id,
      subject: "网点排队时间过长",
    });
    // Medium risk (a transfer), due tomorrow: first in the queue's own order, second by risk.
    soonDue = await makeComplaint(agent.client, {
      ownerId: agent.user.id,
      subject: "转办：网点拒收零钱",
      source: { type: "transfer", hotline: "12345", externalDueAt: tomorrow() },
    });
  }, 180_000);
  afterAll(() => wb?.close());

  it("shows the risk column in the queue and lists the case in the supervisor's 高风险投诉 view", async () => {
    expect(risky.risk.level).toBe("high");
    const page = await wb.signIn(supervisor.user.username, "/queue");
    const table = page.locator(".queue-table");
    await table.getByRole("columnheader", { name: "越级风险" }).waitFor();
    await page.getByTestId("view-tab").filter({ hasText: "高风险投诉" }).click();
    const rows = table.locator("tr.ant-table-row");
    const row = rows.filter({ hasText: risky.number });
    await row.getByTestId("queue-risk").getByText(`高 ${risky.risk.score}`).waitFor();
    // Only high-risk cases: the calm one is not in the view.
    await expect.poll(() => rows.count()).toBe(1);
    await row.getByTestId("queue-risk").hover();
    await page
      .getByRole("tooltip")
      .getByText(/提及监管、媒体或诉讼：银保监、媒体、曝光/)
      .waitFor();
    await screenshot(page, "risk-queue-view");
  });

  it("sorts the whole queue by risk on the server when the 越级风险 header is clicked", async () => {
    const page = await wb.signIn(supervisor.user.username, "/queue");
    const table = page.locator(".queue-table");
    const header = table.getByRole("columnheader", { name: "越级风险" });
    await header.waitFor();
    const asked = page.waitForRequest((r) => r.url().includes("sort=risk"));
    await header.click();
    await asked;
    await expect.poll(() => header.getAttribute("aria-sort")).toBe("descending");
    const rows = table.locator("tr.ant-table-row");
    const numbers = () => rows.evaluateAll((trs) => trs.map((tr) => tr.textContent?.slice(0, 17)));
    await expect.poll(numbers).toEqual([risky.number, soonDue.number, calm.number]);
    // Clicked again: back to the queue's own order, the deadline first, as the server sorts it
    // (whether the transfer's working-day deadline falls before the calm case's depends on the
    // hour the test runs).
    const byDue = (
      await supervisor.client.get<{ items: { number: string }[] }>("/complaints?open=true&sort=due")
    ).body.items.map((c) => c.number);
    expect(byDue).not.toEqual([risky.number, soonDue.number, calm.number]);
    await header.click();
    await expect.poll(() => header.getAttribute("aria-sort")).toBe(null);
    await expect.poll(numbers).toEqual(byDue);
  });

  it("warns at intake of the caller's risk as soon as the lookup finds them", async () => {
    const page = await wb.signIn(agent.user.username, "/intake");
    await page.getByLabel(BOX).fill(phone);
    const warning = page.getByTestId("caller-risk");
    await warning.getByText(`越级投诉风险高（${risky.risk.score}分）`, { exact: false }).waitFor();
    expect(await warning.textContent()).toContain(risky.number);
    expect(await warning.textContent()).toContain("上级或监管转办");
    await screenshot(page, "risk-intake");
  });
});
