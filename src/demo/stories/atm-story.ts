import type { ComplaintPlan } from "../demo-plan.js";
import { redressRoutes } from "../demo-themes.js";

/** Seed 000: the broken ATM, 39 people queueing, a rude lobby manager, escalated to 96169. */
export const atmStory: ComplaintPlan = {
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
