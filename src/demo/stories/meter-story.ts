import type { ComplaintPlan } from "../demo-plan.js";
import { redressRoutes } from "../demo-themes.js";

/** Seed 003: over-billing from a meter mix-up, refunded, then a ¥10,000 demand via 95598. */
export const meterStory: ComplaintPlan = {
  ref: "story-003",
  story: "003 换表串户多收电费、索赔精神损失一万元",
  customer: { name: "王先生", phone: "13800100003", accountNo: "3100287415" },
  intake: {
    by: "agent6",
    own: false,
    complaint: {
      kind: "complaint",
      channel: "upper_level",
      transfer: { hotline: "95598", externalNo: "95598-GS-20260223-0117", dueInDays: 3 },
      subject: "批量换表串户多收电费，要求赔偿精神损失一万元",
      description:
        "上级客服转省公司投诉工单：客户反映供电所在批量更换载波表工程中，其电表与隔壁某单位营业厅串户，客户名下“欠费”475元实为隔壁单位用电。客户已先缴纳400元，抄表员仍坚持要求补交剩余75元。客户认为供电所处理不当，要求赔偿。",
      demand: "退还多收电费，赔偿精神损失一万元",
      demandAmount: 10000,
      category: "billing",
      businessType: "power_service",
      causes: ["rights_infringed", "credibility", "person"],
      severity: "high",
      mentality: "gain",
      complainedBranch: "城南供电所",
      complainedEmployee: "抄表员",
    },
  },
  steps: [
    { by: "specialist3", do: "assign", owner: "specialist3" },
    {
      by: "specialist3",
      do: "dispatch",
      departments: [{ code: "demo-power", lead: true }, { code: "demo-billing" }],
      instructions:
        "省公司95598转办，时限3天。请营销部核实串户及退费，计费中心订正档案并重算电费。",
    },
    { by: "handler-power", do: "accept", department: "demo-power" },
    { by: "handler-billing", do: "accept", department: "demo-billing" },
    {
      by: "handler-billing",
      do: "result",
      department: "demo-billing",
      result:
        "串户属实：客户名下475元欠费实为隔壁单位营业厅用电，已订正档案，按实际电量重新计算电费。",
      substantiated: true,
      responsibility: "company",
    },
    {
      by: "handler-power",
      do: "result",
      department: "demo-power",
      result:
        "已将多收的400元电费退还客户，供电所负责人当面赔礼道歉。精神损失赔偿无法律和制度依据，建议不予支持。",
      substantiated: true,
      responsibility: "company",
    },
    {
      by: "specialist3",
      do: "reply",
      message:
        "王先生您好，经核查，换表工程中确有串户差错，多收的400元电费已退还，并已按实际用电重新计算电费，对工作失误我们再次致歉。关于精神损失一万元的要求，经研究没有赔偿依据，不予支持。",
      remedy: "退还多收电费400元；当面致歉",
      redressRoutes: redressRoutes.power,
    },
    {
      by: "quality1",
      do: "follow-up",
      satisfaction: "dissatisfied",
      comment: "客户不接受道歉，坚持索赔精神损失一万元，表示将继续向省公司投诉。",
    },
    {
      by: "supervisor2",
      do: "note",
      text: "客户心理类型判断为投机获利型。赔偿要求超出授权且无依据；由主管约见客户当面沟通，讲清政策，防止再次越级投诉。",
    },
    {
      by: "specialist3",
      do: "escalate",
      reason: "客户坚持索赔一万元并表示将再次越级投诉，升级至主管处理。",
    },
    { by: "specialist3", do: "callback", dueInHours: 48, note: "主管约见前回电确认时间地点" },
  ],
  expected: "reopened",
};
