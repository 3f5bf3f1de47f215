// The dashboard: the charts, the period picker and the estimate of customers at risk. Spread into
// the resources.
export const dashboardEn = {
  dashboard: {
    title: "Dashboard",
    period: "Period",
    periods: { month: "Month", quarter: "Quarter", year: "Year" },
    department: "Lead department",
    category: "Category",
    drillHint: "Click any figure in a chart to open its complaints in the work queue",
    ownRows: "The charts show your own cases",
    volume: "Complaints received",
    current: "This period",
    previous: "Previous period",
    pareto: "Causes (Pareto)",
    count: "Complaints",
    cumulative: "Cumulative share",
    onTime: "Closed on time by department",
    onTimeTip:
      "{{rate}}% (on time {{count}} / accepted {{over}}); click to open the department's {{over}}",
    backlog: "Backlog ageing (open complaints)",
    ageDays: "{{key}} days",
    open: "Open",
    overdue: "Overdue",
    satisfaction: "Satisfaction",
    satisfactionTip:
      "{{rate}}% (satisfied {{count}} / followed up {{over}}); click to open the {{count}} satisfied",
    heatmap: "Department × category",
    atRisk: "Customers at risk (estimate)",
    atRiskNote:
      "An estimate, not a count: from the published survey CCCS quotes (91% of unhappy customers who never complain leave; 81% leave when a complaint stays unresolved; 46% when resolved slowly; 82% stay when it is resolved quickly), applied to this period's {{late}} cases closed late and the {{overdue}} open cases past their deadline: the customers lost to slowness alone.",
    empty: "No figures for this period",
  },
};
