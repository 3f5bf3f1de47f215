// Saved views in a real browser against a real kesu: views kept in the browser by the old
// workbench move to the server, a new view shows its count, and both survive a reload.

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { makeComplaint, makeStaff, type Staff } from "../src/test/factories.js";
import { screenshot, skipBrowserTests } from "./browser.js";
import { dialog, startWorkbench, type Workbench, warnWhenSkipped } from "./workbench-fixture.js";

warnWhenSkipped("saved-view");

describe.skipIf(skipBrowserTests)("saved views in Chromium", () => {
  let wb: Workbench;
  let agent: Staff;
  let supervisor: Staff;

  beforeAll(async () => {
    wb = await startWorkbench();
    agent = await makeStaff(wb.admin, "agent", { displayName: "王芳", agentNo: "1023" });
    const colleague = await makeStaff(wb.admin, "agent");
    supervisor = await makeStaff(wb.admin, "supervisor", { displayName: "张主管" });
    // Three open cases the agent owns (首问负责), two of a colleague.
    for (const subject of ["ATM吞卡未退回", "信用卡年费未减免", "网点排队时间过长"])
      await makeComplaint(agent.client, { subject, ownerId: agent.user.id });
    for (const subject of ["电费账单异常偏高", "手机银行转账失败"])
      await makeComplaint(colleague.client, { subject });
  }, 180_000);
  afterAll(() => wb?.close());

  const tab = (page: Page, name: string) =>
    page.getByTestId("view-tab").filter({ hasText: name }).first();
  const countOf = (page: Page, name: string, count: string) =>
    tab(page, name).getByTestId("view-count").getByText(count, { exact: true });

  it("moves the browser's old views to the server, saves a view with its count, and keeps both after a reload", async () => {
    // What the previous workbench left in this browser: one view, in its own format.
    const key = `kesu.queueViews.${agent.user.id}`;
    const old = JSON.stringify([{ name: "旧的我的视图", filters: { mine: true, q: "" } }]);
    const page = await wb.signIn(agent.user.username, "/queue", { localStorage: { [key]: old } });

    // The old view arrives on the server with its count, and leaves the browser.
    await page.getByText("已将本浏览器中保存的 1 个视图移至服务器").waitFor();
    await countOf(page, "旧的我的视图", "3").waitFor();
    const leftover = await page.evaluate(`localStorage.getItem(${JSON.stringify(key)})`);
    if (leftover !== null) throw new Error(`old views still in the browser: ${leftover}`);

    // Everyone's open cases, narrowed to a search, saved as a view.
    await page.locator("tr.ant-table-row").first().waitFor();
    await page.getByText("电费账单异常偏高").waitFor();
    await page.getByPlaceholder("搜索工单号、客户、内容").fill("ATM");
    await page.getByText("筛选已修改").waitFor();
    await page.getByText("电费账单异常偏高").waitFor({ state: "hidden" });
    await page.getByRole("button", { name: "保存当前视图" }).click();
    await dialog(page).getByLabel("视图名称").fill("ATM 问题");
    await dialog(page).getByRole("button", { name: "保存" }).click();
    await dialog(page).waitFor({ state: "hidden" });
    await countOf(page, "ATM 问题", "1").waitFor();
    await screenshot(page, "saved-views");

    // After a reload both views are still there, with their counts; picking one filters the list.
    await page.reload();
    await countOf(page, "ATM 问题", "1").waitFor();
    await countOf(page, "旧的我的视图", "3").waitFor();
    await tab(page, "旧的我的视图").click();
    await page.getByText("网点排队时间过长").waitFor();
    await page.getByText("电费账单异常偏高").waitFor({ state: "hidden" });
    await page.getByRole("button", { name: "重命名" }).waitFor();
  }, 120_000);

  it("lets a supervisor share a view, which others see marked as shared, with their own count", async () => {
    const page = await wb.signIn(supervisor.user.username, "/queue");
    await page.getByRole("switch", { name: "我的" }).click();
    await page.getByText("筛选已修改").waitFor();
    await page.getByRole("button", { name: "保存当前视图" }).click();
    await dialog(page).getByLabel("视图名称").fill("我的未结");
    await dialog(page).getByText("共享给全员").click();
    await dialog(page).getByRole("button", { name: "保存" }).click();
    await dialog(page).waitFor({ state: "hidden" });
    // The supervisor owns no case; for the agent, "mine" is the agent's own three.
    await countOf(page, "我的未结", "0").waitFor();
    await tab(page, "我的未结").getByText("共享", { exact: true }).waitFor();
    await page.getByRole("button", { name: "取消共享" }).waitFor();

    const agentPage = await wb.signIn(agent.user.username, "/queue");
    await countOf(agentPage, "我的未结", "3").waitFor();
    await tab(agentPage, "我的未结").click();
    await agentPage.getByText("张主管 共享的视图").waitFor();
    await agentPage.getByText("信用卡年费未减免").waitFor();
    if (await agentPage.getByRole("button", { name: "删除视图" }).isVisible())
      throw new Error("an agent is offered to delete the supervisor's shared view");
    await screenshot(agentPage, "saved-views-shared");
  }, 120_000);
});
