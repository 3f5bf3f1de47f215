// The improvement loop in the workbench: the supervisor reads the month's analysis, sets up an
// improvement action, its owner marks it done, the supervisor verifies it.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeComplaint, makeStaff, type Staff } from "../src/test/factories.js";
import type { ImprovementAction, Items } from "../src/test/wire.js";
import { screenshot, skipBrowserTests } from "./browser.js";
import {
  choose,
  dialog,
  startWorkbench,
  submitDialog,
  type Workbench,
  warnWhenSkipped,
} from "./workbench-fixture.js";

warnWhenSkipped("improvement");

describe.skipIf(skipBrowserTests)("the improvement loop in Chromium", () => {
  let wb: Workbench;
  let supervisor: Staff;
  let owner: Staff;

  beforeAll(async () => {
    wb = await startWorkbench();
    supervisor = await makeStaff(wb.admin, "supervisor", { displayName: "赵敏" });
    owner = await makeStaff(wb.admin, "specialist", { displayName: "钱整改", agentNo: "2207" });
    for (const causes of [["time_delayed"], ["time_delayed"], ["felt_ignored"]])
      await makeComplaint(supervisor.client, { causes });
  }, 180_000);
  afterAll(() => wb?.close());

  it("reads the month's analysis, sets up an action, the owner marks it done, the supervisor verifies", async () => {
    const page = await wb.signIn(supervisor.user.username, "/improvement");
    const causes = page.getByTestId("analysis-causes");
    await causes.locator("tr", { hasText: "时间延误" }).waitFor();
    expect(
      await causes.locator("tr", { hasText: "时间延误" }).locator("td").nth(1).textContent(),
    ).toBe("2");
    await screenshot(page, "improvement-analysis");

    await page.getByRole("button", { name: "新建整改措施" }).click();
    await dialog(page).waitFor();
    await dialog(page).getByLabel("措施").fill("延误类投诉当日回访");
    await choose(page, "负责人", "钱整改");
    await dialog(page).getByLabel("期限").fill("2030-01-31");
    await dialog(page).getByLabel("期限").press("Enter");
    await choose(page, "原因", "时间延误");
    await submitDialog(page);
    const row = page.locator("tr", { hasText: "延误类投诉当日回访" });
    await row.getByText("未开始").waitFor();

    const ownerPage = await wb.signIn(owner.user.username, "/improvement");
    const ownerRow = ownerPage.locator("tr", { hasText: "延误类投诉当日回访" });
    await ownerRow.getByRole("button", { name: "标记完成" }).click();
    await ownerRow.getByText("已完成").waitFor();

    await page.reload();
    await row.getByRole("button", { name: "验证" }).click();
    await dialog(page).waitFor();
    await dialog(page).getByTestId("verify-note").fill("本月延误类投诉回访率100%");
    await submitDialog(page);
    await row.getByText("已验证").waitFor();
    const api = await supervisor.client.get<Items<ImprovementAction>>(
      "/improvement-actions?status=verified",
    );
    expect(api.body.items.map((a) => a.title)).toContain("延误类投诉当日回访");
    // The row opens on its history: who marked it done and who verified it, with what note.
    await row.getByRole("button", { name: /展开|Expand/ }).click();
    const history = page.getByTestId("action-history");
    await history.getByText("标记完成").waitFor();
    await history.getByText("验证有效").waitFor();
    await history.getByText("本月延误类投诉回访率100%").waitFor();
    await screenshot(page, "improvement-actions");
  });
});
