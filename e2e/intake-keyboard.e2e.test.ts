// Intake without the mouse: an agent on a call types the phone number, reads the history, is taken
// to 主题, goes back to the defaults with Shift+Tab, fills the form with Tab, typing, arrow keys
// and Enter, and creates the case with Ctrl+Enter.

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeReturningCustomer, makeStaff, mobile, type Staff } from "../src/test/factories.js";
import { screenshot, skipBrowserTests } from "./browser.js";
import { startWorkbench, type Workbench, warnWhenSkipped } from "./workbench-fixture.js";

warnWhenSkipped("keyboard intake");

/** What has the keyboard focus: its aria label, its form label, or its own text (run in the page). */
const focused = (page: Page) =>
  page.evaluate<string>(`(() => {
    const el = document.activeElement;
    if (!el) return "";
    const byId = (id) => (id ? document.getElementById(id)?.textContent : null);
    return (
      el.getAttribute("aria-label") ??
      byId(el.getAttribute("aria-labelledby")) ??
      (el.id ? document.querySelector(\`label[for="\${el.id}"]\`)?.textContent : null) ??
      el.closest("label")?.textContent ??
      el.textContent ??
      ""
    ).trim();
  })()`);

/**
 * antd closes a select's list a moment after Enter picks an option; a Tab pressed while it is
 * still open picks again instead of moving on. A person never types that fast, so wait as they would.
 */
const listClosed = (page: Page) =>
  page.waitForFunction(`document.activeElement?.getAttribute("aria-expanded") !== "true"`);

describe.skipIf(skipBrowserTests)("keyboard-only intake in Chromium", () => {
  let wb: Workbench;
  let agent: Staff;
  const phone = mobile();

  beforeAll(async () => {
    wb = await startWorkbench();
    agent = await makeStaff(wb.admin, "agent", { displayName: "王芳", agentNo: "1023" });
    await makeReturningCustomer(agent.client, phone);
  }, 180_000);
  afterAll(() => wb?.close());

  it("takes a returning customer's call from phone number to created case by keyboard alone", async () => {
    const page = await wb.signIn(agent.user.username, "/intake");
    const keys = page.keyboard;

    // The phone field has the focus as the page opens; typing brings the history.
    await page.getByLabel("电话 / 证件号 / 户号 / 卡号 / 工单号 / 邮箱").waitFor();
    expect(await focused(page)).toBe("电话 / 证件号 / 户号 / 卡号 / 工单号 / 邮箱");
    await keys.type(phone);
    const history = page.getByTestId("customer-history");
    await history.getByText("信用卡两个月未收到", { exact: true }).waitFor();
    await history.getByText("咨询补卡进度", { exact: true }).waitFor();
    await history.getByText("重复投诉").waitFor();

    // The caller found, the cursor is already in 主题, past the fields that hold defaults;
    // Shift+Tab goes back to them.
    await expect.poll(() => focused(page)).toBe("主题");
    await keys.press("Shift+Tab");
    expect(await focused(page)).toBe("直接受理");
    await keys.press("Shift+Tab");
    expect(await focused(page)).toBe("严重程度");
    await keys.press("Shift+Tab");
    expect(await focused(page)).toBe("渠道");
    await keys.type("微信");
    await keys.press("Enter");
    await listClosed(page);
    await keys.press("Tab");
    expect(await focused(page)).toBe("严重程度");
    // Arrow keys open the list at the current choice (一般) and move to the next (较高).
    await keys.press("ArrowDown");
    // This select's own list (the channel's may still be fading out).
    const severityId = await page.getByLabel("严重程度").getAttribute("id");
    await page
      .locator(".ant-select-dropdown:visible", { has: page.locator(`[id="${severityId}_list"]`) })
      .waitFor();
    await keys.press("ArrowDown");
    await keys.press("Enter");
    await listClosed(page);
    await keys.press("Tab");
    expect(await focused(page)).toBe("直接受理");
    await keys.press("Tab");
    expect(await focused(page)).toBe("主题");
    await keys.type("补办的信用卡仍未寄到");
    // Enter in 主题 goes on to the description rather than submitting half a complaint.
    await keys.press("Enter");
    expect(await focused(page)).toBe("诉求描述");
    await keys.type("客户第三次来电，补办的卡片仍未收到。");
    await keys.press("Enter"); // a new line in the description, not a submit
    await keys.type("要求说明原因并退还年费。");
    await keys.press("Tab");
    expect(await focused(page)).toBe("客户诉求");
    await keys.type("退还年费并致歉");
    await keys.press("Tab");
    expect(await focused(page)).toBe("诉求金额（元）");
    await keys.type("360");
    await keys.press("Tab");
    expect(await focused(page)).toBe("投诉类别");
    await keys.type("服务");
    await keys.press("Enter");
    await listClosed(page);
    // A chosen list value gets a clear button, the next Tab stop, named in Chinese.
    await keys.press("Tab");
    expect(await focused(page)).toBe("清除");
    await keys.press("Tab");
    expect(await focused(page)).toBe("业务类型");
    await keys.type("信用卡");
    await keys.press("Enter");
    await listClosed(page);
    await keys.press("Tab");
    await keys.press("Tab");
    expect(await focused(page)).toBe("投诉原因");
    await keys.type("时间延误");
    await keys.press("Enter");
    await keys.type("知情权");
    await keys.press("Enter");
    await keys.press("Escape");
    await listClosed(page);
    await page.getByText("Ctrl+Enter 提交").waitFor();
    await screenshot(page, "intake-keyboard");

    // Ctrl+Enter creates the case from wherever the cursor is and opens it.
    await keys.press("Control+Enter");
    await page.getByTestId("complaint-number").waitFor();
    const id = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    await page.getByText("补办的信用卡仍未寄到").waitFor();
    await page.getByText("微信公众号").waitFor();
    await page.getByText("时间延误、知情权未被尊重").waitFor();

    const created = (await agent.client.get(`/complaints/${id}`)).body;
    expect(created).toMatchObject({
      kind: "complaint",
      channel: "wechat",
      severity: "high",
      subject: "补办的信用卡仍未寄到",
      description: "客户第三次来电，补办的卡片仍未收到。\n要求说明原因并退还年费。",
      demand: "退还年费并致歉",
      category: "service",
      businessType: "credit_card",
      causes: ["time_delayed", "right_to_know"],
      owner: { agentNo: "1023" },
    });
    expect(Number(created.demandAmount)).toBe(360);
    expect(created.customer.name).toBe("张伟");
    expect(created.flags).toContain("repeat");
  }, 90_000);
});
