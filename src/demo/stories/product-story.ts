import type { ComplaintPlan } from "../demo-plan.js";

/** Seed 001: a product-quality complaint worked through 8D across departments. */
export const productStory: ComplaintPlan = {
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
