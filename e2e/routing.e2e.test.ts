// Routing in the workbench: an agent comes 在线 in the header and the case that waited for someone
// arrives in the bell; a supervisor approves giving away the case of an owner off duty too long;
// the admin keeps the skill groups in their own tab.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeWaitingCases } from "../src/jobs/route-cases.js";
import { makeComplaint, makeStaff, type Staff } from "../src/test/factories.js";
import { screenshot, skipBrowserTests } from "./browser.js";
import { dialog, startWorkbench, type Workbench, warnWhenSkipped } from "./workbench-fixture.js";

warnWhenSkipped("routing");

describe.skipIf(skipBrowserTests)("routing in Chromium", () => {
  let wb: Workbench;
  let agent: Staff;

  beforeAll(async () => {
    wb = await startWorkbench();
    agent = await makeStaff(wb.admin, "agent", { displayName: "李娜", agentNo: "1031" });
    await wb.admin.ok("POST", "/skill-groups", {
      name: "信用卡组",
      businessTypes: ["credit_card"],
      memberIds: [agent.user.id],
      capPerPerson: 20,
    });
  }, 180_000);
  afterAll(() => wb?.close());

  it("an agent sets 在线 and receives the waiting case in the bell", async () => {
    const waiting = await makeComplaint(wb.admin, {
      businessType: "credit_card",
      subject: "信用卡年费重复扣收",
    });
    const page = await wb.signIn(agent.user.username, "/queue");
    const duty = page.getByTestId("duty-switch");
    await duty.getByText("离线").waitFor();
    await duty.getByText("在线").click();
    await page.locator(".ant-badge-count").getByText("1").first().waitFor();
    await page.getByTestId("notification-bell").click();
    const entry = page.getByText(`分派 · ${waiting.number}`);
    await entry.waitFor();
    await page.getByText("信用卡年费重复扣收").first().waitFor();
    await screenshot(page, "routing-assigned-in-bell");
    await entry.click();
    await page.waitForURL(`**/complaints/${waiting.id}`);
  }, 60_000);

  it("a supervisor approves giving an off-duty owner's case to someone on duty", async () => {
    const away = await makeStaff(wb.admin, "agent", { displayName: "陈晨", agentNo: "1032" });
    const cover = await makeStaff(wb.admin, "agent", { displayName: "周杰", agentNo: "1033" });
    const supervisor = await makeStaff(wb.admin, "supervisor", { agentNo: "3002" });
    await wb.admin.ok("POST", "/skill-groups", {
      name: "贷款组",
      businessTypes: ["loan"],
      memberIds: [away.user.id, cover.user.id],
      reassignAfterMinutes: 15,
      reassignMode: "supervisor",
    });
    const c = await makeComplaint(away.client, { businessType: "loan", keepOwnership: true });
    await away.client.ok("PUT", "/me/duty", { state: "offline" });
    await cover.client.ok("PUT", "/me/duty", { state: "online" });
    await wb.server.db.$client.query(
      "update staff_duty set since = now() - interval '20 minutes' where user_id = $1",
      [away.user.id],
    );
    await routeWaitingCases(wb.server.db, new Date(), 20);
    const page = await wb.signIn(supervisor.user.username, "/approvals");
    const row = page.getByTestId("approval-reassignment").filter({ hasText: c.number });
    await row.getByText("陈晨 (工号 1032) · 离线").waitFor();
    await screenshot(page, "routing-held-reassignment");
    await row.getByRole("button", { name: /批\s*准/ }).click();
    await page.getByTestId("approval-reassignments").getByText("暂无待批改派").waitFor();
    expect((await wb.admin.complaint(c.id)).ownerId).toBe(cover.user.id);
  }, 60_000);

  it("the admin adds a skill group in its tab", async () => {
    const page = await wb.signIn("admin", "/admin");
    await page.getByRole("tab", { name: "技能组" }).click();
    await page.getByTestId("skill-groups").getByText("信用卡组").waitFor();
    await page.getByRole("button", { name: "新建技能组" }).click();
    await dialog(page).getByLabel("名称").fill("高级组");
    await dialog(page)
      .getByRole("button", { name: /保\s*存/ })
      .click();
    await page.getByTestId("skill-groups").getByText("高级组").waitFor();
    await screenshot(page, "routing-skill-groups");
  }, 60_000);
});
