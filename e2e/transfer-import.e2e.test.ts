// 转办导入 in Chromium: a supervisor uploads a hotline's CSV, reads the report with the refused
// row's reason, and the reply-back download is offered for the source.

import { afterAll, beforeAll, describe, it } from "vitest";
import { makeStaff, mobile, type Staff } from "../src/test/factories.js";
import { screenshot, skipBrowserTests } from "./browser.js";
import { startWorkbench, type Workbench, warnWhenSkipped } from "./workbench-fixture.js";

warnWhenSkipped("transfer import");

describe.skipIf(skipBrowserTests)("importing transferred work orders, in Chromium", () => {
  let wb: Workbench;
  let supervisor: Staff;

  beforeAll(async () => {
    wb = await startWorkbench();
    supervisor = await makeStaff(wb.admin, "supervisor", { displayName: "赵敏", agentNo: "3001" });
    await wb.admin.ok("POST", "/transfer-sources", {
      name: "12345市民热线",
      hotline: "12345",
      mapping: {
        externalNo: "工单编号",
        externalDueAt: "办结时限",
        description: "诉求内容",
        callerPhone: "来电号码",
      },
    });
  }, 180_000);
  afterAll(() => wb?.close());

  it("uploads a file and shows what was taken and why a row was refused", async () => {
    const due = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const csv = [
      "工单编号,办结时限,诉求内容,来电号码",
      `GD-E2E-1,${due},小区路灯不亮,${mobile()}`,
      `GD-E2E-2,${due},噪音扰民,`,
    ].join("\r\n");
    const page = await wb.signIn(supervisor.user.username, "/queue");
    await page.getByRole("link", { name: "转办导入" }).click();
    await page.getByText("12345市民热线（12345）").waitFor();
    await page.locator("input[type=file]").setInputFiles({
      name: "12345.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    const report = page.getByTestId("import-report");
    await report.getByText("共 2 行：导入 1 件，此前已导入 0 件，拒收 1 行。").waitFor();
    await report.getByText("缺少来电号码").waitFor();
    await page.getByRole("link", { name: /下载回复单/ }).waitFor();
    await screenshot(page, "transfer-import-report");
  }, 60_000);
});
