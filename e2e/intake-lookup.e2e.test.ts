// The intake box takes whatever the caller gives: a meter number finds its customer rather than
// starting a new record, and a number that is one caller's phone and another's account lists both.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeComplaint, makeStaff, mobile, type Staff } from "../src/test/factories.js";
import type { Complaint } from "../src/test/wire.js";
import { screenshot, skipBrowserTests } from "./browser.js";
import { startWorkbench, type Workbench, warnWhenSkipped } from "./workbench-fixture.js";

warnWhenSkipped("intake lookup");

const BOX = "电话 / 证件号 / 户号 / 卡号 / 工单号 / 邮箱";
const METER = "3100204567890";

describe.skipIf(skipBrowserTests)("the intake box in Chromium", () => {
  let wb: Workbench;
  let agent: Staff;
  let meterCase: Complaint;
  const shared = mobile();

  beforeAll(async () => {
    wb = await startWorkbench();
    agent = await makeStaff(wb.admin, "agent", { displayName: "王芳", agentNo: "1023" });
    meterCase = await makeComplaint(agent.client, {
      ownerId: agent.user.id,
      customer: { name: "周先生", phone: mobile(), accountNo: METER },
      subject: "电表读数异常，本月电费翻倍",
    });
    await makeComplaint(agent.client, { customer: { name: "郑先生", phone: shared } });
    await makeComplaint(agent.client, {
      customer: { name: "吴女士", phone: mobile(), accountNo: shared },
    });
  }, 180_000);
  afterAll(() => wb?.close());

  it("finds the caller by a meter number and shows what it matched by", async () => {
    const page = await wb.signIn(agent.user.username, "/intake");
    await page.getByLabel(BOX).fill(METER);
    const history = page.getByTestId("customer-history");
    await history.getByText("周先生").waitFor();
    expect(await history.getByText("按户号/账号/卡号").count()).toBe(1);
    expect(await history.getByText(meterCase.number).count()).toBe(1);
    // The new-customer fields go: this caller is on record (the form follows the history).
    await expect.poll(() => page.getByText("新客户：请填写客户信息").count()).toBe(0);
    await screenshot(page, "intake-meter-number");
  });

  it("lists both callers a number matches and shows the history of the one chosen", async () => {
    const page = await wb.signIn(agent.user.username, "/intake");
    await page.getByLabel(BOX).fill(shared);
    const matches = page.getByTestId("lookup-matches");
    await matches.getByText("找到 2 位客户，请选择来电客户").waitFor();
    expect(await page.getByTestId("customer-history").count()).toBe(0);
    await matches.getByText("吴女士").click();
    await page.getByTestId("customer-history").getByText("吴女士").waitFor();
  });

  it("adds a returning caller's call to the open case instead of opening a second one", async () => {
    const page = await wb.signIn(agent.user.username, "/intake");
    await page.getByLabel(BOX).fill(METER);
    const openCase = page.getByTestId("history-case").filter({ hasText: meterCase.number });
    await openCase.getByText(`承办人: 王芳 · 工号 1023`).waitFor();
    await openCase.getByRole("button", { name: "本次来电记入此工单" }).click();
    await openCase.getByLabel("来电内容摘要").fill("客户再次来电催问电表检测结果");
    await openCase.getByLabel("来电内容摘要").press("Enter");
    await page.waitForURL(`**/complaints/${meterCase.id}`);
    await page.getByText("客户再次来电催问电表检测结果").first().waitFor();
    const after = await agent.client.get<Complaint>(`/complaints/${meterCase.id}`);
    expect(after.body.timeline.filter((e) => e.type === "contact")).toHaveLength(1);
  });
});
