import { eq, sql } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.js";
import { rowFromJson, rowsFromJson } from "../../db/json-rows.js";
import { preparedRead } from "../../db/prepared.js";
import {
  attachments,
  callbacks,
  complaints,
  customers,
  departments,
  slaClocks,
  timelineEvents,
  users,
  workOrders,
} from "../../db/schema.js";
import { canSeePersonalData } from "../../domain/access/roles.js";
import { allowedActions, canViewComplaint } from "../../domain/complaint/complaint-policy.js";
import {
  defaultServiceSettings,
  mayRecordFollowUp,
} from "../../domain/complaint/follow-up-rules.js";
import { textShownTo } from "../../domain/customer/masking.js";
import { currentStep } from "../../domain/quality/steps.js";
import { blocksClosing } from "../../domain/sla/extension-notice.js";
import {
  type AttachmentDescription,
  complaintAccess,
  shownColumns,
} from "../case/complaint-row.js";
import { presentRisk } from "../case/present-risk.js";
import { presentWorkOrder } from "../case/work-order.presenter.js";
import { presentCustomer } from "../customers/customer.presenter.js";
import { notFound } from "../http/app-error.js";
import type { Caller } from "../http/app-types.js";
import { complaintQualityCaseJson } from "../quality-cases/quality-case.presenter.js";
import { caseRemediesJson, grantedAmount, presentRemedy } from "../remedies/remedy.presenter.js";
import { serviceSettingsJson } from "../service-settings/service-settings.store.js";
import { presentClockRows } from "../sla/clock.presenter.js";
import { calendarDaysJson, calendarFromJson, calendarJson } from "../sla/sla-store.js";
import { presentWatchers, watchersJson } from "../watchers/watchers.presenter.js";
import type { ComplaintDto } from "./complaint.schemas.js";
import { failedAttemptsSinceReply } from "./follow-up-attempts.js";

/**
 * The complaint's lists as JSON beside its row: the page is one statement, one round trip, however
 * long the timeline. Attachments are described, never read.
 */
const pageLists = {
  customer: sql<unknown>`(select to_jsonb(cu) from ${customers} cu where cu.id = complaints.customer_id)`,
  owner: sql<{
    id: string;
    agentNo: string;
    name: string;
  } | null>`(select json_build_object('id', u.id, 'agentNo', u.agent_no, 'name', u.display_name) from ${users} u where u.id = complaints.owner_id)`,
  findingBy: sql<{
    id: string;
    agentNo: string;
    name: string;
  } | null>`(select json_build_object('id', u.id, 'agentNo', u.agent_no, 'name', u.display_name) from ${users} u where u.id = complaints.finding_by_id)`,
  orders: sql<unknown>`(select json_agg(to_jsonb(w) || jsonb_build_object('department_name', d.name) order by w.dispatched_at) from ${workOrders} w join ${departments} d on d.id = w.department_id where w.complaint_id = complaints.id)`,
  events: sql<unknown>`(select json_agg(to_jsonb(t) order by t.id) from ${timelineEvents} t where t.complaint_id = complaints.id)`,
  files: sql<unknown>`(select json_agg(json_build_object('id', a.id, 'file_name', a.file_name, 'media_type', a.media_type, 'size', a.size, 'sha256', a.sha256, 'uploaded_by_id', a.uploaded_by_id, 'created_at', a.created_at) order by a.created_at) from ${attachments} a where a.complaint_id = complaints.id)`,
  promises: sql<unknown>`(select json_agg(to_jsonb(p) order by p.due_at) from ${callbacks} p where p.complaint_id = complaints.id)`,
  clocks: sql<unknown>`(select json_agg(to_jsonb(k) order by k.started_at, k.name) from ${slaClocks} k where k.complaint_id = complaints.id)`,
  watchers: watchersJson,
  remedies: caseRemediesJson,
  qualityCase: complaintQualityCaseJson(sql`complaints.id`),
  settings: serviceSettingsJson,
  failedAttempts: failedAttemptsSinceReply(sql`complaints.id`),
  calendar: calendarJson,
  calendarDays: calendarDaysJson,
};

