// The workbench's words for 越级投诉风险 beyond the tag (issue 17): the admin's word list and
// severity policy, the queue's column and filter, intake's warning. Spread into the resources.
export const riskZhCN = {
  riskSettings: {
    title: "越级风险",
    words: "威胁用语",
    wordsHint:
      "客户提到这些词（监管、热线、媒体、律师、法院……）即计入越级投诉风险；保存后所有未结工单重新评分。",
    wordsPlaceholder: "输入词语后回车",
    policy: "高风险时严重程度至少提升到",
    policyOff: "不提升",
    saved: "已保存，未结工单已重新评分",
  },
  riskQueue: {
    column: "越级风险",
    filter: "越级风险",
    any: "全部风险",
  },
  riskIntake: {
    title: "越级投诉风险{{level}}（{{score}}分）",
    from: "来自 {{number}}",
  },
};
