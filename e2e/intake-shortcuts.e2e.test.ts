// The shortest keyboard path at intake, counted: a returning customer's complaint in six keyboard
// interactions (the phone, the subject, Tab, the description, Alt+A, Ctrl+Enter); and a call about
// a matter already open is proposed onto that case, which takes it with Alt+J and Enter.

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeComplaint, makeStaff, mobile, type Staff } from "../src/test/factories.js";
import { trainOnThemedCases } from "../src/test/suggestion-kit.js";
import type { Complaint } from "../src/test/wire.js";
import { screenshot, skipBrowserTests } from "./browser.js";
import { startWorkbench, type Workbench, warnWhenSkipped } from "./workbench-fixture.js";

warnWhenSkipped("intake shortcuts");

const BOX = "电话 / 证件号 / 户号 / 卡号 / 工单号 / 邮箱";

/** The aria label or form label of what has the keyboard focus (run in the page). */
const focusedLabel = (page: Page) =>
  page.evaluate<string>(`(() => {
    const el = document.activeElement;
    if (!el) return "";
    return (el.getAttribute("aria-label") ??
      (el.id ? document.querySelector(\`label[for="\${el.id}"]\`)?.textContent : null) ?? "").trim();
  })()`);

type Suggested = { id: string; label: string }[];

/** The page's keyboard, counting every interaction: a text typed into a field is one, a key one. */
function countingKeyboard(page: Page) {
  const counter = {
    count: 0,
    async type(text: string) {
      counter.count++;
      await page.keyboard.type(text);
    },
    async press(key: string) {
      counter.count++;
      await page.keyboard.press(key);
    },
  };
  return counter;
}

describe.skipIf(skipBrowserTests)("intake by the shortest keyboard path in Chromium", () => {
  let wb: Workbench;
  let agent: Staff;

  beforeAll(async () => {
    wb = await startWorkbench();
    agent = await makeStaff(wb.admin, "agent", { displayName: "王芳", agentNo: "1023" });
    await trainOnThemedCases(wb.admin);
  }, 300_000);
  afterAll(() => wb?.close());

  it("logs a returning customer's complaint in six keyboard interactions", async () => {
    const phone = mobile();
    const earlier = await makeComplaint(agent.client, {
      customer: { name: "张伟", phone },
      subject: "信用卡两个月未收到",
    });
    const page = await wb.signIn(agent.user.username, "/intake");
    await page.getByLabel(BOX).waitFor();
    const keys = countingKeyboard(page);
    const subject = "储蓄卡被扣年费";
    const description = "储蓄卡突然扣了50元年费，事先没有任何通知，要求退还";

    await keys.type(phone); // 1: the history comes and the cursor goes to 主题
    await page.getByTestId("customer-history").getByText(earlier.number).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe("主题");
    await keys.type(subject); // 2
    await keys.press("Tab"); // 3
    expect(await focusedLabel(page)).toBe("诉求描述");
    await keys.type(description); // 4
    const suggested = (
      await agent.client.post<{ category: Suggested; cause: Suggested }>("/suggestions", {
        text: `${subject}。${description}`,
      })
    ).body;
    const top = suggested.category[0]!;
    const suggestions = page.getByRole("region", { name: "智能建议" });
    await suggestions.getByText(new RegExp(`${top.label} \\d+%`)).waitFor();
    await keys.press("Alt+KeyA"); // 5: the first category, business type and cause
    const category = page.locator(".ant-form-item").filter({ hasText: "投诉类别" });
    await category.getByText(top.label, { exact: true }).waitFor();
    await page.getByText("Ctrl+Enter 提交").waitFor();
    await screenshot(page, "intake-six-keys");
    await keys.press("Control+Enter"); // 6
    await page.getByTestId("complaint-number").waitFor();

    expect(keys.count).toBeLessThanOrEqual(6);
    const id = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    const created = (await agent.client.get<Complaint>(`/complaints/${id}`)).body;
    expect(created).toMatchObject({
      kind: "complaint",
      channel: "phone",
      subject,
      description,
      category: top.id,
      causes: [suggested.cause[0]!.id],
    });
    expect(created.customer.id).toBe(earlier.customer.id);
  }, 120_000);

  it("proposes the open case the new text repeats, and Alt+J then Enter adds the call to it", async () => {
    const phone = mobile();
    const card = await makeComplaint(agent.client, {
      customer: { name: "李娜", phone },
      subject: "补办的信用卡迟迟没有寄到",
      category: "delivery",
    });
    const branch = await makeComplaint(agent.client, {
      customerId: card.customer.id,
      customer: undefined,
      subject: "网点柜员态度恶劣",
      category: "service",
    });
    const page = await wb.signIn(agent.user.username, "/intake");
    await page.getByLabel(BOX).fill(phone);
    const cases = page.getByTestId("history-case");
    // Open cases newest first: the branch's, then the card's.
    await cases.first().getByText(branch.number).waitFor();
    await expect.poll(() => focusedLabel(page)).toBe("主题");
    await page.keyboard.type("补办的信用卡还是没有寄到");

    const proposed = cases.first();
    await proposed
      .getByTestId("same-matter")
      .getByText("可能是同一件事 — 把这通电话加到此案？")
      .waitFor();
    await proposed.getByText(card.number).waitFor();
    expect(await cases.nth(1).getByText(branch.number).count()).toBe(1);
    await proposed.getByRole("button", { name: "本次来电记入此工单 (Alt+J)" }).waitFor();
    await screenshot(page, "intake-same-matter");

    await page.keyboard.press("Alt+KeyJ");
    await expect.poll(() => focusedLabel(page)).toBe("来电内容摘要");
    expect(await proposed.getByLabel("来电内容摘要").inputValue()).toBe("补办的信用卡还是没有寄到");
    await page.keyboard.press("Enter");
    await page.waitForURL(`**/complaints/${card.id}`);

    const after = (await agent.client.get<Complaint>(`/complaints/${card.id}`)).body;
    const contacts = after.timeline.filter((e) => e.type === "contact");
    expect(contacts).toHaveLength(1);
    expect(JSON.stringify(contacts[0])).toContain("补办的信用卡还是没有寄到");
    const other = (await agent.client.get<Complaint>(`/complaints/${branch.id}`)).body;
    expect(other.timeline.filter((e) => e.type === "contact")).toHaveLength(0);
  }, 120_000);
});
