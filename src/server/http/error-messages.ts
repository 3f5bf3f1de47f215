import type { Locale } from "./locale.js";

/** One message per stable error code; `{name}` placeholders are filled from the error's params. */
export const errorMessages = {
  validation_failed: {
    "zh-CN": "提交的内容有误，请检查标出的字段。",
    en: "The request has invalid fields.",
  },
  unauthenticated: { "zh-CN": "请先登录。", en: "Please sign in first." },
  invalid_credentials: { "zh-CN": "用户名或密码错误。", en: "Wrong username or password." },
  too_many_attempts: {
    "zh-CN": "登录失败次数过多，请 {minutes} 分钟后再试。",
    en: "Too many failed sign-ins; try again in {minutes} minutes.",
  },
  forbidden: { "zh-CN": "您没有权限执行此操作：{reason}", en: "You may not do this: {reason}" },
  cross_site_request: {
    "zh-CN": "请求来自其他网站，已拒绝。",
    en: "The request came from another site and was refused.",
  },
  not_found: { "zh-CN": "未找到{entity}。", en: "{entity} not found." },
  export_not_ready: {
    "zh-CN": "导出尚未完成（{status}），完成后再下载。",
    en: "The export is not finished ({status}); download it once it is done.",
  },
  invalid_transition: {
    "zh-CN": "当前状态（{status}）不能执行“{command}”。",
    en: "“{command}” is not possible while the case is {status}.",
  },
  version_conflict: {
    "zh-CN": "该工单已被他人修改（当前版本 {current}），请刷新后重试。",
    en: "Someone else changed this case first (now version {current}); reload and try again.",
  },
  duplicate: { "zh-CN": "{field}“{value}”已存在。", en: "{field} “{value}” already exists." },
  idempotency_key_reused: {
    "zh-CN": "该 Idempotency-Key 已用于另一份不同的请求。",
    en: "This Idempotency-Key was already used for a different request.",
  },
  invalid_reference: {
    "zh-CN": "引用的{entity}不存在或不可用。",
    en: "The referenced {entity} does not exist or cannot be used.",
  },
  payload_too_large: {
    "zh-CN": "文件超过 {limit} MB 上限。",
    en: "The file exceeds the {limit} MB limit.",
  },
  request_too_large: {
    "zh-CN": "提交的内容超过 {limit} MB 上限。",
    en: "The request exceeds the {limit} MB limit.",
  },
  write_conflict: {
    "zh-CN": "与他人同时提交的内容冲突，未保存任何修改，请刷新后重试。",
    en: "This clashed with a change made at the same moment; nothing was saved. Reload and try again.",
  },
  unsupported_media_type: {
    "zh-CN": "不支持的文件类型（{type}）：请上传图片、PDF、音视频、Office 文档或文本文件。",
    en: "This file type is not accepted ({type}): upload an image, PDF, audio or video, Office document or text file.",
  },
  bad_request: {
    "zh-CN": "请求无法处理：{reason}",
    en: "The request could not be processed: {reason}",
  },
  internal: { "zh-CN": "服务器内部错误，已记录。", en: "Internal error; it has been logged." },
  remedy_pending: {
    "zh-CN": "该工单有待审批的补救，审批或驳回后才能办结。",
    en: "A remedy on this case is waiting for approval; approve or reject it before closing the case.",
  },
  finding_required: {
    "zh-CN": "办结前须由负责人作出认定：责任归属与是否属实。",
    en: "Record the owner's finding (responsibility and whether it is substantiated) before closing the case.",
  },
  remedy_decided: {
    "zh-CN": "该补救申请已处理，不能再次审批。",
    en: "This remedy has already been decided.",
  },
  remedy_not_reversible: {
    "zh-CN": "只有已给予且尚未冲正的补救可以冲正。",
    en: "Only a granted remedy that has not been reversed can be reversed.",
  },
  follow_up_not_independent: {
    "zh-CN": "回访须由负责人以外的人员记录：本中心未允许负责人回访自己的工单。",
    en: "The follow-up visit must be recorded by someone other than the case owner; this center does not let owners follow up their own cases.",
  },
  close_reason_required: {
    "zh-CN": "答复后未经回访即办结，须选择办结原因（如客户无法联系、客户拒绝回访）。",
    en: "Closing a replied case without a follow-up visit needs a reason code (e.g. customer unreachable, customer declined the follow-up).",
  },
  follow_up_attempts_required: {
    "zh-CN":
      "以“客户无法联系”办结，须在答复后记录至少 {required} 次未接通的回访尝试（已记录 {attempts} 次）。",
    en: "Closing as “customer unreachable” needs at least {required} failed follow-up attempts logged since the reply ({attempts} so far).",
  },
  complaint_in_quality_case: {
    "zh-CN": "工单 {complaint} 已关联 8D报告 {number}。",
    en: "Complaint {complaint} is already linked to quality case {number}.",
  },
  action_verified: {
    "zh-CN": "该整改措施已验证有效，不能再修改。",
    en: "This improvement action has been verified and can no longer change.",
  },
  action_not_done: {
    "zh-CN": "整改措施完成后才能验证。",
    en: "An improvement action can be verified only once it is done.",
  },
  step_not_editable: {
    "zh-CN": "{step} 已提交或已批准，不能再修改。",
    en: "{step} is submitted or approved and can no longer be edited.",
  },
  step_not_submitted: {
    "zh-CN": "{step} 尚未提交，不能审批或退回。",
    en: "{step} has not been submitted; it cannot be approved or sent back.",
  },
  step_waiting: {
    "zh-CN": "{step} 须等 {waitingFor} 批准后才能提交。",
    en: "{step} can be submitted only once {waitingFor} is approved.",
  },
  step_incomplete: {
    "zh-CN": "{step} 尚缺：{missing}。",
    en: "{step} still lacks: {missing}.",
  },
  demo_already_loaded: {
    "zh-CN":
      "演示数据已经载入过（已有部门 {code}），不能重复载入；如需重来，请使用一个新的数据库。",
    en: "The demo is already loaded (department {code} exists); it cannot be loaded twice. Use a fresh database to load it again.",
  },
  demo_accounts_taken: {
    "zh-CN": "演示账号的用户名或工号已被占用：{list}；请在新的数据库中载入演示数据。",
    en: "Demo usernames or agent numbers are taken: {list}; load the demo into a fresh database.",
  },
  portal_rate_limited: {
    "zh-CN": "操作过于频繁，请稍后再试。",
    en: "Too many requests; please try again later.",
  },
  portal_code_invalid: {
    "zh-CN": "验证码错误或已过期，请重新获取。",
    en: "The code is wrong or has expired; ask for a new one.",
  },
  portal_case_not_found: {
    "zh-CN": "未找到与所填信息相符的投诉，请核对编号、手机号和查询码。",
    en: "No complaint matches what you entered; check the number, phone and access code.",
  },
  portal_case_closed: {
    "zh-CN": "该投诉已办结，不能再补充材料。",
    en: "This complaint is closed; nothing more can be added.",
  },
  survey_answered: {
    "zh-CN": "该评价已提交过，感谢您的反馈。",
    en: "This survey was already answered; thank you.",
  },
  incident_resolved: {
    "zh-CN": "该服务公告已解除，不能再修改或关联投诉。",
    en: "This incident is resolved; it can no longer be edited or have complaints linked.",
  },
} satisfies Record<string, Record<Locale, string>>;

