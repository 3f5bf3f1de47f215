// The reports page: the KPI table of the month with each formula as the header's tooltip, and
// its figures the API's.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeComplaint, makeStaff, type Staff } from "../src/test/factories.js";
import { screenshot, skipBrowserTests } from "./browser.js";
import { startWorkbench, type Workbench, warnWhenSkipped } from "./workbench-fixture.js";

warnWhenSkipped("reports");

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
    const api = await supervisor.client.get<any>("/reports/kpis");
    expect(api.body.total.figures.accepted.value).toBe(3);
    // The group column, then 受理量 first.
    expect(await total.locator("td").nth(1).textContent()).toBe("3");
    await page.getByTestId("kpi-onTimeRate").first().hover();
    await page.getByText(/按时办结数 ÷ 受理量/).waitFor();
    await screenshot(page, "reports-kpis");
  });
});