const complaintPage = preparedRead((db) =>
  db
    .select({ complaint: shownColumns, ...pageLists })
    .from(complaints)
    .where(eq(complaints.id, sql.placeholder("id")))
    .prepare("complaint_page"),
);

/** Everything the complaint page shows, shaped for this caller (masking, allowed actions). */
export async function loadComplaintDetail(
  db: Database | Tx,
  id: string,
  caller: Caller,
): Promise<ComplaintDto> {
  const [page] = await complaintPage(db).execute({ id });
  if (!page) throw notFound("complaint");
  const { complaint } = page;
  const orders = ((page.orders ?? []) as Record<string, unknown>[]).map((json) => ({
    order: rowFromJson(workOrders, json),
    departmentName: json.department_name as string,
  }));
  const events = rowsFromJson(timelineEvents, page.events);
  const files = rowsFromJson(attachments, page.files) as AttachmentDescription[];
  const promises = rowsFromJson(callbacks, page.promises);
  const clocks = presentClockRows(
    calendarFromJson(page.calendar, page.calendarDays),
    rowsFromJson(slaClocks, page.clocks),
    new Date(),
  );
  const customer = rowFromJson(customers, page.customer as Record<string, unknown>);
  const access = complaintAccess(
    complaint,
    orders.map((o) => o.order),
  );
  if (!canViewComplaint(caller, access)) throw notFound("complaint");
  const owner = page.owner;
  const remedies = ((page.remedies ?? []) as unknown[]).map((r) => presentRemedy(r, caller));
  const shown = textShownTo(caller.role);
  const settings = page.settings ?? defaultServiceSettings;
  const followsUp = mayRecordFollowUp(caller.id, complaint.ownerId, settings);
  // The stored risk goes out as `risk`, with each reason's words, not as columns.
  const { riskLevel: _level, riskScore: _score, riskReasons: _reasons, ...fields } = complaint;
  return {
    ...fields,
    subject: shown(complaint.subject),
    description: shown(complaint.description),
    demand: shown(complaint.demand),
    resolution: shown(complaint.resolution),
    closeReason: shown(complaint.closeReason),
    followUp: {
      ownerMayRecord: settings.followUpByOwner,
      failedAttempts: page.failedAttempts,
      requiredAttempts: settings.unreachableAttempts,
    },
    kind: access.kind,
    status: access.status,
    source: {
      type: complaint.sourceType as "direct" | "transfer",
      hotline: complaint.sourceHotline,
      externalNo: complaint.sourceExternalNo,
      externalDueAt: complaint.sourceExternalDueAt,
    },
    customer: presentCustomer(customer, canSeePersonalData(caller.role)),
    owner,
    findingBy: page.findingBy,
    findingNote: shown(complaint.findingNote),
    workOrders: orders.map(({ order, departmentName }) => ({
      ...presentWorkOrder(caller, order),
      departmentName,
    })),
    timeline: events.map((e) => ({
      id: e.id,
      type: e.type,
      at: e.at,
      actor: { id: e.actorId, agentNo: e.actorAgentNo, name: e.actorName },
      customerVisible: e.customerVisible,
      data: shown(e.data as Record<string, unknown>),
    })),
    attachments: files.map((file) => ({ ...file, fileName: shown(file.fileName) })),
    callbacks: promises.map((p) => ({ ...p, note: shown(p.note) })),
    clocks,
    watchers: presentWatchers(page.watchers),
    remedies,
    grantedAmount: grantedAmount(remedies),
    risk: presentRisk(complaint),
    qualityCase: page.qualityCase && {
      id: page.qualityCase.id,
      number: page.qualityCase.number,
      title: page.qualityCase.title,
      status: page.qualityCase.status,
      currentStep: currentStep(page.qualityCase.statuses),
    },
    // Closing waits until the customer has heard of an approved extension and every remedy is
    // decided (the close refuses too). A missing finding stays offered: the page asks for it
    // beside the button, and the close answers 409 finding_required.
    // The owner is not offered the follow-up visit unless the center allows it (the page says why).
    allowedActions: allowedActions(caller, access).filter(
      (action) =>
        (action !== "close" ||
          (!clocks.some(blocksClosing) &&
            !remedies.some((r) => r.status === "pending_approval"))) &&
        (action !== "follow-up" || followsUp),
    ),
  };
}
