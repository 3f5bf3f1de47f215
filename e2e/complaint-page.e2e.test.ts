// The complaint page in Chromium: two people acting on one case (a version conflict shows what the
// other did and lets the agent retry), evidence uploads and downloads, and the work order list.

import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../src/test/api-client.js";
import {
  makeComplaint,
  makeDepartment,
  makeStaff,
  mobile,
  type Staff,
} from "../src/test/factories.js";
import { screenshot, skipBrowserTests } from "./browser.js";
import {
  act,
  choose,
  dialog,
  expectStatus,
  startWorkbench,
  submitDialog,
  type Workbench,
  warnWhenSkipped,
} from "./workbench-fixture.js";

warnWhenSkipped("complaint page");

describe.skipIf(skipBrowserTests)("complaint page in Chromium", () => {
  let wb: Workbench;
  let agent: Staff;
  let supervisor: Staff;
  let handler: Staff;
  let department: { id: string; name: string };

  beforeAll(async () => {
    // A 1 MB attachment limit, so the oversize case needs no large file.
    wb = await startWorkbench({ KESU_MAX_ATTACHMENT_MB: "1" });
    department = await makeDepartment(wb.admin, { name: "银行卡部" });
    agent = await makeStaff(wb.admin, "agent", { displayName: "王芳", agentNo: "1023" });
    supervisor = await makeStaff(wb.admin, "supervisor", { displayName: "赵敏", agentNo: "3001" });
    handler = await makeStaff(wb.admin, "department_handler", {
      departmentId: department.id,
      displayName: "李强",
      agentNo: "2048",
    });
  }, 180_000);
  afterAll(() => wb?.close());

  const get = async (client: ApiClient, id: string) => (await client.get(`/complaints/${id}`)).body;
  async function openComplaint(username: string, id: string) {
    const page = await wb.signIn(username, `/complaints/${id}`);
    await page.getByTestId("complaint-number").waitFor();
    return page;
  }

  it("shows a version conflict with the other person's change and lets the agent retry", async () => {
    const created = await makeComplaint(agent.client, {
      ownerId: agent.user.id,
      subject: "信用卡年费重复扣收",
    });
    const agentPage = await openComplaint(agent.user.username, created.id);
    const supervisorPage = await openComplaint(supervisor.user.username, created.id);
    await expectStatus(agentPage, "已分派");

    // The agent starts a reply while the supervisor, on the same case, escalates it.
    await act(agentPage, "答复客户");
    const reply = "经核实年费确属重复扣收，已于今日退回，给您带来不便深表歉意。";
    await dialog(agentPage).getByLabel("答复内容").fill(reply);
    await act(supervisorPage, "升级");
    await dialog(supervisorPage).getByLabel("原因").fill("客户表示将向监管部门投诉");
    await submitDialog(supervisorPage);

    // The agent's submit meets the newer version: nothing is sent over the escalation, the dialog
    // says who changed what, and the typed reply is still there.
    await dialog(agentPage).getByRole("button", { name: "提交" }).click();
    const warning = dialog(agentPage).locator(".ant-alert-warning");
    await warning
      .getByText(
        `该工单已被他人修改（版本 ${created.version + 1}），已重新加载最新内容，请核对后重试。`,
      )
      .waitFor();
    await warning.getByText("升级 · 赵敏 · 客户表示将向监管部门投诉").waitFor();
    expect(await dialog(agentPage).getByLabel("答复内容").inputValue()).toBe(reply);
    expect((await get(wb.admin, created.id)).status).toBe("assigned");
    await screenshot(agentPage, "version-conflict");

    // A deliberate retry goes through on the reloaded version.
    await submitDialog(agentPage);
    await expectStatus(agentPage, "已答复");
    await agentPage.getByText("已升级", { exact: true }).waitFor();

    const after = await get(wb.admin, created.id);
    expect(after).toMatchObject({ status: "replied", version: created.version + 2 });
    expect(after.flags).toContain("escalated");
    const events = after.timeline.map((e: { type: string }) => e.type);
    expect(events.indexOf("escalated")).toBeGreaterThan(-1);
    expect(events.indexOf("replied")).toBeGreaterThan(events.indexOf("escalated"));
    const byType = (type: string) => after.timeline.find((e: { type: string }) => e.type === type);
    expect(byType("escalated")).toMatchObject({
      actor: { agentNo: "3001" },
      data: { reason: "客户表示将向监管部门投诉" },
    });
    expect(byType("replied")).toMatchObject({
      actor: { agentNo: "1023" },
      data: { message: reply },
    });
  }, 90_000);

  it("lets the agent correct the customer's details, and keeps a colleague's change made meanwhile", async () => {
    const created = await makeComplaint(agent.client, {
      ownerId: agent.user.id,
      customer: { name: "周女士", phone: mobile() },
    });
    const page = await openComplaint(agent.user.username, created.id);
    await page.getByRole("button", { name: "修改客户" }).click();
    await dialog(page).getByLabel("邮箱").fill("zhou@example.test");
    await choose(page, "通知语言", "English");
    // A colleague saves the customer's new address while the dialog is open.
    const customerPath = `/customers/${created.customer.id}`;
    await supervisor.client.ok("PATCH", customerPath, {
      version: created.customer.version,
      address: "中山路 8 号",
    });
    await dialog(page)
      .getByRole("button", { name: /保\s*存/ })
      .click();
    await dialog(page)
      .getByText("该客户信息刚被他人修改，下面已是最新内容；请核对后再保存。")
      .waitFor();
    expect(await dialog(page).getByLabel("地址").inputValue()).toBe("中山路 8 号");
    await screenshot(page, "customer-edit-conflict");
    await dialog(page).getByLabel("邮箱").fill("zhou@example.test");
    await choose(page, "通知语言", "English");
    await dialog(page)
      .getByRole("button", { name: /保\s*存/ })
      .click();
    await page.getByText("zhou@example.test").waitFor();
    expect(await agent.client.ok("GET", customerPath)).toMatchObject({
      email: "zhou@example.test",
      address: "中山路 8 号",
      locale: "en",
      version: created.customer.version + 2,
    });
    await page.close();
  }, 90_000);

  it("uploads evidence, lists and downloads it, and explains a refused file in Chinese", async () => {
    const created = await makeComplaint(agent.client, { ownerId: agent.user.id });
    const page = await openComplaint(agent.user.username, created.id);
    const panel = page.getByTestId("attachments");
    const fileInput = panel.locator("input[type=file]");
    await panel.getByText("暂无附件").waitFor();

    const statement = Buffer.from(
      "交易日期,金额,摘要\n2026-11-01,-120.00,年费\n2026-11-02,-120.00,年费\n",
    );
    await fileInput.setInputFiles({
      name: "账单明细.csv",
      mimeType: "text/csv",
      buffer: statement,
    });
    const link = panel.getByRole("link", { name: "账单明细.csv" });
    await link.waitFor();
    await page
      .getByTestId("timeline-event")
      .filter({ hasText: "上传附件" })
      .getByText("王芳 (工号 1023)")
      .waitFor();

    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("账单明细.csv");
    expect(fs.readFileSync(await download.path()).equals(statement)).toBe(true);

    // A program disguised as a photo is refused from its content, with the reason in Chinese.
    await fileInput.setInputFiles({
      name: "发票.png",
      mimeType: "image/png",
      buffer: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(510, 0x90)]),
    });
    const refusal = panel.getByRole("alert");
    await refusal.getByText(/^不支持的文件类型（.+）/).waitFor();
    await refusal.getByText(/请上传图片、PDF、音视频、Office 文档或文本文件/).waitFor();
    await screenshot(page, "attachment-refused");

    // Over the configured limit: the message names it.
    await fileInput.setInputFiles({
      name: "录音.txt",
      mimeType: "text/plain",
      buffer: Buffer.alloc(1_200_000, "a"),
    });
    await refusal.getByText("文件超过 1 MB 上限。").waitFor();

    const after = await get(wb.admin, created.id);
    expect(after.attachments.map((a: { fileName: string }) => a.fileName)).toEqual([
      "账单明细.csv",
    ]);
  }, 90_000);

  it("numbers work orders from 1 and marks those of a 重办 round", async () => {
    const created = await makeComplaint(agent.client, { ownerId: agent.user.id });
    const command = async (name: string, body: Record<string, unknown>) => {
      const { version } = await get(agent.client, created.id);
      const res = await agent.client.post(`/complaints/${created.id}/${name}`, {
        version,
        ...body,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };
    const dispatched = await command("dispatch", {
      departments: [{ departmentId: department.id, lead: true }],
    });
    const order = dispatched.workOrders[0];
    for (const [name, body] of [
      ["accept", {}],
      ["result", { result: "已退回年费", substantiated: true, responsibility: "company" }],
    ] as const) {
      const res = await handler.client.post(`/work-orders/${order.id}/${name}`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    await command("reply", { message: "年费已退回。" });
    // The follow-up visit is someone other than the owner's (the center's default).
    const { version } = await get(agent.client, created.id);
    const visit = await wb.admin.post(`/complaints/${created.id}/follow-up`, {
      version,
      satisfaction: "dissatisfied",
      comment: "要求书面说明",
    });
    expect(visit.status, JSON.stringify(visit.body)).toBe(200);
    await command("dispatch", { departments: [{ departmentId: department.id, lead: true }] });

    const page = await openComplaint(agent.user.username, created.id);
    const rows = page.getByTestId("work-orders").getByTestId("work-order");
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    const firstCell = async (n: number) =>
      ((await rows.nth(n).locator("td").first().textContent()) ?? "").replace(/\s+/g, " ").trim();
    expect(await firstCell(0)).toBe("1");
    expect(await firstCell(1)).toBe("2 重办第 1 轮");
    await rows.nth(0).getByText("已完成").waitFor();
    await rows.nth(1).getByText("待签收").waitFor();
  }, 90_000);
});
