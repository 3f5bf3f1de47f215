import type { ComplaintPlan } from "../demo-plan.js";
import { redressRoutes } from "../demo-themes.js";

/** Seed 002: the credit card that never arrived, three calls, an inquiry upgraded to a complaint. */
export const creditCardStory: ComplaintPlan = {
  ref: "story-002",
  story: "002 信用卡两个月未收到",
  customer: {
    name: "周女士",
    phone: "13800100002",
    idNumber: "330106198706152124",
    address: "滨江区江南大道1888号",
  },
  intake: {
    by: "agent1",
    own: true,
    complaint: {
      kind: "inquiry",
      channel: "phone",
      subject: "办理按揭时申请的信用卡两个月未收到",
      description:
        "客户办理购房按揭时，在信贷部工作人员推荐下申请了信用卡，两个月过去仍未收到卡片，也没有任何解释，担心卡片在邮寄中丢失。客户曾联系信贷部，被告知信用卡归信用卡中心负责；致电信用卡中心又被告知审批在上海办理，需自行联系。",
      demand: "查询信用卡审批和寄送进度",
      category: "delivery",
      businessType: "credit_card",
      causes: ["time_delayed", "right_to_know"],
      severity: "normal",
      complainedBranch: "信贷部（按揭办理）",
    },
  },
  steps: [
    { by: "agent1", do: "callback", dueInHours: 24, note: "查询审批及制卡进度后回电告知客户" },
    {
      by: "agent2",
      do: "contact",
      direction: "inbound",
      channel: "phone",
      summary:
        "客户第二次来电：六天未获回复。坐席查看历史记录，客户无需复述；坐席报工号1022，承诺转告负责人。",
    },
    {
      by: "agent2",
      do: "note",
      text: "已提醒工单负责人王芳（1021）：回电承诺已逾期，请尽快回电。",
    },
    {
      by: "agent3",
      do: "contact",
      direction: "inbound",
      channel: "phone",
      summary: "客户第三次来电，对多次承诺回电未兑现非常不满，要求投诉。",
    },
    { by: "specialist1", do: "assign", owner: "specialist1" },
    {
      by: "specialist1",
      do: "upgrade",
      reason: "三次来电、两次承诺回电未兑现，客户由业务咨询升级为投诉。",
    },
    {
      by: "specialist1",
      do: "update",
      changes: {
        severity: "high",
        causes: ["time_delayed", "right_to_know", "felt_ignored", "credibility", "person"],
        mentality: "venting",
      },
    },
    {
      by: "specialist1",
      do: "contact",
      direction: "inbound",
      channel: "online",
      summary:
        "客户在官网留言：信用卡中心称“单位查无此人”审批未通过，客户质疑银行是否真的打过电话核实，坐席最后挂断电话。",
    },
    {
      by: "specialist1",
      do: "escalate",
      reason: "客户质疑银行诚信，已在官网公开留言，存在向监管投诉的风险。",
    },
    {
      by: "specialist1",
      do: "dispatch",
      departments: [{ code: "demo-card", lead: true }, { code: "demo-credit" }],
      instructions:
        "请信用卡中心核实审批记录及单位电话核实情况；信贷部提供按揭办理时的推荐记录。各部门请在本工单内补充，不要再让客户重复讲述。",
    },
    {
      by: "handler-credit",
      do: "note",
      text: "信贷部推荐记录：客户按揭资料中单位及电话信息齐全，已随推荐表一并提交信用卡中心。",
    },
    {
      by: "handler-credit",
      do: "return",
      department: "demo-credit",
      reason: "职能不符：信用卡审批归信用卡中心，信贷部仅为推荐渠道，推荐记录已在备注中提供。",
    },
    { by: "handler-card", do: "accept", department: "demo-card" },
    {
      by: "handler-card",
      do: "result",
      department: "demo-card",
      result:
        "经核查，审批时单位电话核实一次无人接听即判定不通过，未按规定多次核实，也未通知客户；第三位坐席答复不当并挂断电话。属我方责任，已重新提交审批。",
      substantiated: true,
      responsibility: "company",
    },
    {
      by: "specialist1",
      do: "reply",
      message:
        "周女士您好，经核查，您的信用卡审批在电话核实环节处理不当，且未及时告知您结果，多次承诺回电也未兑现，我们深表歉意。您的申请已重新审批通过并加急制卡。",
      remedy: "免收首年年费；客户经理当面致歉",
      redressRoutes: redressRoutes.bank,
    },
    {
      by: "quality1",
      do: "follow-up",
      satisfaction: "dissatisfied",
      comment:
        "客户表示多个部门轮流来电只是核实情况，调查多于关怀，卡片仍未收到，问题并未真正解决。",
    },
    {
      by: "supervisor1",
      do: "note",
      text: "重办：由专员陈静（1011）统一对接客户，其他部门不再直接联系客户；以卡片送达为办结标准。",
    },
    {
      by: "specialist1",
      do: "dispatch",
      departments: [{ code: "demo-card" }],
      instructions: "请加急制卡并以EMS寄出，寄出后在工单中提供快递单号。",
    },
    { by: "handler-card", do: "accept", department: "demo-card" },
    {
      by: "handler-card",
      do: "result",
      department: "demo-card",
      result:
        "卡片已加急制作并以EMS寄出，单号已告知专员；已对相关坐席进行服务规范培训（首问报工号、回电承诺登记到期时间）。",
      substantiated: true,
      responsibility: "company",
    },
    {
      by: "specialist1",
      do: "contact",
      direction: "outbound",
      channel: "phone",
      summary: "致电客户告知卡片已寄出及快递单号，客户表示会注意查收。",
    },
    {
      by: "specialist1",
      do: "reply",
      message: "周女士您好，您的信用卡已于今日以EMS寄出，单号已短信发送给您，后续由我全程跟进。",
      remedy: "免收首年年费；加急制卡",
      redressRoutes: redressRoutes.bank,
    },
    {
      by: "quality1",
      do: "follow-up",
      satisfaction: "satisfied",
      comment: "客户已收到卡片，对最终处理表示满意，建议银行把每次来电都记录下来。",
    },
    {
      by: "specialist1",
      do: "update",
      changes: {
        responsibility: "company",
        substantiated: true,
        findingNote: "客户多次来电均未被记录，首问负责落空，系我方责任。",
      },
    },
    { by: "specialist1", do: "close", reason: "卡片已送达，客户满意，办结归档。" },
  ],
  expected: "closed",
};
