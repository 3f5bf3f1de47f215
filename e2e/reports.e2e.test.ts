// The reports page: the KPI table of the month with each formula as the header's tooltip, and
// its figures the API's; the regulator's classified table of the quarter for those who file it.

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeComplaint, makeStaff, type Staff } from "../src/test/factories.js";
import type { KpiReport, RegulatorReport } from "../src/test/wire.js";
import { screenshot, skipBrowserTests } from "./browser.js";
import { startWorkbench, type Workbench, warnWhenSkipped } from "./workbench-fixture.js";

warnWhenSkipped("reports");

/** The quarter the regulator tab's picker shows, as the API names it (2026-Q4). */
function quarterShown(page: Page) {
  return page.getByLabel("选择周期").inputValue();
}

describe.skipIf(skipBrowserTests)("reports in Chromium", () => {
  let wb: Workbench;
  let supervisor: Staff;

  beforeAll(async () => {
    wb = await startWorkbench();
    supervisor = await makeStaff(wb.admin, "supervisor", { displayName: "赵敏" });
    for (const category of ["billing", "billing", "service"])
      await makeComplaint(supervisor.client, { category });
  }, 180_000);
  afterAll(() => wb?.close());

  it("shows every KPI per group with the total, the formula on hover", async () => {
    const page = await wb.signIn(supervisor.user.username, "/reports");
    await page.getByRole("button", { name: /统计分析/ }).waitFor();
    await page.getByText("投诉 KPI").waitFor();
    const total = page.locator("tr", { hasText: "合计" });
    await total.waitFor();
    const api = await supervisor.client.get<KpiReport>("/reports/kpis");
    expect(api.body.total.figures.accepted?.value).toBe(3);
    // The group column, then 受理量 first.
    expect(await total.locator("td").nth(1).textContent()).toBe("3");
    await page.getByTestId("kpi-onTimeRate").first().hover();
    await page.getByText(/按时办结数 ÷ 受理量/).waitFor();
    await screenshot(page, "reports-kpis");
  });

  it("shows the quarter's regulator table as the API counts it, rows adding up to the total", async () => {
    const page = await wb.signIn(supervisor.user.username, "/reports");
    await page.getByRole("tab", { name: "监管分类统计" }).click();
    await page.waitForURL(/tab=regulator/);
    const table = page.locator(".ant-table").filter({ hasText: "按时办结量" });
    await table.locator(".ant-table-summary").getByText("合计").waitFor();
    const api = await supervisor.client.get<RegulatorReport>(
      `/reports/regulator?period=${await quarterShown(page)}`,
    );
    expect(api.status).toBe(200);
    expect(api.body.total.accepted).toBe(3);
    const shown = await table
      .locator("tbody tr.ant-table-row")
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent)),
      );
    expect(shown).toEqual(
      api.body.rows.map((r) => [
        r.channel.label.zh,
        r.businessType.label.zh,
        r.cause.label.zh,
        ...[r.accepted, r.closed, r.closedOnTime, r.substantiated].map(String),
      ]),
    );
    const total = table.locator(".ant-table-summary td");
    expect(await total.allTextContents()).toEqual([
      "合计",
      ...Object.values(api.body.total).map(String),
    ]);
    await screenshot(page, "reports-regulator");
    // A link to the tab opens it.
    await page.goto(`${wb.base}/reports?tab=regulator`);
    await table.locator(".ant-table-summary").getByText("合计").waitFor();
    await page.close();
  });

  it("gives an agent the KPI table only, without the regulator's tab", async () => {
    const agent = await makeStaff(wb.admin, "agent");
    const page = await wb.signIn(agent.user.username, "/reports?tab=regulator");
    await page.getByText("投诉 KPI").waitFor();
    expect(await page.getByRole("tab").count()).toBe(0);
    await page.close();
  });
});
