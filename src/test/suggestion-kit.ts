import type { ApiClient } from "./api-client.js";
import { closeWithFinding } from "./complaint-kit.js";
import { makeComplaint, makeDepartment } from "./factories.js";
import type { Complaint } from "./wire.js";

/**
 * Three kinds of trouble as a bank's closed cases tell them, each with what it was filed under:
 * the category, business type and causes (codes of the seeded lists) and which of the test's
 * departments led it.
 */
export const themedCases = [
  {
    lead: 0,
    category: "delivery",
    businessType: "credit_card",
    causes: ["time_delayed"],
    subjects: ["信用卡迟迟未寄到", "新办信用卡一直没收到", "补办的信用卡没有寄到"],
    stories: [
      "申请信用卡已经{n}天，卡片一直没有寄到，快递也查不到",
      "信用卡审批通过{n}天了还没收到卡片，邮寄地址是对的",
      "补卡{n}天仍未寄到，打客服说在制卡，一直没有消息",
    ],
  },
  {
    lead: 1,
    category: "price",
    businessType: "savings",
    causes: ["terms", "disclosure"],
    subjects: ["储蓄卡被扣小额账户管理费", "存款账户多扣手续费", "储蓄卡年费扣款不合理"],
    stories: [
      "储蓄卡每季度被扣{n}元小额账户管理费，开户时没有告知",
      "存款账户转账被收了{n}元手续费，柜台说免费的",
      "储蓄卡突然扣了{n}元年费，事先没有任何通知，要求退还",
    ],
  },
  {
    lead: 1,
    category: "service",
    businessType: "savings",
    causes: ["service_attitude", "person"],
    subjects: ["网点柜员态度恶劣", "大堂经理推诿不办理", "柜台排队两小时无人理会"],
    stories: [
      "在网点办理存款，柜员态度恶劣，说话难听，等了{n}分钟",
      "大堂经理推诿不给办理，让我来回跑了{n}趟网点",
      "网点只开一个柜台，排队{n}分钟，工作人员玩手机不理人",
    ],
  },
] as const;

/** The i-th closed case's wording (varied by i), filed as its theme says. */
export function themedCase(i: number) {
  const theme = themedCases[i % themedCases.length]!;
  const k = Math.floor(i / themedCases.length);
  return {
    theme,
    subject: theme.subjects[k % theme.subjects.length]!,
    description: theme.stories[(k + 1) % theme.stories.length]!.replace("{n}", String(3 + k * 7)),
  };
}

/**
 * `count` cases taken from intake to 办结 by the client (an admin: it may do every step), each
 * led by its theme's department: received, dispatched, accepted, its result, replied, closed.
 */
export async function closeThemedCases(client: ApiClient, departmentIds: string[], count: number) {
  for (let i = 0; i < count; i++) {
    const { theme, subject, description } = themedCase(i);
    let c = await makeComplaint(client, {
      subject,
      description,
      category: theme.category,
      businessType: theme.businessType,
      causes: theme.causes,
    });
    c = await client.command(c.id, "dispatch", {
      version: c.version,
      departments: [{ departmentId: departmentIds[theme.lead]! }],
    });
    const order = c.workOrders[0]!.id;
    await client.ok("POST", `/work-orders/${order}/accept`, {});
    c = await client.ok<Complaint>("POST", `/work-orders/${order}/result`, {
      result: "已核实并处理",
      substantiated: true,
      responsibility: "company",
    });
    c = await client.command(c.id, "reply", {
      version: c.version,
      message: "已处理完毕，向您致歉",
    });
    await closeWithFinding(client, c);
  }
}

/**
 * A center whose suggestions have learned: the card and branch departments, 18 themed cases closed
 * by them, and a model trained on those (the browser tests of intake start here).
 */
export async function trainOnThemedCases(admin: ApiClient) {
  const card = await makeDepartment(admin, { name: "信用卡中心" });
  const branch = await makeDepartment(admin, { name: "营业部" });
  await closeThemedCases(admin, [card.id, branch.id], 18);
  await admin.post("/suggestions/model");
}
