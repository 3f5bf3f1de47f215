// The closed vocabularies of a case that are not admin-edited lists: its severity, the
// complainant's mentality and its flags. The database columns, the API schemas and the web
// client's types all take them from here.

/** How a complaint is rated; SLA policies match on it and a breach may raise it. */
export const severities = ["low", "normal", "high", "critical"] as const;
export type Severity = (typeof severities)[number];

/** Seed 003's complainant mentalities: 宣泄委屈型, 显示权威型, 投机获利型, 制造轰动效应型. */
export const mentalities = ["venting", "authority", "gain", "attention"] as const;
export type Mentality = (typeof mentalities)[number];

/** Flags kesu sets from what happened to the case; a person can neither set nor clear them. */
const recordedFlags = [
  "repeat",
  "upper_level_transfer",
  "escalated",
  "merged",
  "supervised",
] as const;
/** Flags a person marks at intake or in an edit: the risks the case carries. */
export const markedFlags = ["media_risk", "group", "safety", "major"] as const;
export const complaintFlags = [...recordedFlags, ...markedFlags] as const;
export type ComplaintFlag = (typeof complaintFlags)[number];

export const isMarkedFlag = (flag: string): flag is (typeof markedFlags)[number] =>
  (markedFlags as readonly string[]).includes(flag);

/** A contact's direction: the customer called us, or we called them. */
export type ContactDirection = "inbound" | "outbound";

/** A callback promise (回电承诺): open until a later outbound contact keeps it. */
export const callbackStatuses = ["open", "done", "missed", "cancelled"] as const;
export type CallbackStatus = (typeof callbackStatuses)[number];
