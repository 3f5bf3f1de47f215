// Service recovery in the workbench (issue 13): an agent grants ¥150 on the spot and asks ¥5,000,
// which waits for approval; the supervisor approves it from the 审批 inbox; the case shows both
// beside the customer's demand, and the ledger totals them.

import type { Page } from "playwright-core";
import { describe, it } from "vitest";
import { makeComplaint } from "../src/test/factories.js";
import { screenshot, skipBrowserTests } from "./browser.js";
import { agentAndSupervisor, dialog, warnWhenSkipped } from "./workbench-fixture.js";

warnWhenSkipped("remedies");

/** Gives a remedy from the case page's form and waits for its line. */
async function give(page: Page, type: string, amount: string, reason: string, status: string) {
  const form = page.getByTestId("give-remedy");
  const select = form.locator(".ant-select");
  for (let attempt = 1; attempt <= 3; attempt++) {
    if ((await select.filter({ hasText: type }).count()) > 0) break;
    await select.click();
    await page
      .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: type })
      .click({ timeout: 5_000 })
      .catch(() => undefined);
  }
  await form.getByLabel("金额（元）").fill(amount);
  await form.getByLabel("理由").fill(reason);
  await form.getByRole("button", { name: "给予补救" }).click();
  await page
    .getByTestId("remedy")
    .filter({ hasText: reason })
    .filter({ hasText: status })
    .waitFor();
}

describe.skipIf(skipBrowserTests)("remedies and the approval inbox in Chromium", () => {
  const team = agentAndSupervisor();

  it("grants within authority, sends the rest for approval, and totals both", async () => {
    const c = await makeComplaint(team.agent.client, {
      ownerId: team.agent.user.id,
      demand: "退还多收电费并赔偿精神损失",
      demandAmount: "10000",
    });
    const page = await team.wb.signIn(team.agent.user.username, `/complaints/${c.id}`);
    const remedies = page.getByTestId("remedies");
    await remedies.getByText("客户诉求金额 ¥10,000.00").waitFor();

    await give(page, "退款", "150", "多收电费当场退还", "已给予");
    await give(page, "赔偿", "5000", "客户要求精神损失赔偿", "待审批");
    await remedies
      .getByTestId("remedy")
      .filter({ hasText: "客户要求精神损失赔偿" })
      .getByText("王芳 (工号 1023)")
      .waitFor();
    await remedies.getByText("已给予 ¥150.00").waitFor();
    await screenshot(page, "remedies-pending");

    // The supervisor decides it from the 审批 inbox.
    const inbox = await team.wb.signIn(team.supervisor.user.username, "/queue");
    await inbox.getByRole("link", { name: "审批", exact: true }).click();
    const row = inbox.getByTestId("approval-remedy").filter({ hasText: c.number });
    await row.getByText("¥5,000.00").waitFor();
    await row.getByText("王芳 (工号 1023)").waitFor();
    await screenshot(inbox, "approvals-inbox");
    await row.getByRole("button", { name: "批准" }).click();
    await dialog(inbox).getByLabel("审批意见").fill("情况属实，同意赔偿");
    await dialog(inbox).getByRole("button", { name: "提交" }).click();
    await dialog(inbox).waitFor({ state: "hidden" });
    await row.waitFor({ state: "detached" });
    await inbox.getByTestId("approval-remedies").getByText("暂无待审批补救").waitFor();

    // The ledger totals both.
    const ledger = inbox.getByTestId("ledger");
    await ledger.getByTestId("ledger-refund").getByText("¥150.00").first().waitFor();
    await ledger.getByTestId("ledger-compensation").getByText("¥5,000.00").first().waitFor();

    // The case shows both, the approver named, beside the demand.
    await page.reload();
    const approved = page.getByTestId("remedy").filter({ hasText: "客户要求精神损失赔偿" });
    await approved.getByText("已给予").waitFor();
    await approved.getByText("赵敏 (工号 3001)").waitFor();
    await page.getByTestId("remedies").getByText("已给予 ¥5,150.00").waitFor();
    await page.getByTestId("timeline-event").filter({ hasText: "补救已批准" }).first().waitFor();
  }, 120_000);
});
