// The workbench end to end, in a real browser against a real kesu: one complaint from the phone
// call to closure, with the department returning it once and the customer dissatisfied once.

import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  makeComplaint,
  makeDepartment,
  makeReturningCustomer,
  makeStaff,
  mobile,
  type Staff,
} from "../src/test/factories.js";
import { docsScreenshotDir, screenshot, screenshotDir, skipBrowserTests } from "./browser.js";
import {
  act,
  choose,
  dialog,
  expectStatus,
  insertTalkTrack,
  pickRadio,
  signInOnLoginScreen,
  startWorkbench,
  submitDialog,
  type Workbench,
  warnWhenSkipped,
} from "./workbench-fixture.js";

warnWhenSkipped("workbench");

describe.skipIf(skipBrowserTests)("agent workbench in Chromium", () => {
  let wb: Workbench;
  let agent: Staff;
  let handler: Staff;
  let department: { id: string; name: string };
  const phone = mobile();

  beforeAll(async () => {
    wb = await startWorkbench();
    department = await makeDepartment(wb.admin, { name: "信用卡中心" });
    agent = await makeStaff(wb.admin, "agent", { displayName: "王芳", agentNo: "1023" });
    // This walk's center lets owners record their own follow-up visit (管理 → 服务设置), so one
    // agent takes the case from the call to its close; e2e/follow-up.e2e.test.ts shows the default.
    await wb.admin.request("PUT", "/service-settings", {
      followUpByOwner: true,
      unreachableAttempts: 3,
    });
    handler = await makeStaff(wb.admin, "department_handler", {
      departmentId: department.id,
      displayName: "李强",
      agentNo: "2048",
    });
    // A returning customer: two earlier cases on record, so the history and the repeat flag show.
    await makeReturningCustomer(agent.client, phone);
    // A realistic queue for the screenshot: several open cases, two transferred whose deadlines
    // (the transferring body's wins) have since passed, so overdue rows show in red. The API
    // takes no deadline in the past, so time moves on in the database.
    const subjects = [
      "ATM吞卡未退回",
      "电费账单异常偏高",
      "理财产品收益与宣传不符",
      "网点排队时间过长",
      "手机银行转账失败",
    ];
    for (const [i, subject] of subjects.entries()) {
      const made = await makeComplaint(agent.client, {
        subject,
        ...(i < 2
          ? {
              source: {
                type: "transfer",
                hotline: i === 0 ? "12345" : "96169",
                externalNo: `ZB2026${1000 + i}`,
                externalDueAt: new Date(Date.now() + 3_600_000 * (i + 2)).toISOString(),
              },
            }
          : {}),
      });
      // Each goes to the card center too, so its inbox has work waiting beside the walk's case.
      const sent = await agent.client.post(`/complaints/${made.id}/dispatch`, {
        version: made.version,
        departments: [{ departmentId: department.id, lead: true }],
        instructions: "请核实并联系客户",
      });
      if (sent.status !== 200) throw new Error(`dispatch: ${JSON.stringify(sent.body)}`);
    }
    await wb.server.db.$client.query(
      "update complaints set due_at = due_at - interval '1 day' where source_type = 'transfer'",
    );
  }, 180_000);
  afterAll(() => wb?.close());

  /** Signs in on the login screen, as the walk through the workbench starts. */
  async function signedIn(username: string) {
    const page = await wb.signedOut("/");
    await signInOnLoginScreen(page, username);
    return page;
  }

  it("walks a complaint from the phone call to closure, in Chinese", async () => {
    // Login
    const loginPage = await wb.signedOut("/queue");
    await loginPage.getByText("登录客诉工作台").waitFor();
    await screenshot(loginPage, "login");

    const agentPage = await signedIn(agent.user.username);
    expect(await agentPage.getByTestId("current-user").textContent()).toBe("王芳 · 工号 1023");

    // Intake: the returning customer's history appears from the phone number.
    await agentPage.getByRole("link", { name: "受理" }).click();
    await agentPage.getByLabel("电话 / 证件号 / 户号 / 卡号 / 工单号 / 邮箱").fill(phone);
    const history = agentPage.getByTestId("customer-history");
    await history.getByText("信用卡两个月未收到", { exact: true }).waitFor();
    await history.getByText("咨询补卡进度", { exact: true }).waitFor();
    await history.getByText("重复投诉").waitFor();
    await agentPage.getByLabel("主题").fill("补办的信用卡仍未寄到");
    await agentPage
      .getByLabel("诉求描述")
      .fill("客户第三次来电，补办的卡片仍未收到，要求说明原因。");
    await agentPage.getByLabel("客户诉求").fill("尽快寄出并致歉");
    await screenshot(agentPage, "intake");
    await agentPage.getByRole("button", { name: "创建工单" }).click();
    await agentPage.getByTestId("complaint-number").waitFor();
    await expectStatus(agentPage, "已分派");
    await agentPage.getByText("补办的信用卡仍未寄到").waitFor();
    // The bank policy's reply clock, with its countdown, and the bell in the header.
    await agentPage.getByTestId("clock-customerReply").getByText("答复客户").waitFor();
    await agentPage
      .getByTestId("clock-customerReply")
      .getByText(/剩余 \d+天/)
      .waitFor();
    await agentPage.getByTestId("notification-bell").waitFor();

    // Dispatch to the card center as lead department.
    await act(agentPage, "派单");
    await choose(agentPage, "部门", "信用卡中心");
    await choose(agentPage, "主办", "信用卡中心");
    await submitDialog(agentPage);
    await expectStatus(agentPage, "已派单");

    // The department handler returns it once (退单) …
    const handlerPage = await signedIn(handler.user.username);
    expect(new URL(handlerPage.url()).pathname).toBe("/inbox");
    const walkOrder = handlerPage.locator("tr", { hasText: "补办的信用卡仍未寄到" });
    await walkOrder.waitFor();
    await walkOrder.getByRole("button", { name: "退单" }).click();
    await dialog(handlerPage).getByLabel("原因").fill("属地不符，应由分行处理");
    await submitDialog(handlerPage);
    // A returned order leaves what the department owes for a tab of its own.
    await handlerPage.getByTestId("inbox-tab-returned").getByText("1", { exact: true }).waitFor();
    await walkOrder.waitFor({ state: "detached" });

    // … the agent dispatches again …
    await agentPage.reload();
    await agentPage.getByText("属地不符，应由分行处理").first().waitFor();
    await act(agentPage, "派单");
    await choose(agentPage, "部门", "信用卡中心");
    await submitDialog(agentPage);
    await expectStatus(agentPage, "已派单");

    // … and the handler accepts and reports the result. The inbox lists what is owed, soonest due
    // first: the two transferred cases, overdue, at the top.
    await handlerPage.reload();
    await walkOrder.waitFor();
    await handlerPage.locator("tr.row-overdue").nth(1).waitFor();
    await screenshot(handlerPage, "inbox");
    await walkOrder.getByRole("button", { name: "接单" }).click();
    await submitDialog(handlerPage);
    await walkOrder.getByRole("button", { name: "提交结果" }).click();
    await dialog(handlerPage).getByText("是", { exact: true }).click();
    await choose(handlerPage, "责任认定", "我方责任");
    await dialog(handlerPage).getByLabel("处理结果").fill("已加急补寄卡片，快递单号 SF1234");
    await submitDialog(handlerPage);
    await handlerPage.getByTestId("inbox-tab-completed").getByText("1", { exact: true }).waitFor();

    // Reply with a template (话术), follow-up dissatisfied → 重办.
    await agentPage.reload();
    await expectStatus(agentPage, "已处理");
    await act(agentPage, "答复客户");
    await insertTalkTrack(agentPage, "致歉", "非常抱歉");
    await submitDialog(agentPage);
    await expectStatus(agentPage, "已答复");
    await act(agentPage, "回访");
    await pickRadio(agentPage, "不满意");
    await dialog(agentPage).getByLabel("回访意见").fill("客户认为寄送太慢");
    await submitDialog(agentPage);
    await expectStatus(agentPage, "重办");
    await agentPage.getByText("重办 1 次").waitFor();

    // Reply again, follow-up satisfied, close.
    await act(agentPage, "答复客户");
    await dialog(agentPage).getByLabel("答复内容").fill("卡片已于今日签收，再次致歉。");
    await submitDialog(agentPage);
    await expectStatus(agentPage, "已答复");
    await act(agentPage, "回访");
    await pickRadio(agentPage, "满意");
    await submitDialog(agentPage);
    await expectStatus(agentPage, "已回访");
    // The owner's finding, beside the department's, before the case may close.
    const judgement = agentPage.getByTestId("judgement");
    await judgement.getByTestId("department-findings").getByText("我方责任").waitFor();
    await judgement.getByRole("radio", { name: "是" }).check();
    await judgement.getByLabel("认定说明").fill("寄送延误，确系我方责任");
    await judgement.getByRole("button", { name: "保存认定" }).click();
    await judgement
      .getByTestId("finding-by")
      .getByText("王芳（工号 1023）", { exact: false })
      .waitFor();
    await act(agentPage, "办结");
    await dialog(agentPage).getByLabel("原因").fill("客户满意，办结归档");
    await submitDialog(agentPage);
    await expectStatus(agentPage, "已办结");
    // The timeline names every step with who took it and their agent number.
    const timeline = agentPage.getByTestId("timeline-event");
    await timeline.filter({ hasText: "部门退单" }).getByText("李强 (工号 2048)").waitFor();
    await timeline.filter({ hasText: "办结" }).first().getByText("王芳 (工号 1023)").waitFor();
    await agentPage.evaluate("window.scrollTo(0, 0)");
    await agentPage.locator(".ant-message-notice").first().waitFor({ state: "hidden" });
    await screenshot(agentPage, "complaint");

    // The queue, sorted by what is due first.
    await agentPage.getByRole("link", { name: "工作队列" }).click();
    await agentPage.locator("tr.ant-table-row").first().waitFor();
    await agentPage.getByText("咨询补卡进度").waitFor();
    await agentPage.locator("[data-overdue]").first().waitFor();
    await screenshot(agentPage, "queue");

    if (process.env.KESU_DOC_SCREENSHOTS) {
      fs.mkdirSync(docsScreenshotDir, { recursive: true });
      for (const name of ["inbox", "queue", "complaint"])
        fs.copyFileSync(
          path.join(screenshotDir, `${name}.png`),
          path.join(docsScreenshotDir, `${name}.png`),
        );
    }
  }, 180_000);

  it("speaks English when the user switches, and opens the admin screens", async () => {
    const page = await wb.signedOut("/login");
    await page.getByRole("button", { name: "English" }).click();
    await page.getByText("Sign in to kesu").waitFor();
    await signInOnLoginScreen(page, "admin", "en");
    await page.getByRole("link", { name: "Admin" }).click();
    await page.getByRole("tab", { name: "Users" }).waitFor();
    await page.getByText("Department handler").first().waitFor();
    await page.getByRole("cell", { name: "2048" }).waitFor();
    await screenshot(page, "admin");
    await page.getByRole("link", { name: "Queue" }).click();
    await page.getByText("Work queue").waitFor();
    await page.getByText("Received").or(page.getByText("Assigned")).first().waitFor();

    // The session ends under the user's feet: the next call brings the login page with a notice.
    await page.context().clearCookies();
    await page.getByPlaceholder("Search number, customer, text").fill("ATM");
    await page.getByText("Your session has expired; please sign in again").waitFor();
  }, 60_000);
});
