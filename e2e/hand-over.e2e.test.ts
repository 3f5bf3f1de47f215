// 转客服中心 in Chromium: a department handler hands a complaint heard in the department to the
// center; it waits unowned in the center's queue; the center replies and the handler, told in
// the bell, sees the reply on the case.

import { afterAll, beforeAll, describe, it } from "vitest";
import { recordFinding } from "../src/test/complaint-kit.js";
import { makeDepartment, makeStaff, mobile, type Staff } from "../src/test/factories.js";
import type { Complaint } from "../src/test/wire.js";
import { screenshot, skipBrowserTests } from "./browser.js";
import {
  expectStatus,
  startWorkbench,
  type Workbench,
  warnWhenSkipped,
} from "./workbench-fixture.js";

warnWhenSkipped("hand-over");

describe.skipIf(skipBrowserTests)(
  "a department hands a complaint to the center, in Chromium",
  () => {
    let wb: Workbench;
    let handler: Staff;
    let agent: Staff;

    beforeAll(async () => {
      wb = await startWorkbench();
      const sales = await makeDepartment(wb.admin, { name: "销售部" });
      handler = await makeStaff(wb.admin, "department_handler", {
        departmentId: sales.id,
        displayName: "周杰",
        agentNo: "5001",
      });
      agent = await makeStaff(wb.admin, "agent", { displayName: "王芳", agentNo: "1023" });
    }, 180_000);
    afterAll(() => wb?.close());

    it("logs it, the center finds it unowned, replies, and the handler sees the reply", async () => {
      const page = await wb.signIn(handler.user.username, "/inbox");
      await page.getByRole("link", { name: "转客服中心" }).click();
      await page.getByLabel("客户姓名").fill("钱女士");
      await page.getByLabel("客户电话").fill(mobile());
      await page.getByLabel("投诉事项").fill("门店承诺的赠品未兑现");
      await page
        .getByLabel("客户反映的情况")
        .fill("客户在门店购机时销售承诺赠送耳机，至今未收到。");
      await screenshot(page, "hand-over-form");
      await page.getByRole("button", { name: "提交客服中心" }).click();
      await page.waitForURL(/\/complaints\/[0-9a-f-]{36}$/);
      await expectStatus(page, "已受理");
      const id = page.url().split("/").at(-1)!;

      const queue = await wb.signIn(agent.user.username, "/queue");
      await queue.getByText("门店承诺的赠品未兑现").waitFor();

      const c = await agent.client.complaint(id);
      const owned: Complaint = await agent.client.command(id, "assign", {
        version: c.version,
        ownerId: agent.user.id,
      });
      const judged = await recordFinding(agent.client, owned);
      await agent.client.command(id, "reply", { version: judged.version, message: "赠品已补寄" });

      await page.reload();
      await page.getByTestId("notification-bell").hover();
      await page.getByText("门店承诺的赠品未兑现").last().click();
      await expectStatus(page, "已答复");
      await page.getByText("赠品已补寄").first().waitFor();
      await screenshot(page, "hand-over-replied");
    }, 90_000);
  },
);
