// 质量8D in Chromium, seed 001's case: three customers complain about the same power module, the
// complaints come together in one 8D, its team works D0…D8 on the stepper (containment, two root
// causes with their 5 whys on the fishbone, three options compared and one chosen, the customer
// confirms the fix, similar models checked) and closes it; the complaints' owners are told to reply.

import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeComplaint, makeStaff, type Staff } from "../src/test/factories.js";
import { docsScreenshotDir, screenshot, screenshotDir, skipBrowserTests } from "./browser.js";
import { startWorkbench, type Workbench, warnWhenSkipped } from "./workbench-fixture.js";

warnWhenSkipped("8D quality case");

const MODEL = "AKX-200";

describe.skipIf(skipBrowserTests)("an 8D quality case in Chromium", () => {
  let wb: Workbench;
  let specialist: Staff;
  let engineer: Staff;
  let agents: Staff[];
  let complaints: { id: string; number: string }[];

  beforeAll(async () => {
    wb = await startWorkbench();
    specialist = await makeStaff(wb.admin, "specialist", { displayName: "陈静", agentNo: "2101" });
    engineer = await makeStaff(wb.admin, "quality", { displayName: "刘工", agentNo: "3101" });
    agents = [
      await makeStaff(wb.admin, "agent", { displayName: "王芳", agentNo: "1023" }),
      await makeStaff(wb.admin, "agent", { displayName: "周强", agentNo: "1024" }),
    ];
    const customers = ["深圳联通", "东莞移动", "惠州电信"];
    complaints = [];
    for (const [i, name] of customers.entries()) {
      const owner = agents[i % 2]!;
      complaints.push(
        await makeComplaint(owner.client, {
          ownerId: owner.user.id,
          customer: { name, phone: `1380013800${i}` },
          subject: `${MODEL} 电源模块上电后指示灯不亮`,
          description: `${name}反映新到货的${MODEL}电源模块上电后指示灯不亮，无法开通基站。`,
        }),
      );
    }
  }, 180_000);
  afterAll(() => wb?.close());

  it("links three customers' complaints to one 8D and walks it to closure", async () => {
    let page = await wb.signIn(specialist.user.username, `/complaints/${complaints[0]!.id}`);

    // Opened from the first complaint.
    const panel = page.getByTestId("complaint-quality");
    await panel.getByRole("button", { name: "新建8D" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("问题标题").fill(`${MODEL} 电源模块指示灯不亮`);
    await dialog.getByLabel("产品").fill("通信电源模块");
    await dialog.getByLabel("型号").fill(MODEL);
    // The other two customers' complaints about the model are offered at once; they are linked
    // below from their own page and from the 8D's, so none is ticked here.
    const offered = dialog.getByTestId("open-similar");
    for (const other of complaints.slice(1))
      await offered.getByRole("checkbox", { name: other.number }).waitFor();
    await expect(offered.getByText(complaints[0]!.number).count()).resolves.toBe(0);
    await dialog.getByRole("button", { name: "提交" }).click();
    await page.getByTestId("quality-header").getByText("8D-2026-0001").waitFor();
    const url = page.url();

    // The second from its own page, picking the open 8D.
    await page.goto(`${wb.base}/complaints/${complaints[1]!.id}`);
    await panel.getByLabel("选择进行中的8D").click();
    await page.locator(".ant-select-item-option", { hasText: "8D-2026-0001" }).click();
    await panel.getByRole("button", { name: "关联", exact: true }).click();
    await panel.getByTestId("complaint-quality-link").getByText("8D-2026-0001").waitFor();
    // The case's timeline names the 8D it joined.
    await page
      .getByTestId("timeline-event")
      .filter({ hasText: "关联8D" })
      .getByText(`8D-2026-0001 ${MODEL} 电源模块指示灯不亮`)
      .waitFor();
    await expect(panel.getByTestId("complaint-quality-step").textContent()).resolves.toBe(
      "D0 紧急响应",
    );

    // The third offered on the 8D's page as the same model, linked in one click.
    await page.goto(url);
    const linked = page.getByTestId("quality-complaints");
    const similar = linked.getByTestId("similar-complaints");
    const third = similar
      .getByTestId("similar-complaint")
      .filter({ hasText: complaints[2]!.number });
    await third.getByText("同型号").waitFor();
    await third.getByRole("button", { name: `关联 ${complaints[2]!.number}` }).click();
    await linked.getByText("关联投诉（3）").waitFor();
    await similar.getByText("没有可关联的类似投诉").waitFor();
    for (const customer of ["深圳联通", "东莞移动", "惠州电信"])
      await linked.getByText(`客户: ${customer}`, { exact: false }).waitFor();

    // The quality engineer runs the 8D (D0 is approved before D1 names a champion, so by quality).
    await page.close();
    page = await wb.signIn(engineer.user.username, new URL(url).pathname);

    // D0: what was done at once.
    await fillRow(page, "d0", "应急措施", { 措施: "暂停发货 AKX-200 并通知在途客户" });
    await submitAndApprove(page, "d0");

    // D1: the team, its champion.
    await goTo(page, "D1");
    const d1 = page.getByTestId("step-d1");
    await d1.getByRole("button", { name: "添加小组成员" }).click();
    await pick(page, d1.getByLabel("成员", { exact: true }), "刘工");
    await d1.getByLabel("小组角色").fill("质量工程师");
    await d1.getByRole("button", { name: "添加小组成员" }).click();
    await pick(page, d1.getByLabel("成员", { exact: true }).last(), "陈静");
    await d1.getByLabel("小组角色").last().fill("客服专员");
    await pick(page, d1.getByLabel("组长", { exact: true }), "刘工");
    await submitAndApprove(page, "d1");

    // D2: the is / is-not table and the customer's words.
    await goTo(page, "D2");
    const d2 = page.getByTestId("step-d2");
    const table: [string, string, string][] = [
      ["什么问题", "上电后指示灯不亮", "风扇不转"],
      ["在哪里", "三家运营商的新装站点", "老站点"],
      ["什么时间", "5 月到货批次", "4 月及以前批次"],
      ["多少数量", "12 台", "其余 188 台正常"],
    ];
    for (const [row, is, isNot] of table) {
      await d2.getByLabel(`${row} 是（IS）`).fill(is);
      await d2.getByLabel(`${row} 不是（IS NOT）`).fill(isNot);
    }
    await d2.getByLabel("客户原话").fill("新到的电源一插上就不亮，基站开不了");
    await submitAndApprove(page, "d2");

    // D3: containment.
    await goTo(page, "D3");
    await fillRow(page, "d3", "围堵措施", { 措施: "库存及在途 AKX-200 全数检验隔离" });
    const d3 = page.getByTestId("step-d3");
    await d3.getByLabel("检查数量").fill("200");
    await d3.getByLabel("隔离数量").fill("12");
    await d3.getByRole("checkbox", { name: "已完成" }).check();
    await submitAndApprove(page, "d3");

    // D4: two root causes with their 5 whys, and the fishbone.
    await goTo(page, "D4");
    const d4 = page.getByTestId("step-d4");
    await rootCause(page, 0, "发生原因", "料 物料", "保险丝规格错用为 1A", [
      "指示灯不亮",
      "模块无输出",
      "保险丝熔断",
      "保险丝额定电流偏小",
      "BOM 变更未经评审",
    ]);
    await rootCause(page, 1, "流出原因", "测 测量", "出厂测试未做满载上电", [
      "不良品出厂",
      "出厂测试未发现",
      "测试只做空载",
      "测试规范未更新",
      "新机种测试项未评审",
    ]);
    // Each root cause's evidence: a measurement sheet and the test record, downloadable.
    const evidence: [string, string, string][] = [
      ["occurrence", "保险丝测量.csv", "样品,额定电流(A),实测熔断(A)\n1,1,1.1\n2,1,1.0\n"],
      ["escape", "出厂测试记录.csv", "项目,结果\n空载上电,通过\n满载上电,未测\n"],
    ];
    for (const [kind, name, content] of evidence) {
      const files = d4.getByTestId(`evidence-${kind}`);
      await files.locator("input[type=file]").setInputFiles({
        name,
        mimeType: "text/csv",
        buffer: Buffer.from(content),
      });
      await files.getByRole("link", { name }).waitFor();
    }
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      d4.getByRole("link", { name: "保险丝测量.csv" }).click(),
    ]);
    expect(fs.readFileSync(await download.path(), "utf8")).toBe(evidence[0]![2]);
    await page
      .getByTestId("quality-event")
      .filter({ hasText: "上传证据" })
      .filter({ hasText: "出厂测试记录.csv" })
      .waitFor();
    await addTag(page, d4.getByLabel("人 人员", { exact: true }), "新员工换料");
    await addTag(page, d4.getByLabel("环 环境", { exact: true }), "仓库潮湿");
    const fishbone = d4.getByTestId("fishbone");
    await fishbone.getByText("保险丝规格错用为 1A").waitFor();
    await fishbone.getByText("仓库潮湿").waitFor();
    await fishbone.scrollIntoViewIfNeeded();
    await screenshot(page, "quality-fishbone");
    await submitAndApprove(page, "d4");

    // D5: three options compared, one chosen and why.
    await goTo(page, "D5");
    const d5 = page.getByTestId("step-d5");
    const options: [string, number, number, number, number][] = [
      ["更换 3A 保险丝并更新 BOM", 5, 5, 5, 5],
      ["改用自恢复保险丝", 5, 3, 2, 4],
      ["整机返厂更换电源板", 4, 1, 1, 2],
    ];
    for (const [i, [option, effect, speed, cost, ease]] of options.entries()) {
      await d5.getByRole("button", { name: "添加方案" }).click();
      await d5.getByLabel("永久纠正措施").nth(i).fill(option);
      await d5.getByLabel("效果").nth(i).fill(String(effect));
      await d5.getByLabel("见效快").nth(i).fill(String(speed));
      await d5.getByLabel("成本低").nth(i).fill(String(cost));
      await d5.getByLabel("方便操作").nth(i).fill(String(ease));
    }
    await d5.getByRole("radio", { name: /更换 3A 保险丝并更新 BOM（总分 20）/ }).check();
    await d5.getByLabel("选择理由").fill("见效快，成本低，方便操作");
    await submitAndApprove(page, "d5");

    // D6: implemented, verified, the customer confirms, containment withdrawn.
    await goTo(page, "D6");
    const d6 = page.getByTestId("step-d6");
    await d6.getByLabel("实施内容").fill("全部 AKX-200 更换 3A 保险丝，BOM 已更新");
    await d6.getByLabel("验证结果").fill("满载上电 72 小时无异常");
    await d6.getByRole("checkbox", { name: "客户已确认效果" }).check();
    await d6.getByLabel("客户确认情况").fill("深圳联通现场复测通过");
    await d6.getByRole("checkbox", { name: "临时围堵措施已撤除" }).check();
    await submitAndApprove(page, "d6");
    await page
      .getByTestId("quality-timeline")
      .getByText("已通知投诉承办人答复客户")
      .first()
      .waitFor();

    // D7: similar models checked.
    await goTo(page, "D7");
    await fillRow(page, "d7", "同类机种排查", {
      "产品 / 机种": "AKX-300",
      排查结果: "同一保险丝，已同步更换",
    });
    await submitAndApprove(page, "d7");

    // D8: lessons and the team recognised; the 8D closes.
    await goTo(page, "D8");
    const d8 = page.getByTestId("step-d8");
    await d8.getByLabel("经验教训").fill("BOM 变更须经评审，出厂测试须含满载上电");
    await d8.getByLabel("小组表彰").fill("表彰 8D 小组全体成员");
    await submitAndApprove(page, "d8");
    await page.getByTestId("quality-status").getByText("已结案").waitFor();
    await goTo(page, "D5");
    await page.getByTestId("quality-header").scrollIntoViewIfNeeded();
    await screenshot(page, "quality-stepper");
    await expect(page.getByTestId("quality-report").getAttribute("href")).resolves.toMatch(
      /report\.pdf$/,
    );

    // The complaint's owner sees the 8D on the case and was told to reply with the fix.
    const agentPage = await wb.signIn(agents[0]!.user.username, `/complaints/${complaints[0]!.id}`);
    await agentPage.getByTestId("complaint-quality-link").getByText("8D-2026-0001").waitFor();
    await agentPage.getByText("8D纠正措施已验证，请答复客户").first().waitFor();

    // Agents read the 8D but do not edit it.
    await agentPage.getByTestId("complaint-quality-link").click();
    await agentPage.getByText("您可以查看此8D，但只有8D小组成员可以编辑。").waitFor();
    await expect(agentPage.getByTestId("step-actions").getByRole("button").count()).resolves.toBe(
      0,
    );

    if (process.env.KESU_DOC_SCREENSHOTS) {
      fs.mkdirSync(docsScreenshotDir, { recursive: true });
      for (const name of ["quality-stepper", "quality-fishbone"])
        fs.copyFileSync(
          path.join(screenshotDir, `${name}.png`),
          path.join(docsScreenshotDir, `${name}.png`),
        );
    }
  }, 300_000);

  it("lets an admin set when each discipline is due", async () => {
    const page = await wb.signIn("admin", "/admin");
    await page.getByRole("tab", { name: "8D时限" }).click();
    const amount = page.getByLabel("D4 根本原因分析 时长");
    await amount.fill("10");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByText("已保存").waitFor();
    const policy = await wb.admin.get<{ d4: { amount: number } }>("/quality-due-policy");
    expect(policy.body.d4.amount).toBe(10);
  }, 60_000);
});

