// 导出任务: an export started from the queue shows its progress in the workbench's panel and
// downloads as an Excel file holding the queue's rows.

import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { makeComplaint } from "../src/test/factories.js";
import { screenshot, skipBrowserTests } from "./browser.js";
import { agentAndSupervisor, warnWhenSkipped } from "./workbench-fixture.js";

warnWhenSkipped("exports");

describe.skipIf(skipBrowserTests)("exports in Chromium", () => {
  const team = agentAndSupervisor();

  it("starts an export from the queue, shows its progress and downloads the rows", async () => {
    for (let i = 0; i < 6; i++)
      await makeComplaint(team.agent.client, { subject: `账单疑问 ${i}`, category: "billing" });
    // The queue opens on the cases still being worked: these six.
    const page = await team.wb.signIn(team.supervisor.user.username, "/queue");
    await page.getByText("账单疑问 5").waitFor();

    await page.getByRole("button", { name: "导出", exact: true }).click();
    await page.getByRole("button", { name: "导出 Excel" }).click();
    const item = page.getByTestId("export-item").first();
    await item.waitFor();
    await page.getByRole("dialog").getByText("导出任务").waitFor();
    await expect.poll(() => item.getAttribute("data-status"), { timeout: 30_000 }).toBe("done");
    expect(await item.getByTestId("export-rows").textContent()).toBe("6 / 6 行");
    await item.locator(".ant-progress").waitFor();
    await screenshot(page, "exports-panel");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      item.getByRole("link", { name: "下载" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^投诉列表-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.worksheets[0]!;
    expect(sheet.actualRowCount).toBe(1 + 6);
    expect(sheet.getRow(1).getCell(1).value).toBe("投诉编号");
  });
});
