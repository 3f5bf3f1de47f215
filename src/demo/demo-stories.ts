// The seed documents' own stories, told through kesu the way the domain brief says they should
// have gone: one record, one owner, agent numbers on every step, callbacks as promises with due
// times, and departments working on the same case instead of asking the customer again.

import type { ComplaintPlan } from "./demo-plan.js";
import { redressRoutes } from "./demo-themes.js";

/** Seed 002: the credit card that never arrived, three calls, an inquiry upgraded to a complaint. */
const creditCardStory: ComplaintPlan = {
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

/** Seed 000: the broken ATM, 39 people queueing, a rude lobby manager, escalated to 96169. */
const atmStory: ComplaintPlan = {
  ref: "story-000",
  story: "000 柜员机故障、排队、大堂经理态度",
  customer: { name: "安先生", phone: "13800100000", accountNo: "6217002870012345678" },
  intake: {
    by: "agent4",
    own: false,
    complaint: {
      kind: "complaint",
      channel: "upper_level",
      transfer: { hotline: "96169", externalNo: "96169-20260318-0042", dueInDays: 5 },
      subject: "柜员机故障无告示、39人排队仅开1个窗口、大堂经理态度恶劣",
      description:
        "客户中午12点左右急需现金一万元，到离家最近的城东支行取款，唯一一台柜员机故障且未张贴告示。大堂值班经理只让其取号排队，前面有39人，4个窗口只开1个，预计需排队90分钟。客户再次求助时，大堂经理不耐烦地说“每个人都说自己着急，都像你这样不就乱了”，询问窗口为何只开一个，答“他们去吃饭了”。客户感到被忽视，遂向96169投诉。",
      demand: "网点书面道歉，说明柜员机故障未告知及午间窗口安排问题",
      category: "service",
      businessType: "cash",
      causes: [
        "right_to_know",
        "felt_ignored",
        "time_delayed",
        "person",
        "service_attitude",
        "facilities_systems",
      ],
      severity: "high",
      mentality: "venting",
      complainedBranch: "城东支行",
      complainedEmployee: "大堂值班经理",
    },
  },
  steps: [
    { by: "specialist2", do: "assign", owner: "specialist2" },
    {
      by: "specialist2",
      do: "note",
      text: "上级96169转办工单，须在转办期限前答复；按六步法先安抚客户情绪。",
    },
    { by: "specialist2", do: "callback", dueInHours: 4, note: "当天回电致歉并了解客户诉求" },
    {
      by: "specialist2",
      do: "contact",
      direction: "outbound",
      channel: "phone",
      summary: "首次回电，客户情绪激动，耐心倾听并代表网点致歉，告知调查安排及答复时限。",
    },
    {
      by: "specialist2",
      do: "dispatch",
      departments: [{ code: "demo-branch", lead: true }, { code: "demo-ops" }],
      instructions:
        "营业部核查午间窗口排班及大堂经理服务态度（调取录音录像）；运营管理部核查柜员机故障时间及未张贴告示原因。",
    },
    { by: "handler-branch", do: "accept", department: "demo-branch" },
    { by: "handler-ops", do: "accept", department: "demo-ops" },
    {
      by: "handler-ops",
      do: "result",
      department: "demo-ops",
      result:
        "柜员机当日11:40因钞箱故障停机，网点未按规定张贴故障告示，属实；设备已修复，已建立故障告示及应急取款机制。",
      substantiated: true,
      responsibility: "company",
    },
    {
      by: "handler-branch",
      do: "result",
      department: "demo-branch",
      result:
        "经调取录像，午间仅开1个窗口违反弹性排班规定；大堂经理服务态度问题属实，已批评教育并扣减当月绩效；午间已调整为至少3个窗口。",
      substantiated: true,
      responsibility: "company",
    },
    {
      by: "specialist2",
      do: "reply",
      message:
        "安先生您好，经核查，柜员机故障未告示、午间窗口安排不合理及大堂经理服务态度问题均属实，网点负责人将当面向您致歉，相关整改已完成。",
      remedy: "网点负责人当面致歉；为客户提供预约优先办理",
      redressRoutes: redressRoutes.bank,
    },
    {
      by: "quality2",
      do: "follow-up",
      satisfaction: "basically_satisfied",
      comment: "客户接受道歉，希望网点以后设备故障能及时告知。",
    },
  ],
  expected: "followed_up",
};

/** Seed 003: over-billing from a meter mix-up, refunded, then a ¥10,000 demand via 95598. */
const meterStory: ComplaintPlan = {
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

/** Seed 001: a product-quality complaint worked through 8D across departments. */
const productStory: ComplaintPlan = {
  ref: "story-001",
  story: "001 产品质量投诉（8D）",
  customer: {
    name: "陈工（华东精密机械有限公司）",
    phone: "13800100001",
    accountNo: "HT2025-0418",
    address: "高新区科技园路66号",
  },
  intake: {
    by: "agent7",
    own: false,
    complaint: {
      kind: "complaint",
      channel: "email",
      subject: "KX-300型控制器批量上电后频繁重启，两条产线停线",
      description:
        "客户来函：3月到货的200台KX-300型控制器中约15%在上电运行约2小时后频繁重启，导致两条产线停线。客户已按说明书操作，排除操作不当；同一产线上旧批次控制器运行正常。",
      demand: "尽快查明原因、更换故障产品，提供8D报告并赔偿停线损失",
      demandAmount: 50000,
      category: "quality",
      businessType: "product",
      causes: ["need_unmet", "time_delayed"],
      severity: "critical",
      complainedProduct: "KX-300型控制器（批次2603A）",
    },
  },
  steps: [
    { by: "specialist1", do: "assign", owner: "specialist1" },
    {
      by: "specialist1",
      do: "note",
      text: "启动8D。D0紧急响应：已安排现场工程师次日到厂；D1小组：质量部（组长）、研发部、售后服务部、客服专员。",
    },
    {
      by: "specialist1",
      do: "dispatch",
      departments: [
        { code: "demo-quality", lead: true },
        { code: "demo-rnd" },
        { code: "demo-aftersales" },
      ],
      instructions:
        "按8D处理：D3临时围堵（更换故障品、隔离同批次在途及库存），D4根本原因（5Why、鱼骨图），D5永久措施（快、省、易方案比较）。",
    },
    { by: "handler-quality", do: "accept", department: "demo-quality" },
    { by: "handler-aftersales", do: "accept", department: "demo-aftersales" },
    {
      by: "handler-aftersales",
      do: "result",
      department: "demo-aftersales",
      result: "D3围堵完成：现场已更换故障控制器30台，两条产线恢复运行；同批次在途产品已隔离。",
      substantiated: true,
      responsibility: "company",
    },
    {
      by: "handler-quality",
      do: "note",
      text: "D2问题描述（是/不是）：仅2603A批次、仅高温工况下出现，其他批次未发现。D4初步原因：电源模块电容更换供应商后耐温等级不足，待研发部验证。",
    },
    {
      by: "specialist1",
      do: "contact",
      direction: "outbound",
      channel: "phone",
      summary: "向客户通报D3围堵进展及D4初步原因，客户同意等待根本原因验证报告。",
    },
  ],
  expected: "dispatched",
};

export const seedStories: readonly ComplaintPlan[] = [
  creditCardStory,
  atmStory,
  meterStory,
  productStory,
];
