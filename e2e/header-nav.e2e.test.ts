// The header at a laptop's width: every entry on one line and whole (it once cut 统计报表 to 统计),
// the figures' four pages under 统计分析, opened and closed by mouse and keyboard.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeStaff, type Staff } from "../src/test/factories.js";
import { screenshot, skipBrowserTests } from "./browser.js";
import { startWorkbench, type Workbench, warnWhenSkipped } from "./workbench-fixture.js";

warnWhenSkipped("header navigation");

interface Layout {
  cut: string[];
  wrapped: string[];
  lastRight: number;
  toolsLeft: number;
}

/** Run in the page: entries whose text is cut or wrapped, and where they end against the tools. */
const measureNav = `(() => {
  const nav = document.querySelector(".app-nav");
  const items = [...nav.querySelectorAll(":scope > a, .app-nav-group > button")];
  return {
    cut: items.filter((el) => el.scrollWidth > el.clientWidth).map((el) => el.textContent),
    wrapped: items.filter((el) => el.getClientRects().length > 1).map((el) => el.textContent),
    lastRight: Math.max(...items.map((el) => el.getBoundingClientRect().right)),
    toolsLeft: nav.nextElementSibling.getBoundingClientRect().left,
  };
})()`;

describe.skipIf(skipBrowserTests)("the header in Chromium", () => {
  let wb: Workbench;
  let agent: Staff;

  beforeAll(async () => {
    wb = await startWorkbench();
    agent = await makeStaff(wb.admin, "agent", { displayName: "王芳" });
  }, 180_000);
  afterAll(() => wb?.close());

  it("shows the admin's every entry whole, none under the buttons beside it, at 1440 and 1280 px", async () => {
    const page = await wb.signIn("admin", "/queue");
    const entries = page.locator(".app-nav > a, .app-nav-group > button");
    expect(await entries.allTextContents()).toEqual([
      "受理",
      "工作队列",
      "部门工单",
      "审批",
      "统计分析 ▾",
      "质量8D",
      "知识库",
      "服务公告",
      "转办导入",
      "管理",
    ]);
    for (const width of [1440, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      const layout = await page.evaluate<Layout>(measureNav);
      expect(layout.cut, `${width}px`).toEqual([]);
      expect(layout.wrapped, `${width}px`).toEqual([]);
      expect(layout.lastRight, `${width}px`).toBeLessThanOrEqual(layout.toolsLeft);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole("button", { name: /统计分析/ }).click();
    await screenshot(page, "header-nav-insight-open");
    await page.close();
  });

  it("opens 统计分析 on click, goes to a page and marks the entry, closes on a click elsewhere", async () => {
    const page = await wb.signIn(agent.user.username, "/queue");
    const insight = page.getByRole("button", { name: /统计分析/ });
    await insight.click();
    const menu = page.locator(".app-nav-menu");
    expect(await menu.getByRole("link").allTextContents()).toEqual([
      "统计看板",
      "统计报表",
      "我的考核",
      "月度分析",
    ]);
    await menu.getByRole("link", { name: "我的考核" }).click();
    await page.waitForURL(/\/appraisal$/);
    await menu.waitFor({ state: "hidden" });
    expect(await insight.getAttribute("class")).toBe("active");
    await insight.click();
    expect(await menu.getByRole("link", { name: "我的考核" }).getAttribute("aria-current")).toBe(
      "page",
    );
    await page.getByTestId("current-user").click();
    await menu.waitFor({ state: "hidden" });
    await page.close();
  });

  it("opens with Enter, walks with Tab and closes with Escape, the focus back on the entry", async () => {
    const page = await wb.signIn(agent.user.username, "/queue");
    const insight = page.getByRole("button", { name: /统计分析/ });
    await insight.focus();
    await page.keyboard.press("Enter");
    expect(await insight.getAttribute("aria-expanded")).toBe("true");
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement?.textContent")).toBe("统计看板");
    await page.keyboard.press("Escape");
    await page.locator(".app-nav-menu").waitFor({ state: "hidden" });
    expect(await page.evaluate("document.activeElement?.textContent")).toBe("统计分析 ▾");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/dashboard$/);
    await page.close();
  });
});
