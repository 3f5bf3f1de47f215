// Wire types derived from the server's zod schemas: the API, the workbench and the tests' client
// (src/test/wire.ts) share one source of truth. Only types are imported, so no zod code reaches
// the browser bundle. The imports name their `.js` file, unlike the rest of the workbench: the
// tests compile this file with NodeNext, which wants the extension, and the bundler takes it too.
import type { z } from "zod";
import type { historyImportReportSchema } from "../../server/backfill/history.schemas.js";
import type {
  commandBodies,
  complaintListItemSchema,
  complaintSchema,
  createComplaintBody,
} from "../../server/complaints/complaint.schemas.js";
import type { extensionListItem } from "../../server/complaints/deadline.schemas.js";
import type { customerMessageTemplateList } from "../../server/customer-messages/customer-message-template.schemas.js";
import type {
  customerHistorySchema,
  customerSchema,
  customerUpdate,
  identifierLookupSchema,
} from "../../server/customers/customer.schemas.js";
import type { createExportBody, exportSchema } from "../../server/exports/export.schemas.js";
import type { checklistSchema } from "../../server/guidance/checklist.schemas.js";
import type { actionSchema } from "../../server/improvement/improvement.schemas.js";
import type {
  bulkReplySchema,
  createIncidentBody,
  groupAlertSchema,
  incidentDetailSchema,
  incidentSchema,
  intakeAreaSchema,
  publicIncidentSchema,
  resolvedIncidentSchema,
} from "../../server/incidents/incident.schemas.js";
import type {
  articleDetailSchema,
  articleSchema,
  articleVersionSchema,
  createArticleBody,
  readReceiptsSchema,
  updateArticleBody,
} from "../../server/knowledge/knowledge.schemas.js";
import type { notificationSchema } from "../../server/notifications/notification.schemas.js";
import type {
  evidenceSchema,
  qualityCaseListSchema,
  qualityCaseSchema,
  similarComplaintsSchema,
} from "../../server/quality-cases/quality-case.schemas.js";
import type {
  askRemedyBody,
  authorityLimitsBody,
  authorityLimitsSchema,
  ledgerSchema,
  remedySchema,
} from "../../server/remedies/remedy.schemas.js";
import type {
  createReplyTemplateBody,
  replyTemplateSchema,
  updateReplyTemplateBody,
} from "../../server/reply-templates/reply-template.schemas.js";
import type { appraisalSchema } from "../../server/reports/appraisal.schemas.js";
import type {
  causesSchema,
  regulatorSchema,
  trendSchema,
} from "../../server/reports/report.schemas.js";
import type {
  escalationPolicySchema,
  escalationWordsSchema,
} from "../../server/risk/escalation-risk.schemas.js";
import type {
  createSkillGroupBody,
  dutySchema,
  heldReassignmentList,
  skillGroupSchema,
  updateSkillGroupBody,
} from "../../server/routing/skill-group.schemas.js";
import type {
  createSavedViewBody,
  savedViewSchema,
  updateSavedViewBody,
  viewCountSchema,
  viewFilters,
} from "../../server/saved-views/saved-view.schemas.js";
import type { serviceSettingsSchema } from "../../server/service-settings/service-settings.schemas.js";
import type { sessionAnswerSchema } from "../../server/session/session.schemas.js";
import type {
  calendarSchema,
  policyBody,
  policyChanges,
  policySchema,
} from "../../server/sla/sla-admin.schemas.js";
import type {
  createDepartmentBody,
  createUserBody,
  departmentSchema,
  updateUserBody,
  userSchema,
} from "../../server/staff/user.schemas.js";
import type {
  modelSummarySchema,
  suggestionsSchema,
} from "../../server/suggestions/suggestion.schemas.js";
import type {
  TaxonomyList,
  termInput,
  termSchema,
} from "../../server/taxonomy/taxonomy.schemas.js";
import type {
  importReportSchema,
  transferSourceBody,
  transferSourceSchema,
  transferSourceUpdate,
} from "../../server/transfers/transfer.schemas.js";
import type { watcherListSchema } from "../../server/watchers/watchers.schemas.js";
import type {
  inboxItemSchema,
  inboxPage,
  workOrderBodies,
} from "../../server/work-orders/work-order.schemas.js";

/** JSON turns dates into ISO strings. */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A list answer without paging. */
export interface Items<T> {
  items: T[];
}

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/** RFC 9457 problem+json as kesu sends it; `title` is already in the caller's language. */
export interface Problem {
  title: string;
  status: number;
  code: string;
  errors?: FieldProblem[];
  currentVersion?: number;
  allowed?: string[];
}

