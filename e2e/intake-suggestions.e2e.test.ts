// Intake suggests what the organisation's own closed cases were filed under: typing a description
// shows the likely category, and one key takes it into the form.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeStaff, type Staff } from "../src/test/factories.js";
import { trainOnThemedCases } from "../src/test/suggestion-kit.js";
import { screenshot, skipBrowserTests } from "./browser.js";
import { startWorkbench, type Workbench, warnWhenSkipped } from "./workbench-fixture.js";

warnWhenSkipped("intake suggestions");

describe.skipIf(skipBrowserTests)("suggestions at intake in Chromium", () => {
  let wb: Workbench;
  let agent: Staff;

  beforeAll(async () => {
    wb = await startWorkbench();
    agent = await makeStaff(wb.admin, "agent", { displayName: "王芳", agentNo: "1023" });
    await trainOnThemedCases(wb.admin);
  }, 300_000);
  afterAll(() => wb?.close());

  it("shows the admin the held-out accuracy and retrains with one click", async () => {
    const page = await wb.signIn("admin", "/admin");
    await page.getByRole("tab", { name: "智能建议" }).click();
    await page.getByText("首选准确率").waitFor();
    expect(await page.getByText("基线（总选最常见值）").count()).toBe(1);
    await page.getByRole("button", { name: "立即重新训练" }).click();
    await page.getByText("历史训练").waitFor();
    await screenshot(page, "suggestions-admin-tab");
  });

  it("suggests the category as the agent types, and Alt+A fills it in", async () => {
    const page = await wb.signIn(agent.user.username, "/intake");
    await page.getByLabel("诉求描述").fill("我申请的信用卡二十天了还没有寄到");
    const suggestions = page.getByRole("region", { name: "智能建议" });
    await suggestions.getByText(/交付 \d+%/).waitFor();
    await suggestions.getByText(/信用卡中心 \d+%/).waitFor();
    expect(await page.getByLabel("投诉类别").inputValue()).toBe("");
    await page.getByLabel("诉求描述").press("Alt+KeyA");
    const category = page.locator(".ant-form-item").filter({ hasText: "投诉类别" });
    await category.getByText("交付").waitFor();
    const cause = page.locator(".ant-form-item").filter({ hasText: "投诉原因" });
    await cause.getByText("时间延误", { exact: false }).waitFor();
    await screenshot(page, "intake-suggestions");
  });
});
