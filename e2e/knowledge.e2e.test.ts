// The knowledge base (知识库) in a real browser: the reply box suggests the article the case
// needs and inserts it; a must-read update stays above every page until the agent has read it,
// and the supervisor then sees who has.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeComplaint, makeStaff, type Staff } from "../src/test/factories.js";
import { screenshot, skipBrowserTests } from "./browser.js";
import {
  act,
  dialog,
  startWorkbench,
  type Workbench,
  warnWhenSkipped,
} from "./workbench-fixture.js";

warnWhenSkipped("knowledge");

const talkTrack = "您好，卡片已于今日加急寄出，预计三个工作日内送达，给您带来不便深表歉意。";

describe.skipIf(skipBrowserTests)("the knowledge base in Chromium", () => {
  let wb: Workbench;
  let agent: Staff;
  let supervisor: Staff;

  beforeAll(async () => {
    wb = await startWorkbench();
    agent = await makeStaff(wb.admin, "agent", { displayName: "钱芳", agentNo: "3201" });
    supervisor = await makeStaff(wb.admin, "supervisor", { displayName: "周强", agentNo: "3202" });
  }, 180_000);
  afterAll(() => wb?.close());

  it("suggests an article beside the reply box and inserts it into the reply", async () => {
    const published = await supervisor.client.post("/knowledge", {
      kind: "talk_track",
      title: "寄卡延误答复",
      body: talkTrack,
      category: "delivery",
      tags: ["未收到"],
    });
    expect(published.status).toBe(201);
    await supervisor.client.post("/knowledge", {
      kind: "policy",
      title: "理财产品风险提示",
      body: "与本案无关。",
      category: "price",
    });
    const complaint = await makeComplaint(agent.client, {
      subject: "信用卡两个月未收到",
      category: "delivery",
    });

    const page = await wb.signIn(agent.user.username, `/complaints/${complaint.id}`);
    await page.getByText("信用卡两个月未收到").first().waitFor();
    await act(page, "答复客户");
    const suggestions = dialog(page).getByTestId("reply-suggestions");
    const first = suggestions.getByTestId("reply-suggestion").first();
    await first.getByText("寄卡延误答复").waitFor();
    expect(await suggestions.getByText("理财产品风险提示").count()).toBe(0);
    await screenshot(page, "knowledge-reply-suggestions");
    await first.getByTestId("suggestion-insert").click();
    await expect.poll(() => dialog(page).getByLabel("答复内容").inputValue()).toBe(talkTrack);
  }, 180_000);

  it("shows a must-read update on every page until it is read, and tells the supervisor", async () => {
    // The supervisor publishes it from the knowledge page.
    const supervisorPage = await wb.signIn(supervisor.user.username, "/knowledge");
    await supervisorPage.getByTestId("article-new").click();
    await dialog(supervisorPage).getByTestId("article-title").fill("十二月起网点营业时间调整");
    await dialog(supervisorPage).getByTestId("article-body").fill("自十二月一日起，网点九点开门。");
    await dialog(supervisorPage).getByTestId("article-must-read").click();
    await dialog(supervisorPage).getByTestId("article-save").click();
    await supervisorPage
      .getByTestId("article-heading")
      .getByText("十二月起网点营业时间调整")
      .waitFor();
    const url = supervisorPage.url();

    const page = await wb.signIn(agent.user.username, "/queue");
    const banner = page.getByTestId("must-read-banner");
    await banner.getByText("十二月起网点营业时间调整").waitFor();
    await page.getByTestId("must-read-badge").waitFor();
    await screenshot(page, "knowledge-must-read-banner");
    // Still there on another page: nothing but reading it takes it away.
    await page.goto(`${wb.base}/knowledge`);
    await banner.getByText("十二月起网点营业时间调整").waitFor();
    // The list finds it by a two-character word.
    await page.getByTestId("knowledge-search").locator("input").fill("网点");
    await page.getByTestId("knowledge-search").locator("input").press("Enter");
    await page
      .getByTestId("knowledge-list")
      .getByRole("link", { name: "十二月起网点营业时间调整" })
      .waitFor();

    await banner.getByRole("link", { name: "十二月起网点营业时间调整" }).click();
    await page.getByTestId("article-body-text").getByText("九点开门").waitFor();
    await page.getByTestId("article-mark-read").click();
    await banner.waitFor({ state: "detached" });
    await page.reload();
    await page.getByTestId("article-body-text").getByText("九点开门").waitFor();
    expect(await page.getByTestId("must-read-banner").count()).toBe(0);
    expect(await page.getByTestId("must-read-badge").count()).toBe(0);

    await supervisorPage.goto(url);
    await supervisorPage
      .getByTestId("reads-read")
      .getByText("钱芳（3201）", { exact: false })
      .waitFor();
    await screenshot(supervisorPage, "knowledge-read-receipts");
  }, 180_000);
});
