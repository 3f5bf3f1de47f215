// The customer's side on a phone: file a complaint in the portal, an agent answers it in the
// workbench, the customer reads the reply and rates it. Also the portal's bundle stays small.

import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeStaff, mobile, type Staff } from "../src/test/factories.js";
import { screenshot, skipBrowserTests } from "./browser.js";
import {
  act,
  dialog,
  expectStatus,
  startWorkbench,
  submitDialog,
  type Workbench,
  warnWhenSkipped,
} from "./workbench-fixture.js";

warnWhenSkipped("customer portal");

describe.skipIf(skipBrowserTests)("the customer portal on a phone", () => {
  let wb: Workbench;
  let agent: Staff;

  beforeAll(async () => {
    wb = await startWorkbench({ KESU_CUSTOMER_MESSAGES: "sms" });
    agent = await makeStaff(wb.admin, "agent", { displayName: "王芳", agentNo: "1023" });
  }, 180_000);
  afterAll(() => wb?.close());

  /** The latest text message kesu queued to this phone (what the gateway would deliver). */
  async function lastText(phone: string): Promise<string> {
    const { rows } = await wb.server.db.$client.query(
      "select payload->>'text' as text from outbox where channel = 'sms' and payload->>'to' = $1 order by id desc limit 1",
      [phone],
    );
    return rows[0]?.text ?? "";
  }

  async function phoneBrowser(): Promise<Page> {
    const context = await wb.browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: "zh-CN",
    });
    return context.newPage();
  }

  it("files, sees the agent's reply and answers the survey", async () => {
    const phone = mobile();
    const customer = await phoneBrowser();
    await customer.goto(`${wb.base}/portal`);
    await customer.getByLabel("手机号").fill(phone);
    await customer.getByRole("button", { name: "获取验证码" }).click();
    await customer.getByText("验证码已发送").waitFor();
    const code = /验证码是(\d{6})/.exec(await lastText(phone))![1]!;
    await customer.getByLabel("验证码").fill(code);
    await customer.getByLabel("您的称呼").fill("李女士");
    await customer.getByLabel("投诉主题").fill("网点排队两小时无人处理");
    await customer.getByLabel("事情经过").fill("周六上午在中山路网点排队两个小时，只开一个窗口。");
    await screenshot(customer, "portal-file");
    await customer.getByRole("button", { name: "提交投诉" }).click();
    const number = (await customer.getByTestId("number").textContent())!.trim();
    const accessCode = (await customer.getByTestId("access-code").textContent())!.trim();
    expect(accessCode).toMatch(/^[2-9A-Z]{8}$/);

    // It arrives in the agent's queue, who replies from the workbench.
    const agentPage = await wb.signIn(agent.user.username, "/queue");
    await agentPage.getByRole("link", { name: number }).click();
    await expectStatus(agentPage, "已受理");
    await act(agentPage, "答复客户");
    await dialog(agentPage)
      .getByLabel("答复内容")
      .fill("经核实当天窗口排班不足，已调整周末排班，向您致歉。");
    await submitDialog(agentPage);
    await expectStatus(agentPage, "已答复");

    // The customer tracks it and reads the reply.
    await customer.goto(`${wb.base}/portal`);
    await customer.getByRole("button", { name: "查询进度" }).click();
    await customer.getByLabel("投诉编号").fill(number);
    await customer.getByLabel("手机号").fill(phone);
    await customer.getByLabel("查询码").fill(accessCode);
    await customer.getByRole("button", { name: "查询", exact: true }).click();
    await customer.getByTestId("stage").getByText("已答复").waitFor();
    await customer.getByText("已调整周末排班").first().waitFor();
    await screenshot(customer, "portal-track");

    // The survey link from the reply's message.
    const link = /https?:\/\/\S+\/s\/[\w-]+/.exec(await lastText(phone))![0];
    await customer.goto(`${wb.base}${new URL(link).pathname}`);
    await customer.getByText("满意", { exact: true }).click();
    await customer.getByRole("button", { name: "提交评价" }).click();
    await customer.getByText("感谢您的评价").waitFor();
    const list = await agent.client.listComplaints(`?q=${number}`);
    const c = await agent.client.complaint(list.items[0]!.id);
    expect([c.status, c.satisfaction]).toEqual(["followed_up", "satisfied"]);
  }, 120_000);

  it("lets an admin reword the acknowledgement in the admin page", async () => {
    const page = await wb.signIn("admin", "/admin");
    await page.getByRole("tab", { name: "客户消息" }).click();
    const body = page.getByLabel("受理回执 · zh-CN 内容");
    await body.fill(
      "已收到您的投诉{number}，受理工号{agentNo}，{dueAt}前答复。查询：{portalUrl} 查询码{accessCode}",
    );
    const card = page.getByTestId("customer-message-acknowledgement-zh-CN");
    await card.getByRole("button", { name: /保\s*存/ }).click();
    await card.getByText("已自定义").waitFor();
    await screenshot(page, "admin-customer-messages");
    const { body: list } = await wb.admin.get("/customer-message-templates");
    const ack = list.items.find(
      (i: { event: string; locale: string }) =>
        i.event === "acknowledgement" && i.locale === "zh-CN",
    );
    expect(ack.body).toContain("已收到您的投诉{number}");
  }, 60_000);

  it("loads under 150 KB of gzipped JavaScript and none of the workbench", async () => {
    const web = path.resolve(import.meta.dirname, "..", "dist", "web");
    const html = fs.readFileSync(path.join(web, "portal", "index.html"), "utf8");
    const scripts = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    const bytes = scripts.reduce(
      (sum, file) => sum + gzipSync(fs.readFileSync(path.join(web, file))).length,
      0,
    );
    expect(bytes).toBeLessThan(150 * 1024);
    for (const file of scripts)
      expect(fs.readFileSync(path.join(web, file), "utf8")).not.toContain("/api/v1/complaints");
  });
});