export type ErrorCode = keyof typeof errorMessages;

/**
 * A message's wording when the caller names what it is about (`{entity}`, one of the words
 * below). Without a name a version conflict keeps its words for a complaint; a saved view or a
 * reply template is no case that someone else changed.
 */
export const entityMessages = {
  version_conflict: {
    "zh-CN": "该{entity}已被修改（当前版本 {current}），请刷新后重试。",
    en: "{entity} was changed meanwhile (now version {current}); reload and try again.",
  },
} satisfies Partial<Record<ErrorCode, Record<Locale, string>>>;

/** Words that appear inside messages ({entity}, {reason}, {field}). */
export const errorWords = {
  complaint: { "zh-CN": "工单", en: "Complaint" },
  record: { "zh-CN": "记录", en: "record" },
  endpoint: { "zh-CN": "该接口", en: "Endpoint" },
  customer: { "zh-CN": "客户", en: "Customer" },
  user: { "zh-CN": "用户", en: "User" },
  department: { "zh-CN": "部门", en: "Department" },
  work_order: { "zh-CN": "派单", en: "Work order" },
  attachment: { "zh-CN": "附件", en: "Attachment" },
  term: { "zh-CN": "字典项", en: "List entry" },
  reply_template: { "zh-CN": "话术模板", en: "Reply template" },
  skill_group: { "zh-CN": "技能组", en: "Skill group" },
  skill_group_name: { "zh-CN": "技能组名称", en: "Skill group name" },
  knowledge_article: { "zh-CN": "知识库文章", en: "Knowledge article" },
  article_version: { "zh-CN": "文章版本", en: "Article version" },
  incident: { "zh-CN": "服务公告", en: "Incident" },
  incident_link: { "zh-CN": "该公告下的投诉", en: "Complaint linked to this incident" },
  token: { "zh-CN": "令牌", en: "Token" },
  notification: { "zh-CN": "通知", en: "Notification" },
  webhook: { "zh-CN": "Webhook", en: "Webhook" },
  survey: { "zh-CN": "评价", en: "Survey" },
  customer_message_template: { "zh-CN": "客户消息模板", en: "Customer message template" },
  saved_view: { "zh-CN": "视图", en: "Saved view" },
  export: { "zh-CN": "导出任务", en: "Export" },
  export_query: {
    "zh-CN": "报表的查询条件有误",
    en: "the report's query is not valid",
  },
  view_name: { "zh-CN": "视图名称", en: "View name" },
  not_view_owner: {
    "zh-CN": "只有视图的创建者可以修改或删除它",
    en: "only the view's creator may change or delete it",
  },
  share_role: {
    "zh-CN": "只有主管和管理员可以共享视图",
    en: "only supervisors and admins may share views",
  },
  too_many_views: { "zh-CN": "每人最多保存 30 个视图", en: "at most 30 saved views per person" },
  delivery: { "zh-CN": "投递记录", en: "Delivery" },
  extension_request: { "zh-CN": "延期申请", en: "Extension request" },
  remedy: { "zh-CN": "补救", en: "Remedy" },
  own_remedy: {
    "zh-CN": "不能审批自己申请的补救",
    en: "no one may decide a remedy they asked for themselves",
  },
  remedy_approver_role: {
    "zh-CN": "该补救须由更高级别的角色审批",
    en: "the remedy needs an approver of a higher role",
  },
  quality_case: { "zh-CN": "8D报告", en: "Quality case" },
  improvement_action: { "zh-CN": "整改措施", en: "Improvement action" },
  own_action: {
    "zh-CN": "不能验证自己负责的整改措施",
    en: "no one may verify an improvement action they own",
  },
  quality_step: { "zh-CN": "8D步骤", en: "8D step" },
  not_on_team: {
    "zh-CN": "只有8D小组成员可以编辑（坐席只读）",
    en: "only the 8D's team may edit it (agents read it only)",
  },
  not_uploader: {
    "zh-CN": "只有上传者本人可以删除该证据",
    en: "only the person who added the evidence may remove it",
  },
  evidence: { "zh-CN": "证据", en: "Evidence" },
  not_champion: {
    "zh-CN": "只有8D组长、质量、主管或管理员可以审批",
    en: "only the 8D's champion, quality, a supervisor or an admin may decide a step",
  },
  username: { "zh-CN": "用户名", en: "Username" },
  agentNo: { "zh-CN": "工号", en: "Agent number" },
  code: { "zh-CN": "编码", en: "Code" },
  phone: { "zh-CN": "电话", en: "Phone" },
  role_required: { "zh-CN": "您的角色无此权限", en: "your role does not allow it" },
  period_reversed: {
    "zh-CN": "报表的开始日期晚于结束日期",
    en: "the report's start day is after its end day",
  },
  period_too_long: {
    "zh-CN": "按日的趋势最多 400 天",
    en: "a daily trend covers at most 400 days",
  },
  not_owner: { "zh-CN": "您不是该工单的负责人", en: "you do not own this case" },
  not_own_appraisal: {
    "zh-CN": "只能查看本人（部门处理人：本部门）的考核",
    en: "you may only see your own appraisal (a department handler: their department's)",
  },
  not_your_department: {
    "zh-CN": "该派单不属于您的部门",
    en: "it is not your department's work order",
  },
  assign_only_self: {
    "zh-CN": "坐席只能把工单分配给自己",
    en: "agents may only assign a case to themselves",
  },
  merge_into_self: { "zh-CN": "不能合并到自身", en: "a case cannot be merged into itself" },
  merge_target_closed: {
    "zh-CN": "目标工单已合并或撤销",
    en: "the target case is merged or withdrawn",
  },
  duplicate_dispatch: {
    "zh-CN": "该部门已有未完成的派单",
    en: "that department already has an open work order",
  },
  one_lead_only: { "zh-CN": "只能指定一个主办部门", en: "only one lead department may be named" },
  inactive_user: { "zh-CN": "用户已停用", en: "the user is deactivated" },
  customer_identity: {
    "zh-CN": "请提供客户（customerId 或 customer）",
    en: "give the customer (customerId or customer)",
  },
  unrecognised_type: { "zh-CN": "无法识别", en: "not recognised" },
  no_file: {
    "zh-CN": "请选择要上传的文件（字段 file）",
    en: "send a file in the form field `file`",
  },
  nothing_to_pause: { "zh-CN": "没有可暂停的时限", en: "there is no running deadline to pause" },
  nothing_paused: { "zh-CN": "没有已暂停的时限", en: "no deadline is paused" },
  no_deadline: {
    "zh-CN": "该工单没有进行中的答复时限",
    en: "the case has no running reply deadline",
  },
  extension_too_late: {
    "zh-CN": "已超过期限，须在到期前申请延期",
    en: "the deadline has passed; extensions must be asked for before it",
  },
  extension_pending: {
    "zh-CN": "已有待审批的延期申请",
    en: "an extension request is already pending",
  },
  not_pending: { "zh-CN": "该申请已处理", en: "the request has already been decided" },
  customer_not_told: {
    "zh-CN": "延期已批准但尚未告知客户，请先答复或联系客户",
    en: "the customer has not yet been told of the approved extension; reply to or contact them first",
  },
  work_order_not_active: { "zh-CN": "该派单不在办理中", en: "that work order is not active" },
  bad_cursor: { "zh-CN": "分页游标无效", en: "the page cursor is invalid" },
  no_phone: { "zh-CN": "新客户需要电话号码", en: "a new customer needs a phone number" },
  transfer_source: { "zh-CN": "转办来源", en: "Transfer source" },
  sla_policy: { "zh-CN": "时限政策", en: "SLA policy" },
  source_name: { "zh-CN": "名称", en: "Name" },
  unreadable_file: {
    "zh-CN": "无法读取文件：请上传 XLSX、CSV 或 JSON，首行为表头",
    en: "the file cannot be read: send XLSX, CSV or JSON with a header row",
  },
  bad_signature: {
    "zh-CN": "签名不正确（X-Kesu-Signature）",
    en: "the signature (X-Kesu-Signature) does not match",
  },
  inbound_token: { "zh-CN": "接收令牌不正确", en: "the inbound token is wrong" },
  source_inactive: { "zh-CN": "该转办来源已停用", en: "the transfer source is inactive" },
} satisfies Record<string, Record<Locale, string>>;

