// 历史数据导入 in Chromium: an admin names the earlier system, downloads the template, uploads a
// file of last spring's cases, reads what was taken and why a row was refused, and the case
// taken carries its own received and closed times.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeStaff, mobile } from "../src/test/factories.js";
import type { Complaint, Items } from "../src/test/wire.js";
import { screenshot, skipBrowserTests } from "./browser.js";
import { startWorkbench, type Workbench, warnWhenSkipped } from "./workbench-fixture.js";

warnWhenSkipped("history import");

describe.skipIf(skipBrowserTests)("importing an earlier system's cases, in Chromium", () => {
  let wb: Workbench;

  beforeAll(async () => {
    wb = await startWorkbench();
    await makeStaff(wb.admin, "agent", { displayName: "刘洋", agentNo: "2001" });
  }, 180_000);
  afterAll(() => wb?.close());

  it("takes a closed case with its own times and names why a row was refused", async () => {
    const csv = [
      "原系统编号,受理时间,客户电话,诉求描述,承办人工号,答复时间,答复内容,办结时间,责任认定,是否属实",
      `TZ-1,2026-04-01 09:00,${mobile()},营业厅多收手续费,2001,2026-04-02 09:00,已退还手续费,2026-04-03 09:00,company,是`,
      `TZ-2,2026-04-05 09:00,${mobile()},网点排队太久,2001,2026-04-04 09:00,已致歉,,,`,
    ].join("\r\n");
    const page = await wb.signIn("admin", "/admin");
    await page.getByRole("tab", { name: "历史数据导入" }).click();
    await page.getByRole("link", { name: "下载模板" }).waitFor();
    await page.getByLabel("原系统名称").fill("2026年台账");
    await page.locator("input[type=file]").setInputFiles({
      name: "history.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    const report = page.getByTestId("import-report");
    await report.getByText("共 2 行：导入 1 件，此前已导入 0 件，拒收 1 行。").waitFor();
    await report.getByText("各环节时间先后颠倒").waitFor();
    await screenshot(page, "history-import-report");

    const list = await wb.admin.ok<Items<{ id: string; subject: string }>>(
      "GET",
      "/complaints?q=营业厅多收手续费",
    );
    expect(list.items).toHaveLength(1);
    const taken = await wb.admin.ok<Complaint>("GET", `/complaints/${list.items[0]!.id}`);
    expect(taken).toMatchObject({
      status: "closed",
      receivedAt: "2026-04-01T01:00:00.000Z",
      closedAt: "2026-04-03T01:00:00.000Z",
    });
  }, 90_000);
});
