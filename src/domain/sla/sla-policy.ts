// SLA policies: which time limits apply to a complaint, chosen by its facts. Admins keep an
// ordered list; the first policy (lowest `order`) whose match accepts the complaint wins.

import type { Severity } from "../complaint/case-attributes.js";
import type { ComplaintKind } from "../complaint/complaint-lifecycle.js";
import { type SlaTarget, type TargetProblem, targetProblem } from "./sla-target.js";

/** Mirrors the complaint's severity levels. */
export type ComplaintSource = "direct" | "transfer";

/** What a policy can match on. */
export type { Severity };

export interface ComplaintFacts {
  kind: ComplaintKind;
  category: string | null;
  severity: Severity;
  channel: string;
  source: ComplaintSource;
}

/** Each list, when present and not empty, must contain the complaint's value. */
export interface PolicyMatch {
  kinds?: readonly ComplaintKind[];
  categories?: readonly string[];
  severities?: readonly Severity[];
  channels?: readonly string[];
  sources?: readonly ComplaintSource[];
}

export const slaTargetNames = [
  "firstResponse",
  "departmentAcceptance",
  "departmentResult",
  "customerReply",
  "followUp",
  "resolution",
  /** A remedy above the asker's authority waiting for its approver (domain/remedy/approval-clock.ts). */
  "remedyApproval",
] as const;
export type SlaTargetName = (typeof slaTargetNames)[number];

export const breachActions = [
  "raise_severity",
  "reassign_to_supervisor",
  "add_supervisor_watcher",
] as const;
export type BreachAction = (typeof breachActions)[number];

export interface SlaPolicy {
  id: string;
  name: string;
  /** Lower first. */
  order: number;
  match: PolicyMatch;
  /** 首次响应, 部门签收, 部门办结, 答复客户, 回访, 办结, 补救审批. */
  targets: Partial<Record<SlaTargetName, SlaTarget>>;
  /** Share of the time after which a warning fires, e.g. 0.75; null for no warning. */
  warnAtShare: number | null;
  actionsOnBreach?: readonly BreachAction[];
  /** How far an approved extension (延期) may move a deadline, and who approves it. */
  extension?: { max: SlaTarget; approver: "supervisor" | "admin" };
}

export type PolicyProblem = TargetProblem | "warn_share_range";

/**
 * What is wrong with a policy an admin entered, each with the path of its field in the policy
 * (`targets.customerReply.amount`, `warnAtShare`, `extension.max.amount`); empty when usable.
 */
export function policyProblems(policy: SlaPolicy): { field: string; code: PolicyProblem }[] {
  const problems = Object.entries(policy.targets).flatMap(
    ([name, target]): {
      field: string;
      code: PolicyProblem;
    }[] => {
      const problem = target && targetProblem(target);
      return problem ? [{ field: `targets.${name}.${problem.field}`, code: problem.code }] : [];
    },
  );
  if (policy.warnAtShare !== null && !(policy.warnAtShare > 0 && policy.warnAtShare < 1)) {
    problems.push({ field: "warnAtShare", code: "warn_share_range" });
  }
  const extension = policy.extension && targetProblem(policy.extension.max);
  if (extension) problems.push({ field: `extension.max.${extension.field}`, code: extension.code });
  return problems;
}

const accepts = <T>(allowed: readonly T[] | undefined, value: T): boolean =>
  !allowed || allowed.length === 0 || allowed.includes(value);

/** An empty match (or empty lists, as a cleared admin form sends them) matches everything. */
export function policyMatches(policy: SlaPolicy, facts: ComplaintFacts): boolean {
  const { match } = policy;
  return (
    accepts(match.kinds, facts.kind) &&
    (!match.categories?.length ||
      (facts.category !== null && match.categories.includes(facts.category))) &&
    accepts(match.severities, facts.severity) &&
    accepts(match.channels, facts.channel) &&
    accepts(match.sources, facts.source)
  );
}

/** The first matching policy by `order` (ties keep list order); null when none matches. */
export function matchPolicy(
  policies: readonly SlaPolicy[],
  facts: ComplaintFacts,
): SlaPolicy | null {
  const ordered = [...policies].sort((a, b) => a.order - b.order);
  return ordered.find((policy) => policyMatches(policy, facts)) ?? null;
}

const warnAtShare = 0.75;

/**
 * Starting points per kind of organisation, each an ordered list for matchPolicy. Only the
 * statutory or published figures are set (../shared/standards.md, "Time limits"); admins add
 * their own first-response and department targets.
 */
export const seedPolicies: Record<"bank" | "power" | "hotline12345", readonly SlaPolicy[]> = {
  // 银行业保险业消费投诉处理管理办法: a decision within 15 days of receipt; complex cases up
  // to 30; especially complex ones another 30 with higher-office approval (modelled as an
  // extension an admin approves). "Complex" is modelled as severity high or critical.
  bank: [
    {
      id: "bank-complex",
      name: "银行 复杂投诉 (30 日)",
      order: 10,
      match: { severities: ["high", "critical"] },
      targets: { customerReply: { amount: 30, unit: "calendar_days" } },
      warnAtShare,
      actionsOnBreach: ["add_supervisor_watcher", "raise_severity"],
      extension: { max: { amount: 30, unit: "calendar_days" }, approver: "admin" },
    },
    {
      id: "bank-standard",
      name: "银行 投诉 (15 日)",
      order: 20,
      match: {},
      targets: { customerReply: { amount: 15, unit: "calendar_days" } },
      warnAtShare,
      actionsOnBreach: ["add_supervisor_watcher", "raise_severity"],
      // A case found complex may run to 30 days in all.
      extension: { max: { amount: 15, unit: "calendar_days" }, approver: "supervisor" },
    },
  ],
  // State Grid's service commitments: contact the customer within 1 working day, reply
  // within 7 working days.
  power: [
    {
      id: "power-standard",
      name: "供电 投诉 (1 / 7 个工作日)",
      order: 10,
      match: {},
      targets: {
        firstResponse: { amount: 1, unit: "working_days" },
        customerReply: { amount: 7, unit: "working_days" },
      },
      warnAtShare,
      actionsOnBreach: ["add_supervisor_watcher"],
    },
  ],
  // 12345 (Guangdong): inquiry 2, help and suggestion 10, complaint and report 15 working days.
  hotline12345: [
    {
      id: "12345-inquiry",
      name: "12345 咨询 (2 个工作日)",
      order: 10,
      match: { kinds: ["inquiry"] },
      targets: { customerReply: { amount: 2, unit: "working_days" } },
      warnAtShare,
      actionsOnBreach: ["add_supervisor_watcher"],
    },
    {
      id: "12345-help-suggestion",
      name: "12345 求助 / 建议 (10 个工作日)",
      order: 20,
      match: { kinds: ["help", "suggestion"] },
      targets: { customerReply: { amount: 10, unit: "working_days" } },
      warnAtShare,
      actionsOnBreach: ["add_supervisor_watcher"],
    },
    {
      id: "12345-complaint-report",
      name: "12345 投诉 / 举报 (15 个工作日)",
      order: 30,
      match: { kinds: ["complaint", "report"] },
      targets: { customerReply: { amount: 15, unit: "working_days" } },
      warnAtShare,
      actionsOnBreach: ["add_supervisor_watcher", "raise_severity"],
    },
  ],
};
