// 考核: an agent opens 我的考核 and sees their own figures beside the team median; a supervisor
// picks a department from the list and opens its page.

import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeComplaint, makeDepartment, makeStaff, type Staff } from "../src/test/factories.js";
import type { AppraisalReport } from "../src/test/wire.js";
import { docsScreenshotDir, screenshot, screenshotDir, skipBrowserTests } from "./browser.js";
import { startWorkbench, type Workbench, warnWhenSkipped } from "./workbench-fixture.js";

warnWhenSkipped("appraisal");

describe.skipIf(skipBrowserTests)("appraisal in Chromium", () => {
  let wb: Workbench;
  let agent: Staff;
  let supervisor: Staff;

  beforeAll(async () => {
    wb = await startWorkbench();
    const billing = await makeDepartment(wb.admin, { name: "电费核算中心" });
    agent = await makeStaff(wb.admin, "agent", { displayName: "王芳", agentNo: "1023" });
    const other = await makeStaff(wb.admin, "agent", { displayName: "李雷", agentNo: "1024" });
    supervisor = await makeStaff(wb.admin, "supervisor", { displayName: "赵敏" });
    // 王芳 three cases, one escalated and one sent to billing; 李雷 one.
    const first = await makeComplaint(agent.client, { ownerId: agent.user.id });
    for (let i = 0; i < 2; i++) await makeComplaint(agent.client, { ownerId: agent.user.id });
    await agent.client.command(first.id, "escalate", {
      version: first.version,
      reason: "扬言投诉至监管",
    });
    const sent = await makeComplaint(agent.client, { ownerId: agent.user.id });
    await agent.client.command(sent.id, "dispatch", {
      version: sent.version,
      departments: [{ departmentId: billing.id }],
    });
    await makeComplaint(other.client, { ownerId: other.user.id });
  }, 180_000);
  afterAll(() => wb?.close());

  it("an agent opens 我的考核: own figures, the team median, better/worse marked", async () => {
    const page = await wb.signIn(agent.user.username, "/queue");
    await page.getByRole("button", { name: /统计分析/ }).click();
    await page.getByRole("link", { name: "我的考核" }).click();
    await page.getByText("考核：王芳（1023）").waitFor();
    const api = await agent.client.get<AppraisalReport>(
      `/reports/appraisal?kind=agent&id=${agent.user.id}`,
    );
    const accepted = api.body.figures.find((f) => f.kpi.id === "accepted");
    expect(accepted).toMatchObject({ value: 4, median: 2.5, rank: 1, peers: 2 });
    const row = page.locator('tr[data-row-key="accepted"]');
    expect(await row.locator("td").nth(1).textContent()).toBe("4");
    expect(await row.locator("td").nth(2).textContent()).toBe("2.5");
    expect(await row.locator("td").nth(3).textContent()).toBe("1 / 2");
    // Escalation: 25 % against 李雷's 0 % — worse than the median of 12.5 %.
    await page.getByTestId("verdict-escalationRate").getByText("差于中位数").waitFor();
    await page.getByTestId("kpi-onTimeRate").first().hover();
    await page.getByText(/按时办结数 ÷ 受理量/).waitFor();
    await screenshot(page, "appraisal-agent");
    if (process.env.KESU_DOC_SCREENSHOTS) {
      fs.mkdirSync(docsScreenshotDir, { recursive: true });
      fs.copyFileSync(
        path.join(screenshotDir, "appraisal-agent.png"),
        path.join(docsScreenshotDir, "appraisal.png"),
      );
    }
  });

  it("a supervisor picks a department from the list and opens its page", async () => {
    const page = await wb.signIn(supervisor.user.username, "/appraisal");
    await page.getByText("考核：选择坐席或部门").waitFor();
    await page.getByText("部门", { exact: true }).click();
    await page.getByRole("link", { name: "电费核算中心" }).click();
    await page.getByText("考核：电费核算中心").waitFor();
    const row = page.locator('tr[data-row-key="accepted"]');
    await row.waitFor();
    expect(await row.locator("td").nth(1).textContent()).toBe("1");
    await page.getByText("近六个月").waitFor();
    await screenshot(page, "appraisal-department");
  });
});
