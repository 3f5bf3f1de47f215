// Reply templates (话术) and the guided-handling checklist in a real browser: the admin edits a
// template, the agent inserts it into a reply (the complaint's category first) and ticks a step,
// and the tick is on the complaint itself: still there after a reload and seen by a colleague.

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeComplaint, makeStaff, type Staff } from "../src/test/factories.js";
import { screenshot, skipBrowserTests } from "./browser.js";
import {
  act,
  choose,
  dialog,
  expectStatus,
  insertTalkTrack,
  startWorkbench,
  submitDialog,
  type Workbench,
  warnWhenSkipped,
} from "./workbench-fixture.js";

warnWhenSkipped("reply-template");

const newBody = "您好，经核实，您反映的问题已处理完毕，卡片已加急寄出。处理结果如下：";

describe.skipIf(skipBrowserTests)("reply templates and the checklist in Chromium", () => {
  let wb: Workbench;
  let agent: Staff;
  let supervisor: Staff;
  let complaint: { id: string };

  beforeAll(async () => {
    wb = await startWorkbench();
    agent = await makeStaff(wb.admin, "agent", { displayName: "赵敏", agentNo: "3101" });
    supervisor = await makeStaff(wb.admin, "supervisor", { displayName: "孙立", agentNo: "3102" });
    // A service complaint the agent owns, ready for a first-contact reply.
    complaint = await makeComplaint(agent.client, {
      subject: "网点办理业务态度差",
      category: "service",
    });
  }, 180_000);
  afterAll(() => wb?.close());

  /** Tooltips open on hover; the one showing names who ticked the step. */
  async function tooltipOf(page: Page, step: string) {
    await page.getByTestId(`guide-${step}`).hover();
    const tip = page.getByRole("tooltip").filter({ hasText: "已勾选" });
    await tip.waitFor();
    return tip.textContent();
  }

  it("admin edits a template; the agent inserts it and ticks a step that stays", async () => {
    // The admin edits the built-in 处理结果 template and ties it to the service category.
    const adminPage = await wb.signIn("admin", "/admin");
    await adminPage.getByRole("tab", { name: "话术模板" }).click();
    const row = adminPage.locator("tr", {
      has: adminPage.getByRole("cell", { name: "处理结果", exact: true }),
    });
    await row.getByRole("button", { name: "编辑" }).click();
    await dialog(adminPage).getByText("编辑话术").waitFor();
    await dialog(adminPage).getByLabel("内容").fill(newBody);
    await choose(adminPage, "适用类别", "服务");
    await dialog(adminPage).getByRole("button", { name: "保存" }).click();
    await dialog(adminPage).waitFor({ state: "hidden" });
    await row.getByText("卡片已加急寄出").waitFor();
    await row.getByText("服务", { exact: true }).waitFor();
    await screenshot(adminPage, "admin-reply-templates");

    // The agent replies with it: the complaint's category's template is offered first.
    const agentPage = await wb.signIn(agent.user.username, `/complaints/${complaint.id}`);
    await agentPage.getByText("网点办理业务态度差").first().waitFor();
    await act(agentPage, "答复客户");
    await dialog(agentPage).getByRole("button", { name: "插入话术" }).click();
    const items = agentPage.locator(".ant-dropdown").getByRole("menuitem");
    await items.first().waitFor();
    expect(await items.first().textContent()).toContain("处理结果");
    await items.first().getByText("本类别").waitFor();
    await insertTalkTrack(agentPage, "处理结果", newBody);
    expect(await dialog(agentPage).getByLabel("答复内容").inputValue()).toBe(newBody);
    await submitDialog(agentPage);
    await expectStatus(agentPage, "已答复");

    // Ticks a step of the six-step method; the tooltip names who ticked it.
    const apologise = agentPage.getByTestId("guide-apologise");
    const saved = agentPage.waitForResponse(
      (res) => res.request().method() === "PUT" && res.url().includes("/checklist/apologise"),
    );
    await agentPage.getByText("真诚道歉").click();
    expect((await saved).status()).toBe(200);
    expect(await apologise.isChecked()).toBe(true);
    expect(await tooltipOf(agentPage, "apologise")).toContain("工号 3101 已勾选");

    // After a reload the tick is still there: it lives on the complaint, not in the browser.
    await agentPage.reload();
    await agentPage.getByText("真诚道歉").waitFor();
    await expect.poll(() => apologise.isChecked()).toBe(true);
    expect(await agentPage.getByTestId("guide-listen").isChecked()).toBe(false);
    await agentPage.getByText("勾选记录保存在本浏览器中").waitFor({ state: "detached" });

    // A colleague on another browser sees who ticked it.
    const supervisorPage = await wb.signIn(supervisor.user.username, `/complaints/${complaint.id}`);
    await supervisorPage.getByText("真诚道歉").waitFor();
    await expect.poll(() => supervisorPage.getByTestId("guide-apologise").isChecked()).toBe(true);
    const tip = await tooltipOf(supervisorPage, "apologise");
    expect(tip).toContain("工号 3101 已勾选");
    expect(tip).toContain("赵敏");
    await screenshot(supervisorPage, "guided-checklist");
  }, 180_000);
});