export type Complaint = Wire<z.output<typeof complaintSchema>>;
export type ComplaintListItem = Wire<z.output<typeof complaintListItemSchema>>;
export type TimelineEvent = Complaint["timeline"][number];
export type WorkOrder = Complaint["workOrders"][number];
export type CustomerHistory = Wire<z.output<typeof customerHistorySchema>>;
export type IdentifierLookup = Wire<z.output<typeof identifierLookupSchema>>;
export type LookupMatch = IdentifierLookup["customers"][number];
export type User = z.output<typeof userSchema>;
export type SessionAnswer = z.output<typeof sessionAnswerSchema>;
export type Department = z.output<typeof departmentSchema>;
export type Term = z.output<typeof termSchema>;
export type { TaxonomyList };
export type InboxItem = Wire<z.output<typeof inboxItemSchema>>;
export type InboxList = Wire<z.output<typeof inboxPage>>;
export type Clock = Complaint["clocks"][number];
export type Notification = Wire<z.output<typeof notificationSchema>>;
export type NotificationList = Items<Notification> & { unreadCount: number };
export type SavedView = Wire<z.output<typeof savedViewSchema>>;
/** A background export (导出任务) with its progress. */
export type ExportJob = Wire<z.output<typeof exportSchema>>;
export type CreateExportBody = z.input<typeof createExportBody>;
export type ViewFilters = z.output<typeof viewFilters>;
export type ViewCount = z.output<typeof viewCountSchema>;
export type CreateSavedViewInput = z.input<typeof createSavedViewBody>;
export type UpdateSavedViewInput = z.input<typeof updateSavedViewBody>;
export type ReplyTemplate = Wire<z.output<typeof replyTemplateSchema>>;
export type SkillGroup = Wire<z.output<typeof skillGroupSchema>>;
export type Duty = Wire<z.output<typeof dutySchema>>;
export type KnowledgeArticle = Wire<z.output<typeof articleSchema>>;
export type KnowledgeArticleDetail = Wire<z.output<typeof articleDetailSchema>>;
export type KnowledgeVersion = Wire<z.output<typeof articleVersionSchema>>;
export type ReadReceipts = Wire<z.output<typeof readReceiptsSchema>>;
export type CreateArticleInput = z.input<typeof createArticleBody>;
export type UpdateArticleInput = z.input<typeof updateArticleBody>;
export type Incident = Wire<z.output<typeof incidentSchema>>;
export type IncidentDetail = Wire<z.output<typeof incidentDetailSchema>>;
export type ResolvedIncident = Wire<z.output<typeof resolvedIncidentSchema>>;
export type BulkReply = Wire<z.output<typeof bulkReplySchema>>;
export type IncidentInput = Wire<z.output<typeof createIncidentBody>>;
export type GroupAlert = Wire<z.output<typeof groupAlertSchema>>;
export type IntakeArea = Wire<z.output<typeof intakeAreaSchema>>;
export type PublicIncident = Wire<z.output<typeof publicIncidentSchema>>;
export type CustomerMessageTemplates = Wire<z.output<typeof customerMessageTemplateList>>;
export type Checklist = Wire<z.output<typeof checklistSchema>>;
export type ChecklistItem = Checklist["items"][number];
export type Watcher = Complaint["watchers"][number];
export type WatcherList = Wire<z.output<typeof watcherListSchema>>;
export type Remedy = Wire<z.output<typeof remedySchema>>;
export type RemedyLedger = Wire<z.output<typeof ledgerSchema>>;
export type AuthorityLimits = z.output<typeof authorityLimitsSchema>;
export type WorkCalendar = z.output<typeof calendarSchema>;
export type CalendarDay = WorkCalendar["days"][number];
export type ExtensionRequest = Wire<z.output<typeof extensionListItem>>;
export type QualityCase = Wire<z.output<typeof qualityCaseSchema>>;
export type QualityStep = QualityCase["steps"][number];
export type QualityCaseListItem = Wire<z.output<typeof qualityCaseListSchema>>["items"][number];
export type QualityEvidence = Wire<z.output<typeof evidenceSchema>>;
export type SimilarComplaint = Wire<z.output<typeof similarComplaintsSchema>>["items"][number];

export type TransferSource = Wire<z.output<typeof transferSourceSchema>>;
export type ImportReport = z.output<typeof importReportSchema>;
export type HistoryImportReport = z.output<typeof historyImportReportSchema>;
export type HeldReassignment = Wire<z.output<typeof heldReassignmentList>>["items"][number];
export type Customer = Wire<z.output<typeof customerSchema>>;
export type UpdateCustomerInput = z.input<typeof customerUpdate>;
export type CreateTransferSourceInput = z.input<typeof transferSourceBody>;
export type UpdateTransferSourceInput = z.input<typeof transferSourceUpdate>;

export type CreateComplaintInput = z.input<typeof createComplaintBody>;
export type CommandName = keyof typeof commandBodies;
export type CommandBody<C extends CommandName> = z.input<(typeof commandBodies)[C]>;
export type WorkOrderCommandName = keyof typeof workOrderBodies;
export type WorkOrderBody<C extends WorkOrderCommandName> = z.input<(typeof workOrderBodies)[C]>;
export type CreateUserInput = z.input<typeof createUserBody>;
export type UpdateUserInput = z.input<typeof updateUserBody>;
export type CreateDepartmentInput = z.input<typeof createDepartmentBody>;
export type TermInput = z.input<typeof termInput>;
export type CreateReplyTemplateInput = z.input<typeof createReplyTemplateBody>;
export type UpdateReplyTemplateInput = z.input<typeof updateReplyTemplateBody>;
export type CreateSkillGroupInput = z.input<typeof createSkillGroupBody>;
export type UpdateSkillGroupInput = z.input<typeof updateSkillGroupBody>;
export type AskRemedyInput = z.input<typeof askRemedyBody>;
export type AuthorityLimitsInput = z.input<typeof authorityLimitsBody>;
export type Suggestions = z.output<typeof suggestionsSchema>;
export type ModelSummary = Wire<z.output<typeof modelSummarySchema>>;
export type ServiceSettings = z.output<typeof serviceSettingsSchema>;
export type SlaPolicy = Wire<z.output<typeof policySchema>>;
export type SlaPolicyChanges = Partial<z.input<typeof policyBody>>;
export type UpdateSlaPolicyInput = z.input<typeof policyChanges>;
export type EscalationWords = z.output<typeof escalationWordsSchema>;
export type EscalationPolicy = z.output<typeof escalationPolicySchema>;
export type TrendReport = Wire<z.output<typeof trendSchema>>;
export type CausesReport = Wire<z.output<typeof causesSchema>>;
export type RegulatorReport = Wire<z.output<typeof regulatorSchema>>;
export type AppraisalReport = Wire<z.output<typeof appraisalSchema>>;
export type ImprovementAction = Wire<z.output<typeof actionSchema>>;
