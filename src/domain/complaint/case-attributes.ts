// The closed vocabularies of a case that are not admin-edited lists: its severity, the
// complainant's mentality and its flags. The database columns, the API schemas and the web
// client's types all take them from here.

/** How a complaint is rated; SLA policies match on it and a breach may raise it. */
export const severities = ["low", "normal", "high", "critical"] as const;
export type Severity = (typeof severities)[number];

/** Seed 003's complainant mentalities: 宣泄委屈型, 显示权威型, 投机获利型, 制造轰动效应型. */
export const mentalities = ["venting", "authority", "gain", "attention"] as const;
export type Mentality = (typeof mentalities)[number];

/**
 * Seed 001's five causes of a product complaint (产品投诉的五种类型), the `complaintType` of a
 * case: 操作方法不当, 功能无法实现, 性能指标未达到, 潜在需求未被理解, 要求未被满足.
 */
export const complaintTypes = [
  "misuse",
  "function_missing",
  "performance_not_reached",
  "latent_need",
  "request_not_met",
] as const;
export type ComplaintType = (typeof complaintTypes)[number];

/**
 * The categories (code of the `category` list) that are about a product, where a complaint's
 * `complaintType` is asked for: 产品质量 and 供电质量. A case of another category may still carry
 * one, and shows it.
 */
export const productCategories: readonly string[] = ["quality", "supply_quality"];

/** Flags kesu sets from what happened to the case; a person can neither set nor clear them. */
const recordedFlags = [
  "repeat",
  "upper_level_transfer",
  "escalated",
  "merged",
  "supervised",
  /** 事不过三: the customer's third contact on a case not yet replied (judgement.ts). */
  "third_contact",
] as const;
/**
 * Flags a person marks at intake or in an edit: the risks the case carries, and 保密 (confidential:
 * kesu sends the customer nothing about it and the portal does not show it).
 */
export const markedFlags = ["media_risk", "group", "safety", "major", "confidential"] as const;
export const complaintFlags = [...recordedFlags, ...markedFlags] as const;
export type ComplaintFlag = (typeof complaintFlags)[number];

export const isMarkedFlag = (flag: string): flag is (typeof markedFlags)[number] =>
  (markedFlags as readonly string[]).includes(flag);

/** A contact's direction: the customer called us, or we called them. */
export type ContactDirection = "inbound" | "outbound";

/** A callback promise (回电承诺): open until a later outbound contact keeps it. */
export const callbackStatuses = ["open", "done", "missed", "cancelled"] as const;
export type CallbackStatus = (typeof callbackStatuses)[number];
