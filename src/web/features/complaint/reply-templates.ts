/**
 * 话术: a small built-in set until templates get their own admin list. Chinese only, since the
 * customer hears Chinese whatever language the agent's screen is in.
 */
export const replyTemplates = [
  {
    key: "apology",
    title: "致歉",
    text: "非常抱歉给您带来不便，您反映的问题我们已经详细记录，我们会尽快为您处理。",
  },
  {
    key: "progress",
    title: "进度告知",
    text: "您好，您反映的问题已转交相关部门核实处理，我们会在承诺时限内给您答复，请您保持电话畅通。",
  },
  {
    key: "resolved",
    title: "处理结果",
    text: "您好，经核实，您反映的问题已处理完毕。处理结果如下：",
  },
  {
    key: "redress",
    title: "救济途径",
    text: "如您对处理结果仍不满意，可申请复核，或向相关监管机构反映。",
  },
  {
    key: "thanks",
    title: "感谢",
    text: "感谢您对我们工作的理解与支持，您的意见是我们改进服务的动力。",
  },
] as const;
