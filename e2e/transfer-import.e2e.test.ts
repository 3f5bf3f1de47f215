// 转办导入 in Chromium: an admin sets up the hotline and its columns in 管理 → 转办来源, a
// supervisor uploads the hotline's CSV, reads the report with the refused row's reason, and the
// reply-back download is offered for the source.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
  }, 180_000);
  afterAll(() => wb?.close());

  it("lets an admin add a hotline and say which column holds each field", async () => {
    const page = await wb.signIn("admin", "/admin");
    await page.getByRole("tab", { name: "转办来源" }).click();
    await page.getByRole("button", { name: "新增转办来源" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("名称").fill("12345市民热线");
    await dialog.getByLabel("热线").fill("12345");
    await dialog.getByLabel("工单编号").fill("工单编号");
    await dialog.getByLabel("办结时限").fill("办结时限");
    await dialog.getByLabel("诉求内容").fill("诉求内容");
    await dialog.getByLabel("来电号码").fill("来电号码");
    await dialog.getByRole("button", { name: /保\s*存/ }).click();
    const row = page.getByTestId("transfer-sources").getByRole("row", { name: /12345市民热线/ });
    await row.getByText("来电号码←来电号码").waitFor();
    await screenshot(page, "admin-transfer-sources");
    expect(await wb.admin.ok("GET", "/transfer-sources")).toMatchObject({
      items: [
        {
          name: "12345市民热线",
          hotline: "12345",
          mapping: {
            externalNo: "工单编号",
            externalDueAt: "办结时限",
            description: "诉求内容",
            callerPhone: "来电号码",
          },
          pushes: false,
          active: true,
        },
      ],
    });
    await page.close();
  }, 60_000);

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