export type ErrorWord = keyof typeof errorWords;

/** Field-level problems kesu finds itself (beyond schema validation). */
export const fieldMessages = {
  invalid_phone: { "zh-CN": "电话号码格式不正确", en: "Not a valid phone number" },
  department_required: {
    "zh-CN": "部门处理人必须属于一个部门",
    en: "A department handler needs a department",
  },
  not_later: { "zh-CN": "须晚于当前期限", en: "Must be later than the current deadline" },
  beyond_limit: {
    "zh-CN": "超过政策允许的最长延期",
    en: "Beyond the longest extension the policy allows",
  },
  invalid_calendar: { "zh-CN": "工作日历设置有误", en: "The work calendar is not usable" },
  invalid_policy: { "zh-CN": "时限政策设置有误", en: "The SLA policy is not usable" },
  whole_days: {
    "zh-CN": "按工作日或自然日计的时限须为整数天",
    en: "Working or calendar days are whole numbers",
  },
  negative_amount: { "zh-CN": "时限不能为负数", en: "A time limit cannot be negative" },
  unknown_unit: { "zh-CN": "不是有效的时限单位", en: "Not a unit of time limits" },
  warn_share_range: {
    "zh-CN": "预警比例须在 0 与 1 之间（如 0.75 表示用去四分之三时预警）",
    en: "The warning share is between 0 and 1 (0.75 warns when three quarters of the time is used)",
  },
  unknown_term: { "zh-CN": "不是有效的字典项", en: "Not an entry of this list" },
  invalid_period: { "zh-CN": "失效时间须晚于生效时间", en: "Must end after it starts" },
  unrecognized_keys: { "zh-CN": "未知或不可修改的字段", en: "Unknown or read-only field" },
  /** `{min}` is a day (YYYY-MM-DD) or `now`; see domain/input/date-bounds.ts. */
  date_out_of_range: {
    "zh-CN": "日期须在 {min} 至 {max} 之间",
    en: "Must be between {min} and {max}",
  },
  invalid_amount: {
    "zh-CN": "金额须以元为单位，最多两位小数，如 200.00",
    en: "An amount in yuan with at most two decimals, e.g. 200.00",
  },
  apology_amount: {
    "zh-CN": "致歉不涉及金额，须为 0",
    en: "An apology has no amount: it must be 0",
  },
  amount_required: { "zh-CN": "金额须大于 0", en: "Must be more than 0" },
  duplicate_limit: {
    "zh-CN": "同一角色和类型只能设置一次",
    en: "Each role and type may be given once",
  },
  unknown_step: {
    "zh-CN": "不是处理指引中的步骤",
    en: "Not a step of the guided-handling checklist",
  },
} satisfies Record<string, Record<Locale, string>>;

export type FieldProblemCode = keyof typeof fieldMessages;

/** Words inside field messages, e.g. a deadline's lower bound. */
export const fieldWords = {
  now: { "zh-CN": "现在", en: "now" },
} satisfies Record<string, Record<Locale, string>>;
