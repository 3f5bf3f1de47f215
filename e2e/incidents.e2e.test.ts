// 服务公告 in a real browser (seed 000, the customer's right to know): a supervisor publishes an
// incident, an agent taking a call about it sees it at intake and files the new complaint under
// it in one click; the incident counts the case.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeComplaint, makeStaff, mobile, type Staff } from "../src/test/factories.js";
import type { Complaint } from "../src/test/wire.js";
import { screenshot, skipBrowserTests } from "./browser.js";
import {
  choose,
  dialog,
  startWorkbench,
  type Workbench,
  warnWhenSkipped,
} from "./workbench-fixture.js";

warnWhenSkipped("incidents");

const BOX = "电话 / 证件号 / 户号 / 卡号 / 工单号 / 邮箱";
const TITLE = "城东支行ATM故障暂停服务";

describe.skipIf(skipBrowserTests)("service incidents in Chromium", () => {
  let wb: Workbench;
  let agent: Staff;
  let supervisor: Staff;
  const phone = mobile();

  beforeAll(async () => {
    wb = await startWorkbench();
    agent = await makeStaff(wb.admin, "agent", { displayName: "孙丽", agentNo: "4101" });
    supervisor = await makeStaff(wb.admin, "supervisor", { displayName: "赵刚", agentNo: "4102" });
    // A caller already on record, so intake finds them by phone.
    await makeComplaint(agent.client, { customer: { name: "陈先生", phone }, subject: "咨询年费" });
  }, 180_000);
  afterAll(() => wb?.close());

  it("a supervisor publishes an incident and the agent links the new complaint at intake", async () => {
    const lead = await wb.signIn(supervisor.user.username, "/incidents");
    await lead.getByTestId("incident-new").click();
    const form = dialog(lead);
    await form.getByTestId("incident-title").fill(TITLE);
    await form.getByTestId("incident-location").fill("城东支行");
    await choose(lead, "投诉类别", "服务");
    await form.getByTestId("incident-description").fill("唯一一台ATM吞卡后停用，维修中。");
    await form
      .getByTestId("incident-wording")
      .fill("城东支行ATM暂停服务，请到柜台或城北支行取款。");
    await form.getByTestId("incident-save").click();
    await lead.getByTestId("incident-heading").getByText(TITLE).waitFor();
    await screenshot(lead, "incident-published");

    const page = await wb.signIn(agent.user.username, "/intake");
    await page.getByLabel(BOX).fill(phone);
    await page.getByTestId("customer-history").getByText("陈先生").waitFor();
    const notices = page.getByTestId("intake-incidents");
    await notices.getByText(TITLE).waitFor();
    await notices.getByText("请到柜台或城北支行取款").waitFor();
    await page.getByLabel("主题", { exact: true }).fill("ATM吞卡无人告知");
    await page
      .getByLabel("诉求描述", { exact: true })
      .fill("客户在城东支行取款，ATM吞卡且无任何告示。");
    await page.getByLabel("投诉类别", { exact: true }).click();
    await page.keyboard.type("服务");
    await page.keyboard.press("Enter");
    // Still shown once the category agrees with the incident's; one click files the case under it.
    const link = notices.getByTestId("intake-incident-link");
    await link.click();
    await expect.poll(() => link.getAttribute("aria-pressed")).toBe("true");
    await screenshot(page, "incident-at-intake");
    await page.getByRole("button", { name: "创建工单" }).click();
    await page.getByTestId("complaint-number").waitFor();
    const id = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    await page.getByTestId("complaint-incident-linked").getByText(TITLE).waitFor();
    await page.getByText("关联服务公告").first().waitFor();
    await screenshot(page, "incident-linked-case");

    const created = (await agent.client.get<Complaint>(`/complaints/${id}`)).body;
    expect(created.timeline.map((e) => e.type)).toContain("incident_linked");
    const listed = await agent.client.get("/incidents?live=true");
    const incident = listed.body.items.find((i: { title: string }) => i.title === TITLE);
    expect(incident.complaintCount).toBe(1);

    // The supervisor's page lists the case under the incident.
    await lead.reload();
    await lead.getByTestId("incident-complaints").getByText(created.number).waitFor();
  }, 240_000);

  it("narrows intake's notices to the area typed, offering the incident's area first", async () => {
    const outage = "城南供电所计划停电";
    const published = await supervisor.client.post("/incidents", {
      title: outage,
      description: "10kV线路检修",
      location: "城南供电所辖区",
      area: "城南供电所",
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      customerWording: "因线路检修暂停供电，预计18点恢复。",
    });
    expect(published.status).toBe(201);
    await makeComplaint(agent.client, { complainedBranch: "城北供电所", subject: "抄表错误" });

    const page = await wb.signIn(agent.user.username, "/intake");
    const notices = page.getByTestId("intake-incidents");
    await notices.getByText(outage).waitFor();
    const area = page.getByLabel("被投诉网点/区域", { exact: true });
    await area.click();
    const options = page.getByTestId("intake-area-option");
    // The incident's area first, marked; then the branch a case named.
    await options.first().getByText("城南供电所").waitFor();
    await options.first().getByText("1 条公告").waitFor();
    await options.filter({ hasText: "城北供电所" }).waitFor();
    await area.fill("城北供电所");
    await expect.poll(() => notices.getByText(outage).count()).toBe(0);
    await area.fill("城南供电所");
    await notices.getByText(outage).waitFor();
    await screenshot(page, "incident-intake-area");
  }, 120_000);
});