async function goTo(page: Page, step: string) {
  await page.getByTestId("quality-stepper").getByText(step, { exact: true }).click();
  await page
    .getByTestId("step-title")
    .getByText(new RegExp(`^${step} `))
    .waitFor();
}

/**
 * Submits the step shown (saving it first) and approves it as its champion; the stepper then moves
 * on to the next open step, and the 8D's timeline records the approval.
 */
async function submitAndApprove(page: Page, discipline: string) {
  const step = page.getByTestId(`step-${discipline}`);
  await step.getByRole("button", { name: "提交审批" }).click();
  await step.getByTestId("step-status").getByText("已提交").waitFor();
  await step.getByRole("button", { name: "批准" }).click();
  await page
    .getByTestId("quality-timeline")
    .getByText(`${discipline.toUpperCase()} 批准`, { exact: true })
    .waitFor();
}

/** Adds one row to a step's list and fills its text fields by label. */
async function fillRow(
  page: Page,
  discipline: string,
  list: string,
  fields: Record<string, string>,
) {
  const step = page.getByTestId(`step-${discipline}`);
  await step.getByRole("button", { name: `添加${list}` }).click();
  for (const [label, value] of Object.entries(fields))
    await step.getByLabel(label, { exact: true }).last().fill(value);
}

/**
 * Picks an option of this select in its own dropdown (antd links it by the `<id>_list` listbox):
 * another select's list may still be fading out with the same names in it.
 */
async function pick(page: Page, select: Locator, option: string) {
  await select.click();
  const id = await select.getAttribute("id");
  await page
    .locator(".ant-select-dropdown", { has: page.locator(`[id="${id}_list"]`) })
    .locator(".ant-select-item-option", { hasText: option })
    .first()
    .click();
}

async function addTag(page: Page, select: Locator, text: string) {
  await select.click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
}

async function rootCause(
  page: Page,
  index: number,
  kind: string,
  bone: string,
  statement: string,
  whys: string[],
) {
  const d4 = page.getByTestId("step-d4");
  await d4.getByRole("button", { name: "添加根本原因" }).click();
  const card = d4.locator(".ant-card", { hasText: `根本原因 ${index + 1}` }).last();
  await card.getByText(kind, { exact: true }).click();
  await pick(page, card.getByLabel("鱼骨图分类"), bone);
  await card.getByLabel("原因", { exact: true }).fill(statement);
  for (const [i, why] of whys.entries()) await card.getByLabel(`为什么 ${i + 1}`).fill(why);
}
