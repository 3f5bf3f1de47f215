// What kesu writes to the complainant (ISO 10002: acknowledge at once, keep them informed), as
// built-in wording an admin may replace per event and language (customer_message_templates).

export const customerMessageEvents = [
  /** 受理回执: on every new complaint with a phone or email. */
  "acknowledgement",
  /** After each reply: the answer and the satisfaction survey's link. */
  "replied",
  /** After an approved extension: the new deadline (it is the 延期告知 the clock waits for). */
  "extension_approved",
  /** After closing: the satisfaction survey's link. */
  "closed",
  /** 回访预告: the follow-up visit is near (its clock warned), so the customer expects the call. */
  "follow_up_notice",
] as const;
export type CustomerMessageEvent = (typeof customerMessageEvents)[number];

export const customerLocales = ["zh-CN", "en"] as const;
export type CustomerLocale = (typeof customerLocales)[number];

export interface MessageTemplate {
  subject: string;
  body: string;
}

/** The placeholders a template may use; unknown ones are left empty. */
export const templateFields = [
  "number",
  "subject",
  "receivedAt",
  "agentNo",
  "dueAt",
  "portalUrl",
  "accessCode",
  "reply",
  "surveyUrl",
  "followUpBy",
] as const;

export const builtInTemplates: Record<
  CustomerMessageEvent,
  Record<CustomerLocale, MessageTemplate>
> = {
  acknowledgement: {
    "zh-CN": {
      subject: "【受理回执】{number}",
      body: "您的投诉已于{receivedAt}受理，编号{number}，受理工号{agentNo}，我们将在{dueAt}前答复。查询进度：{portalUrl}，查询码{accessCode}。",
    },
    en: {
      subject: "[Received] {number}",
      body: "Your complaint was received on {receivedAt} as {number} by agent {agentNo}; we will reply by {dueAt}. Track it at {portalUrl} with access code {accessCode}.",
    },
  },
  replied: {
    "zh-CN": {
      subject: "【答复】{number}",
      body: "您的投诉{number}答复如下：{reply} 请评价我们的处理：{surveyUrl}",
    },
    en: {
      subject: "[Reply] {number}",
      body: "Our reply to your complaint {number}: {reply} Please rate how we handled it: {surveyUrl}",
    },
  },
  extension_approved: {
    "zh-CN": {
      subject: "【延期告知】{number}",
      body: "您的投诉{number}需要更多时间核实处理，答复期限延至{dueAt}，敬请谅解。查询进度：{portalUrl}",
    },
    en: {
      subject: "[More time needed] {number}",
      body: "Your complaint {number} needs more time to look into; we will now reply by {dueAt}. Track it at {portalUrl}",
    },
  },
  closed: {
    "zh-CN": {
      subject: "【办结】{number}",
      body: "您的投诉{number}已办结。请评价我们的处理：{surveyUrl}",
    },
    en: {
      subject: "[Closed] {number}",
      body: "Your complaint {number} is closed. Please rate how we handled it: {surveyUrl}",
    },
  },
  follow_up_notice: {
    "zh-CN": {
      subject: "【回访预告】{number}",
      body: "您的投诉{number}已答复，我们将在{followUpBy}前回访您，了解处理结果和您的意见，请留意来电。",
    },
    en: {
      subject: "[Follow-up call] {number}",
      body: "We replied to your complaint {number} and will call you by {followUpBy} to ask whether it was resolved to your satisfaction.",
    },
  },
};

/** Fills `{field}` placeholders; a value not given leaves nothing behind. */
export function renderTemplate(
  template: MessageTemplate,
  values: Partial<Record<(typeof templateFields)[number], string>>,
): MessageTemplate {
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (_, key: string) => values[key as keyof typeof values] ?? "");
  return { subject: fill(template.subject), body: fill(template.body) };
}
