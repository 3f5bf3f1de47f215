import { canSeePersonalData, roles } from "../../domain/access/roles.js";
import { maskIdentifiersDeep } from "../../domain/customer/masking.js";
import type { Locale } from "../http/locale.js";

const subjects: Record<string, Record<Locale, string>> = {
  sla_warning: {
    "zh-CN": "【时限预警】{number} {subject}",
    en: "[Deadline warning] {number} {subject}",
  },
  sla_breached: {
    "zh-CN": "【已超时】{number} {subject}",
    en: "[Deadline missed] {number} {subject}",
  },
  reminder: { "zh-CN": "【催办】{number} {subject}", en: "[Reminder] {number} {subject}" },
  supervision: {
    "zh-CN": "【督办】{number} {subject}",
    en: "[Supervision order] {number} {subject}",
  },
  extension_requested: {
    "zh-CN": "【延期申请待审批】{number} {subject}",
    en: "[Extension to decide] {number} {subject}",
  },
  extension_approved: {
    "zh-CN": "【延期已批准】{number} {subject}",
    en: "[Extension approved] {number} {subject}",
  },
  watcher_added: {
    "zh-CN": "【加为关注人】{number} {subject}",
    en: "[You now watch] {number} {subject}",
  },
  extension_rejected: {
    "zh-CN": "【延期未批准】{number} {subject}",
    en: "[Extension rejected] {number} {subject}",
  },
  remedy_requested: {
    "zh-CN": "【补救待审批】{number} {subject}",
    en: "[Remedy to approve] {number} {subject}",
  },
  remedy_approved: {
    "zh-CN": "【补救已批准】{number} {subject}",
    en: "[Remedy approved] {number} {subject}",
  },
  survey_dissatisfied: {
    "zh-CN": "【客户评价不满意，请回访】{number} {subject}",
    en: "[Customer dissatisfied: follow up] {number} {subject}",
  },
  remedy_rejected: {
    "zh-CN": "【补救未批准】{number} {subject}",
    en: "[Remedy rejected] {number} {subject}",
  },
};

const bodies: Record<Locale, string> = {
  "zh-CN":
    "{name}，您好：\n\n工单 {number}（{subject}）有新的提醒：{what}。\n{due}\n请登录 kesu 查看并处理。\n\n—— kesu 客诉管理系统",
  en: "Hello {name},\n\nCase {number} ({subject}) needs your attention: {what}.\n{due}\nPlease open it in kesu.\n\n— kesu complaint management",
};

const dueLine: Record<Locale, string> = { "zh-CN": "期限：{dueAt}", en: "Due: {dueAt}" };

const fill = (template: string, values: Record<string, unknown>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ""));

const digest: Record<Locale, { subject: string; line: string; more: string; body: string }> = {
  "zh-CN": {
    subject: "【时限汇总】{breaches} 件已超时，{warnings} 件时限预警",
    line: "- {number} {subject}：{what}（期限 {dueAt}）",
    more: "……另有 {more} 件，请在工作台按期限排序查看。",
    body: "{name}，您好：\n\n以下投诉刚刚到达时限预警或已超时：\n{lines}\n\n请登录 kesu 督促处理。\n\n—— kesu 客诉管理系统",
  },
  en: {
    subject: "[Deadline digest] {breaches} missed, {warnings} warned",
    line: "- {number} {subject}: {what} (due {dueAt})",
    more: "…and {more} more: sort the queue by due time to see them.",
    body: "Hello {name},\n\nThese cases just reached a deadline warning or missed a deadline:\n{lines}\n\nPlease follow them up in kesu.\n\n— kesu complaint management",
  },
};

/** A supervisor's digest of one sweep: every case listed by name, the rest counted. */
function renderDigest(locale: Locale, payload: Record<string, unknown>) {
  const text = digest[locale];
  const cases = (payload.cases ?? []) as Record<string, unknown>[];
  const lines = cases.map((c) => fill(text.line, { ...c, what: markName(locale, String(c.type)) }));
  if (Number(payload.more) > 0) lines.push(fill(text.more, payload));
  return {
    subject: fill(text.subject, payload),
    text: fill(text.body, { ...payload, lines: lines.join("\n") }),
  };
}

const groupAlert: Record<Locale, { subject: string; body: string; line: string }> = {
  "zh-CN": {
    subject: "【群体性投诉预警】{category}·{area}：{customers} 位客户",
    line: "- {number}",
    body: "{name}，您好：\n\n{windowMinutes} 分钟内有 {customers} 位客户就“{category}”（{area}）投诉，可能是同一事件：\n{lines}\n\n请登录 kesu 核实，必要时发布服务公告并关联这些投诉。\n\n—— kesu 客诉管理系统",
  },
  en: {
    subject: "[Group complaint] {category} · {area}: {customers} customers",
    line: "- {number}",
    body: "Hello {name},\n\n{customers} customers complained about “{category}” ({area}) within {windowMinutes} minutes; it may be one incident:\n{lines}\n\nPlease check in kesu, and publish an incident and link these cases if so.\n\n— kesu complaint management",
  },
};

/** 群体性投诉: the group's category and area, its customers, and its cases by number. */
function renderGroupAlert(locale: Locale, payload: Record<string, unknown>) {
  const text = groupAlert[locale];
  const cases = (payload.cases ?? []) as Record<string, unknown>[];
  const values = {
    ...payload,
    category: locale === "en" ? payload.categoryEn : payload.categoryZh,
    area: locale === "en" ? payload.areaEn : payload.areaZh,
    lines: cases.map((c) => fill(text.line, c)).join("\n"),
  };
  return { subject: fill(text.subject, values), text: fill(text.body, values) };
}

const overdueAction: Record<Locale, { subject: string; body: string }> = {
  "zh-CN": {
    subject: "【整改措施逾期】{title}",
    body: "{name}，您好：\n\n您负责的整改措施“{title}”已过期限（{dueDate}），尚未完成。\n请登录 kesu 更新进展。\n\n—— kesu 客诉管理系统",
  },
  en: {
    subject: "[Improvement action overdue] {title}",
    body: "Hello {name},\n\nThe improvement action “{title}” you own was due on {dueDate} and is not done.\nPlease update its progress in kesu.\n\n— kesu complaint management",
  },
};

const markName = (locale: Locale, type: string) =>
  (subjects[type]?.[locale] ?? type).replace(/^【(.+?)】.*$|^\[(.+?)\].*$/, "$1$2");

/**
 * The mail for one notification, in the recipient's language, its text as the recipient's role
 * may read it (mail queued before the role was recorded is masked).
 */
export function renderEmail(
  type: string,
  queued: Record<string, unknown>,
): { subject: string; text: string } {
  const role = roles.find((r) => r === queued.role);
  const payload = role && canSeePersonalData(role) ? queued : maskIdentifiersDeep(queued);
  const locale: Locale = payload.locale === "en" ? "en" : "zh-CN";
  if (type === "sla_digest") return renderDigest(locale, payload);
  if (type === "group_complaint") return renderGroupAlert(locale, payload);
  if (type === "improvement_overdue")
    return {
      subject: fill(overdueAction[locale].subject, payload),
      text: fill(overdueAction[locale].body, payload),
    };
  const subject = fill(subjects[type]?.[locale] ?? "{number} {subject}", payload);
  const due = payload.dueAt ? fill(dueLine[locale], payload) : "";
  const what = subject.replace(/^【(.+?)】.*$|^\[(.+?)\].*$/, "$1$2");
  return { subject, text: fill(bodies[locale], { ...payload, what, due }) };
}
