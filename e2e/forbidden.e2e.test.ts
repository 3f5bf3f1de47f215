// A refusal says why: pages a role may not open, a case outside a department's reach, and an
// action the server refuses because the case changed hands meanwhile.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeComplaint, makeDepartment, makeStaff, type Staff } from "../src/test/factories.js";
import { screenshot, skipBrowserTests } from "./browser.js";
import {
  act,
  dialog,
  expectStatus,
  startWorkbench,
  type Workbench,
  warnWhenSkipped,
} from "./workbench-fixture.js";

warnWhenSkipped("403");

describe.skipIf(skipBrowserTests)("refusals in Chromium", () => {
  let wb: Workbench;
  let handler: Staff;
  let quality: Staff;
  let owner: Staff;
  let colleague: Staff;
  let cards: { id: string };
  let retail: { id: string };

  beforeAll(async () => {
    wb = await startWorkbench();
    cards = await makeDepartment(wb.admin, { name: "信用卡中心" });
    retail = await makeDepartment(wb.admin, { name: "个人金融部" });
    handler = await makeStaff(wb.admin, "department_handler", {
      departmentId: cards.id,
      displayName: "李强",
    });
    quality = await makeStaff(wb.admin, "quality", { displayName: "周静" });
    owner = await makeStaff(wb.admin, "agent", { displayName: "王芳", agentNo: "1023" });
    colleague = await makeStaff(wb.admin, "agent", { displayName: "陈磊", agentNo: "1088" });
  }, 180_000);
  afterAll(() => wb?.close());

  const forbidden = (page: import("playwright-core").Page) => page.getByTestId("forbidden");

  it("tells a department handler which roles the admin and intake pages are for", async () => {
    const page = await wb.signIn(handler.user.username, "/inbox");
    expect(await page.getByRole("link", { name: "管理" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "受理" }).count()).toBe(0);

    await page.goto(`${wb.base}/admin`);
    await forbidden(page).getByText("无权访问“管理”").waitFor();
    await forbidden(page)
      .getByText(
        "该页面仅对管理员开放，您当前的角色是部门处理人。如确需使用，请联系管理员调整角色。",
      )
      .waitFor();
    await screenshot(page, "forbidden-admin");

    await page.goto(`${wb.base}/intake`);
    await forbidden(page).getByText("无权访问“受理”").waitFor();
    await forbidden(page)
      .getByText(/^该页面仅对客服代表、投诉专员、主管和管理员开放，您当前的角色是部门处理人。/)
      .waitFor();
    // The intake form itself never rendered, so nothing can be typed into a form that would fail.
    expect(await page.getByLabel("电话 / 证件号 / 户号 / 卡号 / 工单号 / 邮箱").count()).toBe(0);
  }, 60_000);

  it("tells quality that the department inbox is not theirs", async () => {
    const page = await wb.signIn(quality.user.username, "/inbox");
    expect(await page.getByRole("link", { name: "部门工单" }).count()).toBe(0);
    await forbidden(page).getByText("无权访问“部门工单”").waitFor();
    await forbidden(page)
      .getByText(/您当前的角色是质量。/)
      .waitFor();
  }, 60_000);

  it("explains to a department handler why another department's case does not open", async () => {
    const dispatch = async (departmentId: string) => {
      const c = await makeComplaint(owner.client, { ownerId: owner.user.id });
      const res = await owner.client.post(`/complaints/${c.id}/dispatch`, {
        version: c.version,
        departments: [{ departmentId }],
      });
      expect(res.status).toBe(200);
      return res.body;
    };
    const ours = await dispatch(cards.id);
    const theirs = await dispatch(retail.id);
    const page = await wb.signIn(handler.user.username, `/complaints/${theirs.id}`);
    await page.getByText("未找到工单。").waitFor();
    await page
      .getByText("部门处理人只能查看派给本部门的工单。如该工单应由本部门处理，请联系派单的坐席。")
      .waitFor();
    expect(await page.getByText(theirs.subject).count()).toBe(0);
    await screenshot(page, "forbidden-other-department");

    // Its own department's case opens as usual.
    await page.goto(`${wb.base}/complaints/${ours.id}`);
    await page.getByTestId("complaint-number").getByText(ours.number).waitFor();
  }, 60_000);

  it("says why an action is refused when the case changed hands, and updates the actions", async () => {
    const unowned = await makeComplaint(owner.client, { subject: "网银转账限额未提前告知" });
    const page = await wb.signIn(colleague.user.username, `/complaints/${unowned.id}`);
    await expectStatus(page, "已受理");
    await act(page, "升级");
    await dialog(page).getByLabel("原因").fill("客户情绪激动");

    // Meanwhile the colleague at the next desk takes the case.
    const taken = await owner.client.post(`/complaints/${unowned.id}/assign`, {
      version: unowned.version,
      ownerId: owner.user.id,
    });
    expect(taken.status).toBe(200);

    await dialog(page).getByRole("button", { name: "提交" }).click();
    const reason = "您没有权限执行此操作：您不是该工单的负责人";
    await dialog(page).getByRole("alert").getByText(reason).waitFor();
    await page.locator(".ant-message").getByText(reason, { exact: true }).waitFor();
    await screenshot(page, "forbidden-action");
    await dialog(page).getByRole("button", { name: "取消" }).click();

    // The page reloaded the case: the new owner shows and 升级 is no longer offered.
    await expectStatus(page, "已分派");
    await page.getByText("王芳 (工号 1023)").first().waitFor();
    const actions = page.getByTestId("actions");
    await actions.getByRole("button", { name: "备注", exact: true }).waitFor();
    expect(await actions.getByRole("button", { name: "升级", exact: true }).count()).toBe(0);
    const after = (await wb.admin.get(`/complaints/${unowned.id}`)).body;
    expect(after.flags).not.toContain("escalated");
  }, 60_000);
});
