import type { serviceZhCN } from "./service-zh-cn";

// The same words in English: every key of the Chinese resources, checked by the type.
export const serviceEn: typeof serviceZhCN = {
  followUp: {
    ownerNotAllowed:
      "The follow-up visit is recorded by someone other than the case owner (Admin → Service settings).",
    unreachable: "Follow-up call not answered",
    unreachableHint: "Counts towards the tries a close as “customer unreachable” needs",
    attempts: "{{count}} failed follow-up tries logged since the reply; {{required}} needed",
  },
  closeReason: {
    label: "Reason for closing",
    hint: "Closing a replied case without a follow-up visit needs a reason.",
    codes: {
      customer_unreachable: "Customer unreachable",
      customer_declined_follow_up: "Customer declined the follow-up",
      confirmed_at_reply: "Customer confirmed satisfaction at the reply",
      duplicate: "Duplicate complaint",
      other: "Other",
    },
  },
  serviceSettings: {
    title: "Service settings",
    followUpByOwner: "Owners may record the follow-up visit of their own cases",
    followUpByOwnerHint:
      "Off (the default): someone other than the owner records the follow-up, so it is independent.",
    unreachableAttempts: "Failed follow-up tries before a case may close as “customer unreachable”",
    saved: "Service settings saved",
  },
  slaPolicies: {
    title: "SLA policies",
    conflict:
      "Someone else changed this policy first (now version {{version}}); their values are loaded below — check them and save again.",
    hint: "Matched in order: the first active policy that matches sets a case's deadlines; running clocks keep their deadlines.",
    name: "Name",
    order: "Order",
    active: "Active",
    inactive: "Inactive",
    match: "Applies to",
    matchAll: "All cases",
    kinds: "Kinds",
    severities: "Severities",
    categories: "Categories",
    targets: "Targets",
    noTarget: "—",
    warnAtShare: "Warning share",
    warnAtShareHint: "e.g. 0.75: warn when three quarters of the time is used; blank for none",
    extension: "Longest extension",
    approver: "Extension approver",
    approvers: { supervisor: "Supervisor", admin: "Admin" },
    actionsOnBreach: "On breach",
    actions: {
      raise_severity: "Raise severity",
      reassign_to_supervisor: "Reassign to a supervisor",
      add_supervisor_watcher: "Supervisor watches",
    },
    edit: "Edit",
    editTitle: "Edit SLA policy: {{name}}",
    new: "New policy",
    newTitle: "New SLA policy",
    code: "Policy code",
    codeHint: "Letters, digits, _ or -, fixed once saved, e.g. billing-7wd",
    saved: "SLA policy saved",
  },
};
