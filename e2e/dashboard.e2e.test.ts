// 统计看板: the charts draw the report API's figures, a Pareto bar opens the work queue on that
// cause's cases with the same count, and ECharts is fetched by the dashboard only.

import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeComplaint, makeDepartment, makeStaff, type Staff } from "../src/test/factories.js";
import type { CausesReport } from "../src/test/wire.js";
import { docsScreenshotDir, screenshot, screenshotDir, skipBrowserTests } from "./browser.js";
import { startWorkbench, type Workbench, warnWhenSkipped } from "./workbench-fixture.js";

warnWhenSkipped("dashboard");

/** The dashboard opens on this month, whole, as the center's calendar has it. */
function thisMonth() {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  const lastDay = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 0));
  return { from: `${today.slice(0, 8)}01`, to: lastDay.toISOString().slice(0, 10) };
}

describe.skipIf(skipBrowserTests)("the dashboard in Chromium", () => {
  let wb: Workbench;
  let supervisor: Staff;

  beforeAll(async () => {
    wb = await startWorkbench();
    supervisor = await makeStaff(wb.admin, "supervisor", { displayName: "赵敏" });
    const billing = await makeDepartment(wb.admin, { name: "电费核算中心" });
    const cases = [
      { category: "billing", causes: ["time_delayed"] },
      { category: "billing", causes: ["time_delayed", "right_to_know"] },
      { category: "service", causes: ["time_delayed"] },
      { category: "service", causes: ["right_to_know"] },
      { category: "billing", causes: ["process"] },
    ];
    for (const [i, input] of cases.entries()) {
      const c = await makeComplaint(supervisor.client, input);
      if (i % 2 === 0)
        await supervisor.client.command(c.id, "dispatch", {
          version: c.version,
          departments: [{ departmentId: billing.id }],
        });
    }
  }, 180_000);
  afterAll(() => wb?.close());

  it("keeps ECharts out of the queue's scripts", async () => {
    const page = await wb.signIn(supervisor.user.username, "/queue");
    const scripts: string[] = [];
    page.on("request", (r) => r.resourceType() === "script" && scripts.push(r.url()));
    await page.reload();
    await page.getByRole("button", { name: /统计分析/ }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((url) => /echarts|dashboard-page/.test(url))).toEqual([]);
    await page.close();
  });

  it("draws the figures and opens a Pareto bar's cases in the queue, as many as the bar", async () => {
    const page = await wb.signIn(supervisor.user.username, "/dashboard");
    for (const chart of ["volume", "pareto", "on-time", "backlog", "satisfaction", "heatmap"])
      await page.locator(`[data-testid="chart-${chart}"][data-drawn="true"]`).waitFor();
    await page.getByText("流失风险客户估算").waitFor();
    await page.getByText(/估算，非统计/).waitFor();
    await screenshot(page, "dashboard");
    if (process.env.KESU_DOC_SCREENSHOTS) {
      fs.mkdirSync(docsScreenshotDir, { recursive: true });
      fs.copyFileSync(
        path.join(screenshotDir, "dashboard.png"),
        path.join(docsScreenshotDir, "dashboard.png"),
      );
    }

    const month = thisMonth();
    const api = await supervisor.client.get<CausesReport>(
      `/reports/causes?from=${month.from}&to=${month.to}`,
    );
    const first = api.body.causes[0]!;
    expect(first).toMatchObject({ key: "time_delayed", count: 3 });
    // The canvas has no bar elements: ask the chart where the first bar's middle lies.
    const pareto = page.getByTestId("chart-pareto");
    const [x, y] = await pareto.evaluate(
      (el, count) =>
        (el as unknown as { chart: any }).chart.convertToPixel({ seriesIndex: 0 }, [0, count / 2]),
      first.count,
    );
    const box = (await pareto.boundingBox())!;
    await page.mouse.click(box.x + x, box.y + y);

    await page.waitForURL(/\/queue\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get("cause")).toBe("time_delayed");
    expect(url.searchParams.get("receivedFrom")).toBe(api.body.from);
    expect(url.searchParams.get("receivedTo")).toBe(api.body.to);
    await page
      .getByTestId("queue-total")
      .filter({ hasText: `共 ${first.count} 件` })
      .waitFor();
    await expect(page.locator(".ant-table-tbody tr.ant-table-row").count()).resolves.toBe(
      first.count,
    );
    await screenshot(page, "dashboard-drill-queue");
  }, 120_000);

  it("exports the Pareto's causes from its card, the file holding the chart's counts", async () => {
    const page = await wb.signIn(supervisor.user.username, "/dashboard");
    const card = page
      .getByTestId("chart-pareto")
      .locator("xpath=ancestor::div[contains(@class, 'ant-card ')][1]");
    await page.locator('[data-testid="chart-pareto"][data-drawn="true"]').waitFor();
    await card.getByRole("button", { name: "导出", exact: true }).click();
    await page.getByRole("button", { name: "导出 Excel" }).click();
    const item = page.getByTestId("export-item").first();
    await expect.poll(() => item.getAttribute("data-status"), { timeout: 30_000 }).toBe("done");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      item.getByRole("link", { name: "下载" }).click(),
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const rows: unknown[][] = [];
    book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1, 3)));
    const month = thisMonth();
    const api = await supervisor.client.get<CausesReport>(
      `/reports/causes?from=${month.from}&to=${month.to}`,
    );
    expect(rows).toEqual([
      ["投诉原因", "投诉数（件）"],
      ...api.body.causes.map((c) => [c.label.zh, c.count]),
    ]);
    await page.close();
  }, 120_000);
});
