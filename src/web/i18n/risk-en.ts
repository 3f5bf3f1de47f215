// The workbench's words for escalation risk beyond the tag (issue 17); see risk-zh-cn.ts.
export const riskEn = {
  riskSettings: {
    title: "Escalation risk",
    words: "Threatening words",
    wordsHint:
      "A customer naming any of these (regulators, hotlines, the press, lawyers, courts…) counts toward escalation risk; saving scores every open case again.",
    wordsPlaceholder: "Type a word and press Enter",
    policy: "On high risk raise severity to at least",
    policyOff: "Do not raise",
    saved: "Saved; open cases scored again",
  },
  riskQueue: {
    column: "Risk",
    filter: "Escalation risk",
    any: "Any risk",
  },
  riskIntake: {
    title: "Escalation risk {{level}} ({{score}})",
    from: "from {{number}}",
  },
};
