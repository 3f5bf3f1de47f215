// Supervisors' tools on the case page (issue 13): a supervisor sends 督办 from the complaint page;
// the owner asks for an extension there and the supervisor decides it in the 审批 inbox; an admin
// edits a holiday of the SLA calendar in 管理.

import { describe, expect, it } from "vitest";
import { makeComplaint } from "../src/test/factories.js";
import { screenshot, skipBrowserTests } from "./browser.js";
import { agentAndSupervisor, dialog, warnWhenSkipped } from "./workbench-fixture.js";

warnWhenSkipped("oversight");

const DAY = 86_400_000;
/** A `datetime-local` value this many days ahead, at 17:00 in the browser's (this machine's) time. */
const daysAhead = (days: number) => {
  const d = new Date(Date.now() + days * DAY);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T17:00`;
};

describe.skipIf(skipBrowserTests)("supervisors' tools in Chromium", () => {
  const team = agentAndSupervisor();

  it("lets the supervisor send 督办 from the complaint page", async () => {
    const c = await makeComplaint(team.agent.client, { ownerId: team.agent.user.id });
    const page = await team.wb.signIn(team.supervisor.user.username, `/complaints/${c.id}`);
    await page.getByTestId("oversight").getByRole("button", { name: "督办", exact: true }).click();
    await dialog(page).getByLabel("内容").fill("客户已三次来电，请今日内联系客户");
    await dialog(page).getByLabel("督办时限").fill(daysAhead(3));
    await dialog(page).getByRole("button", { name: "提交" }).click();
    await dialog(page).waitFor({ state: "hidden" });

    const event = page.getByTestId("timeline-event").filter({ hasText: "督办" }).first();
    await event.getByText("赵敏 (工号 3001)").waitFor();
    await page.getByTestId("clock-supervision").waitFor();
    await screenshot(page, "supervision-sent");
    // The owner sees the order on the bell and the case.
    const owner = await team.agent.client.get("/notifications");
    if (!owner.body.items.some((n: { type: string }) => n.type === "supervision"))
      throw new Error("the owner was not told of the supervision order");
  }, 90_000);

  it("lets the owner ask for an extension that the supervisor approves in the 审批 inbox", async () => {
    const c = await makeComplaint(team.agent.client, { ownerId: team.agent.user.id });
    const page = await team.wb.signIn(team.agent.user.username, `/complaints/${c.id}`);
    await page.getByTestId("oversight").getByRole("button", { name: "申请延期" }).click();
    await dialog(page).getByLabel("申请延至").fill(daysAhead(25));
    await dialog(page).getByLabel("原因").fill("需调取外部鉴定");
    await dialog(page).getByRole("button", { name: "提交" }).click();
    await dialog(page).waitFor({ state: "hidden" });
    await page.getByTestId("timeline-event").filter({ hasText: "申请延期" }).first().waitFor();

    const inbox = await team.wb.signIn(team.supervisor.user.username, "/approvals");
    const row = inbox.getByTestId("approval-extension").filter({ hasText: c.number });
    await row.getByText("需调取外部鉴定").waitFor();
    await row.getByRole("button", { name: "批准" }).click();
    await dialog(inbox).getByRole("button", { name: "提交" }).click();
    await dialog(inbox).waitFor({ state: "hidden" });
    await inbox.getByTestId("approval-extensions").getByText("暂无待审批延期").waitFor();
    await page.reload();
    await page.getByTestId("timeline-event").filter({ hasText: "延期已批准" }).first().waitFor();
  }, 90_000);

  it("lets an admin add a holiday and edit it in 管理", async () => {
    const page = await team.wb.signIn("admin", "/admin");
    await page.getByRole("tab", { name: "节假日" }).click();
    const add = page.locator("form#new-day");
    await add.getByLabel("日期").fill("2027-03-08");
    await add.getByLabel("名称").fill("妇女节");
    await add.getByRole("button", { name: "保存" }).click();
    const row = page.getByTestId("calendar-day").filter({ hasText: "2027-03-08" });
    await row.getByText("妇女节").waitFor();

    await row.getByRole("button", { name: "编辑" }).click();
    await row.getByLabel("名称").fill("妇女节（半天）");
    await row.getByRole("button", { name: "保存" }).click();
    await row.getByText("妇女节（半天）").waitFor();
    await screenshot(page, "admin-holidays");
    const calendar = await team.wb.admin.get("/sla/calendar");
    expect(calendar.body.days).toContainEqual({
      date: "2027-03-08",
      kind: "holiday",
      name: "妇女节（半天）",
    });
  }, 90_000);
});
