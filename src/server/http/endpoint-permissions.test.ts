// Who may reach each endpoint, as one table. Every cell is a real request by a signed-in user of
// that role; a change in this table is a permission change and should be reviewed as one.

import { beforeAll, describe, expect, it } from "vitest";
import { exportJobs } from "../../db/schema.js";
import { type Role, roles } from "../../domain/access/roles.js";
import type { ComplaintCommand } from "../../domain/complaint/complaint-lifecycle.js";
import { ApiClient, type ApiResponse } from "../../test/api-client.js";
import { recordFinding } from "../../test/complaint-kit.js";
import { makeComplaint, mobile, type Staff } from "../../test/factories.js";
import type {
  Complaint,
  ComplaintListItem,
  CustomerHistory,
  InboxItem,
  Items,
  NotificationList,
  Page,
  Problem,
  SavedView,
} from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

/** 2xx, or 403 `forbidden`, or 404 `not_found` (a department handler may not even see the case). */
type Outcome = 200 | 201 | 202 | 204 | 403 | 404;
/** A refusal by a rule of its own rather than the role: its status and code. */
type Refusal = "403 follow_up_not_independent" | "409 export_not_ready";
type Cell = Outcome | Refusal;
type Row = [
  agent: Cell,
  specialist: Cell,
  handler: Cell,
  supervisor: Cell,
  quality: Cell,
  admin: Cell,
];

/** The follow-up visit refused to the case's own owner (the center's default). */
const NI: Refusal = "403 follow_up_not_independent";
/** The file of an export that did not finish. */
const NR: Refusal = "409 export_not_ready";

// Cases are dispatched to the handler's department unless the row says otherwise, and owned by
// the acting user when their role can own a case (agents drive only cases they own).
// biome-ignore format: the table is aligned by hand so a diff in it reads as a permission change
const expected: Record<string, Row> = {
  //                                                             agent specialist handler supervisor quality admin
  "GET /session":                                               [200,  200,       200,    200,       200,    200],
  "POST /tokens":                                               [201,  201,       201,    201,       201,    201],
  "DELETE /tokens/{id}":                                        [204,  204,       204,    204,       204,    204],
  "GET /departments":                                           [200,  200,       200,    200,       200,    200],
  "POST /departments":                                          [403,  403,       403,    403,       403,    201],
  "GET /users":                                                 [200,  200,       200,    200,       200,    200],
  "POST /users":                                                [403,  403,       403,    403,       403,    201],
  "PATCH /users/{id}":                                          [403,  403,       403,    403,       403,    200],
  "GET /taxonomies/{list}":                                     [200,  200,       200,    200,       200,    200],
  "POST /taxonomies/{list}":                                    [403,  403,       403,    403,       403,    201],
  "PATCH /taxonomies/{list}/{code}":                            [403,  403,       403,    403,       403,    200],
  "GET /customers?phone=":                                      [200,  200,       403,    200,       200,    200],
  "POST /customers":                                            [201,  201,       403,    201,       403,    201],
  "GET /customers/{id}":                                        [200,  200,       403,    200,       200,    200],
  "PATCH /customers/{id}":                                      [200,  200,       403,    200,       403,    200],
  "POST /customers/{id}/contacts":                              [201,  201,       403,    201,       403,    201],
  "GET /lookup?q=":                                             [200,  200,       403,    200,       200,    200],
  "POST /complaints":                                           [201,  201,       201,    201,       403,    201],
  "GET /complaints":                                            [200,  200,       200,    200,       200,    200],
  "GET /complaints/{id}":                                       [200,  200,       200,    200,       200,    200],
  "GET /complaints/{id} · not dispatched to the handler":       [200,  200,       404,    200,       200,    200],
  "PATCH /complaints/{id}":                                     [200,  200,       403,    200,       403,    200],
  "PATCH /complaints/{id} · owned by another agent":            [403,  200,       403,    200,       403,    200],
  "POST /complaints/{id}/assign":                               [200,  200,       403,    200,       403,    200],
  "POST /complaints/{id}/dispatch":                             [200,  200,       403,    200,       403,    200],
  "POST /complaints/{id}/reply":                                [200,  200,       403,    200,       403,    200],
  "POST /complaints/{id}/reply · owned by another agent":       [403,  200,       403,    200,       403,    200],
  "POST /complaints/{id}/follow-up":                            [200,  200,       403,    200,       200,    200],
  "POST /complaints/{id}/follow-up · by the case's owner":      [NI,   NI,        403,    NI,        200,    NI ],
  "POST /complaints/{id}/close":                                [200,  200,       403,    200,       403,    200],
  "POST /complaints/{id}/reopen":                               [403,  200,       403,    200,       403,    200],
  "POST /complaints/{id}/escalate":                             [200,  200,       403,    200,       403,    200],
  "POST /complaints/{id}/upgrade":                              [200,  200,       403,    200,       403,    200],
  "POST /complaints/{id}/withdraw":                             [200,  200,       403,    200,       403,    200],
  "POST /complaints/{id}/merge":                                [200,  200,       403,    200,       403,    200],
  "POST /complaints/{id}/note":                                 [200,  200,       200,    200,       200,    200],
  "POST /complaints/{id}/note · not dispatched to the handler": [200,  200,       404,    200,       200,    200],
  "POST /complaints/{id}/contact":                              [200,  200,       200,    200,       403,    200],
  "POST /complaints/{id}/callback":                             [200,  200,       403,    200,       403,    200],
  "GET /work-orders":                                           [200,  200,       200,    200,       403,    200],
  "POST /work-orders/{id}/accept":                              [403,  403,       200,    200,       403,    200],
  "POST /work-orders/{id}/return":                              [403,  403,       200,    200,       403,    200],
  "POST /work-orders/{id}/result":                              [403,  403,       200,    200,       403,    200],
  "POST /complaints/{id}/attachments":                          [201,  201,       201,    201,       201,    201],
  "GET /attachments/{id}":                                      [200,  200,       200,    200,       200,    200],
  "GET /attachments/{id} · not dispatched to the handler":      [200,  200,       404,    200,       200,    200],
  "GET /notifications":                                         [200,  200,       200,    200,       200,    200],
  "POST /notifications/{id}/read":                              [204,  204,       204,    204,       204,    204],
  "POST /notifications/{id}/read · someone else's":             [404,  404,       404,    404,       404,    404],
  "POST /notifications/read-all":                               [204,  204,       204,    204,       204,    204],
  "POST /complaints/{id}/pause":                                [200,  200,       403,    200,       403,    200],
  "POST /complaints/{id}/resume":                               [200,  200,       403,    200,       403,    200],
  "POST /complaints/{id}/extension-requests":                   [201,  201,       403,    201,       403,    201],
  "GET /extension-requests":                                    [200,  200,       200,    200,       200,    200],
  "POST /extension-requests/{id}/approve":                      [403,  403,       403,    200,       403,    200],
  "POST /extension-requests/{id}/reject":                       [403,  403,       403,    200,       403,    200],
  "POST /complaints/{id}/remind":                               [403,  403,       403,    200,       403,    200],
  "POST /complaints/{id}/supervise":                            [403,  403,       403,    200,       403,    200],
  "GET /sla/calendar":                                          [200,  200,       200,    200,       200,    200],
  "PUT /sla/calendar":                                          [403,  403,       403,    403,       403,    204],
  "PUT /sla/calendar/days/{date}":                              [403,  403,       403,    403,       403,    204],
  "DELETE /sla/calendar/days/{date}":                           [403,  403,       403,    403,       403,    204],
  "GET /sla/policies":                                          [200,  200,       200,    200,       200,    200],
  "POST /sla/policies":                                         [403,  403,       403,    403,       403,    201],
  "PATCH /sla/policies/{id}":                                   [403,  403,       403,    403,       403,    200],
  "GET /webhooks":                                              [403,  403,       403,    403,       403,    200],
  "POST /webhooks":                                             [403,  403,       403,    403,       403,    201],
  "PATCH /webhooks/{id}":                                       [403,  403,       403,    403,       403,    200],
  "GET /webhooks/{id}/deliveries":                              [403,  403,       403,    403,       403,    200],
  "POST /outbox/{id}/replay":                                   [403,  403,       403,    403,       403,    204],
  "GET /saved-views":                                           [200,  200,       200,    200,       200,    200],
  "POST /saved-views":                                          [201,  201,       201,    201,       201,    201],
  "PATCH /saved-views/{id}":                                    [200,  200,       200,    200,       200,    200],
  "PATCH /saved-views/{id} · share with everyone":              [403,  403,       403,    200,       403,    200],
  "PATCH /saved-views/{id} · someone else's shared view":       [403,  403,       403,    403,       403,    403],
  "DELETE /saved-views/{id}":                                   [204,  204,       204,    204,       204,    204],
  "GET /saved-views/counts":                                    [200,  200,       200,    200,       200,    200],
  "POST /saved-views/counts":                                   [200,  200,       200,    200,       200,    200],
  "GET /reply-templates":                                       [200,  200,       200,    200,       200,    200],
  "GET /reply-templates?includeInactive=true":                  [403,  403,       403,    403,       403,    200],
  "POST /reply-templates":                                      [403,  403,       403,    403,       403,    201],
  "PATCH /reply-templates/{id}":                                [403,  403,       403,    403,       403,    200],
  "GET /skill-groups":                                          [403,  403,       403,    200,       403,    200],
  "POST /skill-groups":                                         [403,  403,       403,    403,       403,    201],
  "PATCH /skill-groups/{id}":                                   [403,  403,       403,    403,       403,    200],
  "GET /reassignments":                                         [403,  403,       403,    200,       403,    200],
  "POST /skill-groups/{id}/reassignments/{complaintId}/approve": [403,  403,       403,    404,       403,    404],
  "GET /me/duty":                                               [200,  200,       200,    200,       200,    200],
  "PUT /me/duty":                                               [200,  200,       403,    200,       403,    200],
  "GET /complaints/{id}/checklist":                             [200,  200,       200,    200,       200,    200],
  "GET /complaints/{id}/checklist · not the handler's":         [200,  200,       404,    200,       200,    200],
  "PUT /complaints/{id}/checklist/{step}":                      [200,  200,       200,    200,       200,    200],
  "PUT /complaints/{id}/checklist/{step} · not the handler's":  [200,  200,       404,    200,       200,    200],
  "DELETE /complaints/{id}/checklist/{step}":                   [200,  200,       200,    200,       200,    200],
  "POST /complaints/{id}/watchers":                             [200,  200,       200,    200,       200,    200],
  "POST /complaints/{id}/watchers · not the handler's":         [200,  200,       404,    200,       200,    200],
  "DELETE /complaints/{id}/watchers/me":                        [200,  200,       200,    200,       200,    200],
  "DELETE /complaints/{id}/watchers/me · not the handler's":    [200,  200,       404,    200,       200,    200],
  "POST /complaints/{id}/remedies":                             [201,  201,       403,    201,       403,    201],
  "POST /complaints/{id}/remedies · owned by another agent":    [403,  201,       403,    201,       403,    201],
  "POST /remedies/{id}/approve":                                [403,  403,       403,    200,       403,    200],
  "POST /remedies/{id}/approve · within a specialist's limit":  [403,  200,       403,    200,       403,    200],
  "POST /remedies/{id}/reject":                                 [403,  403,       403,    200,       403,    200],
  "POST /remedies/{id}/reverse":                                [403,  403,       403,    200,       403,    200],
  "POST /remedies/{id}/reverse · granted by the caller":        [200,  200,       403,    200,       403,    200],
  "GET /remedies":                                              [200,  200,       403,    200,       200,    200],
  "GET /authority-limits":                                      [200,  200,       403,    200,       200,    200],
  "PUT /authority-limits":                                      [403,  403,       403,    403,       403,    200],
  "GET /service-settings":                                      [200,  200,       200,    200,       200,    200],
  "PUT /service-settings":                                      [403,  403,       403,    403,       403,    200],
  "GET /reports/kpis":                                          [200,  200,       200,    200,       200,    200],
  "GET /reports/trend":                                         [200,  200,       200,    200,       200,    200],
  "GET /reports/causes":                                        [200,  200,       200,    200,       200,    200],
  "GET /reports/regulator":                                     [403,  200,       403,    200,       200,    200],
  "GET /reports/appraisal · another agent's page":              [403,  403,       403,    200,       200,    200],
  "GET /reports/appraisal · own page (a handler's department)":  [200,  200,       200,    200,       200,    200],
  "GET /reports/backlog":                                       [200,  200,       200,    200,       200,    200],
  "GET /reports/heatmap":                                       [200,  200,       200,    200,       200,    200],
  "POST /exports":                                              [202,  202,       202,    202,       202,    202],
  "POST /exports · the regulator table":                        [403,  202,       403,    202,       202,    202],
  "GET /exports":                                               [200,  200,       200,    200,       200,    200],
  "GET /exports/{id}":                                          [200,  200,       200,    200,       200,    200],
  "GET /exports/{id} · someone else's":                         [404,  404,       404,    404,       404,    404],
  "GET /exports/{id}/file · failed":                            [NR,   NR,        NR,     NR,        NR,     NR],
  "POST /quality-cases":                                        [403,  201,       403,    201,       201,    201],
  "GET /quality-cases":                                         [200,  200,       200,    200,       200,    200],
  "GET /quality-cases/{id}":                                    [200,  200,       200,    200,       200,    200],
  "GET /quality-cases/{id}/report.pdf":                         [200,  200,       200,    200,       200,    200],
  "POST /quality-cases/{id}/complaints":                        [403,  200,       403,    200,       200,    200],
  "POST /quality-cases/{id}/complaints · not on the team":      [403,  403,       403,    200,       200,    200],
  "PUT /quality-cases/{id}/steps/{discipline}":                 [403,  200,       200,    200,       200,    200],
  "PUT /quality-cases/{id}/steps/{discipline} · not on the team": [403, 403,      403,    403,       200,    200],
  "POST /quality-cases/{id}/steps/{discipline}/submit":         [403,  200,       200,    200,       200,    200],
  "POST /quality-cases/{id}/steps/{discipline}/approve":        [403,  403,       403,    200,       200,    200],
  "POST /quality-cases/{id}/steps/{discipline}/send-back":      [403,  403,       403,    200,       200,    200],
  "POST /quality-cases/{id}/steps/{discipline}/remind":         [403,  403,       403,    200,       200,    200],
  "POST /quality-cases/{id}/root-causes/{cause}/evidence":      [403,  201,       201,    201,       201,    201],
  "POST /quality-cases/{id}/root-causes/{cause}/evidence · not on the team": [403, 403, 403, 403,     201,    201],
  "GET /quality-cases/{id}/evidence":                           [200,  200,       200,    200,       200,    200],
  "DELETE /quality-cases/{id}/evidence/{attachmentId}":         [403,  204,       204,    204,       204,    204],
  "DELETE /quality-cases/{id}/evidence/{attachmentId} · added by someone else": [403, 403, 403, 403, 403, 403],
  "GET /quality-cases/{id}/similar-complaints":                 [200,  200,       200,    200,       200,    200],
  "GET /quality-cases/similar-complaints":                      [200,  200,       200,    200,       200,    200],
  "GET /improvement-actions":                                   [200,  200,       200,    200,       200,    200],
  "POST /improvement-actions":                                  [403,  403,       403,    201,       201,    201],
  "GET /improvement-actions/{id}":                              [200,  200,       404,    200,       200,    200],
  "PATCH /improvement-actions/{id} · owned by the caller":       [200,  200,       200,    200,       200,    200],
  "PATCH /improvement-actions/{id} · someone else's":           [403,  403,       404,    200,       200,    200],
  "POST /improvement-actions/{id}/verify":                      [403,  403,       404,    200,       200,    200],
  "GET /reports/monthly-analysis":                              [403,  200,       403,    200,       200,    200],
  "GET /me/subscriptions":                                      [200,  200,       200,    200,       200,    200],
  "PUT /me/subscriptions":                                      [403,  200,       403,    200,       200,    200],
  "GET /quality-due-policy":                                    [200,  200,       200,    200,       200,    200],
  "PUT /quality-due-policy":                                    [403,  403,       403,    403,       403,    200],
  "GET /escalation-words":                                      [200,  200,       200,    200,       200,    200],
  "PUT /escalation-words":                                      [403,  403,       403,    403,       403,    200],
  "GET /escalation-policy":                                     [200,  200,       200,    200,       200,    200],
  "PUT /escalation-policy":                                     [403,  403,       403,    403,       403,    200],
  "GET /knowledge":                                             [200,  200,       200,    200,       200,    200],
  "GET /knowledge?q=":                                          [200,  200,       200,    200,       200,    200],
  "POST /knowledge":                                            [403,  403,       403,    201,       403,    201],
  "GET /knowledge/{id}":                                        [200,  200,       200,    200,       200,    200],
  "PATCH /knowledge/{id}":                                      [403,  403,       403,    200,       403,    200],
  "GET /knowledge/{id}/versions/{n}":                           [200,  200,       200,    200,       200,    200],
  "POST /knowledge/{id}/read":                                  [204,  204,       204,    204,       204,    204],
  "GET /knowledge/{id}/reads":                                  [403,  403,       403,    200,       403,    200],
  "GET /knowledge/suggestions?complaintId=":                    [200,  200,       200,    200,       200,    200],
  "GET /knowledge/suggestions · not dispatched to the handler": [200,  200,       404,    200,       200,    200],
  "GET /incidents?live=true":                                   [200,  200,       200,    200,       200,    200],
  "POST /incidents":                                            [403,  403,       403,    201,       403,    201],
  "GET /incidents/group-alerts":                                [403,  403,       403,    200,       403,    200],
  "GET /incidents/areas":                                       [200,  200,       200,    200,       200,    200],
  "GET /incidents/{id}":                                        [200,  200,       200,    200,       200,    200],
  "PATCH /incidents/{id}":                                      [403,  403,       403,    200,       403,    200],
  "POST /incidents/{id}/resolve":                               [403,  403,       403,    200,       403,    200],
  "POST /incidents/{id}/complaints":                            [201,  201,       403,    201,       403,    201],
  "GET /customer-message-templates":                            [403,  403,       403,    403,       403,    200],
  "PUT /customer-message-templates/{event}/{locale}":           [403,  403,       403,    403,       403,    200],
  "DELETE /customer-message-templates/{event}/{locale}":        [403,  403,       403,    403,       403,    200],
  "GET /transfer-sources":                                      [403,  403,       403,    200,       403,    200],
  "POST /transfer-sources":                                     [403,  403,       403,    403,       403,    201],
  "PATCH /transfer-sources/{id}":                               [403,  403,       403,    403,       403,    200],
  "POST /transfer-sources/{id}/imports":                        [403,  403,       403,    200,       403,    200],
  "GET /transfer-sources/{id}/reply-back":                      [403,  403,       403,    200,       403,    200],
  "POST /imports/history?system=":                              [403,  403,       403,    403,       403,    200],
  "POST /suggestions":                                          [200,  200,       403,    200,       403,    200],
  "GET /suggestions/model":                                     [403,  403,       403,    403,       403,    200],
  "POST /suggestions/model":                                    [403,  403,       403,    403,       403,    201],
};

/**
 * Routes anyone may call without signing in: the customer portal's prove the customer by an SMS
 * code, the case's access code or a survey's one-time token instead (portal.test.ts).
 */
const publicRoutes = [
  "POST /session",
  "DELETE /session",
  "POST /portal/codes",
  "POST /portal/complaints",
  "POST /portal/track",
  "POST /portal/information",
  "POST /portal/attachments",
  "GET /portal/surveys/{token}",
  // Public live incidents only, in the customers' words (incident.routes.test.ts).
  "GET /portal/incidents",
  "POST /portal/surveys/{token}",
  // Signed by the hotline's secret, not a session (transfer-import.test.ts).
  "POST /transfer-sources/{id}/webhook",
  // An MTA's own bearer token, not a user's (inbound-mail.test.ts).
  "POST /inbound/email",
];

const actors = {} as Record<Role, Staff>;
const world = setupWorld(async (w) => {
  const handlerDepartment = await w.department();
  const otherDepartment = await w.department();
  /** Owns the cases of roles that cannot own one (department handler, quality). */
  const caseOwner = await w.staff("agent");
  for (const role of roles) {
    actors[role] = await w.staff(
      role,
      role === "department_handler" ? { departmentId: handlerDepartment.id } : {},
    );
  }
  return { handlerDepartment, otherDepartment, caseOwner };
});

const owningRoles: readonly Role[] = ["agent", "specialist", "supervisor", "admin"];
const ownerFor = (actor: Staff) =>
  owningRoles.includes(actor.user.role) ? actor.user.id : world.caseOwner.user.id;

async function ok(request: Promise<ApiResponse>, status = 200) {
  const res = await request;
  if (res.status !== status)
    throw new Error(`fixture step: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const stages = [
  "assigned",
  "dispatched",
  "accepted",
  "handled",
  "replied",
  "followed_up",
  "closed",
] as const;
type Stage = (typeof stages)[number];

/** A fresh complaint driven by the admin to `stage`; from `dispatched` on it involves the handler's department. */
async function caseAt(stage: Stage, ownerId: string, kind = "complaint") {
  const reached = (s: Stage) => stages.indexOf(stage) >= stages.indexOf(s);
  const created = await makeComplaint(world.admin, { kind });
  const path = `/complaints/${created.id}`;
  let c = await ok(world.admin.post(`${path}/assign`, { version: created.version, ownerId }));
  if (reached("dispatched"))
    c = await ok(
      world.admin.post(`${path}/dispatch`, {
        version: c.version,
        departments: [{ departmentId: world.handlerDepartment.id }],
      }),
    );
  if (reached("accepted"))
    c = await ok(world.admin.post<Complaint>(`/work-orders/${c.workOrders[0].id}/accept`, {}));
  if (reached("handled"))
    c = await ok(
      world.admin.post<Complaint>(`/work-orders/${c.workOrders[0].id}/result`, {
        result: "已补寄卡片并致歉",
        substantiated: true,
        responsibility: "company",
      }),
    );
  if (reached("replied"))
    c = await ok(world.admin.post(`${path}/reply`, { version: c.version, message: "卡片已补寄" }));
  if (reached("followed_up")) {
    c = await ok(
      world.admin.post(`${path}/follow-up`, { version: c.version, satisfaction: "satisfied" }),
    );
    // The owner's finding, which a close waits for.
    c = await recordFinding(world.admin, c);
  }
  if (reached("closed"))
    c = await ok(world.admin.post(`${path}/close`, { version: c.version, reason: "客户满意" }));
  return c;
}

const isAllowed = (res: ApiResponse) => res.status >= 200 && res.status < 300;

interface CommandCell {
  stage: Stage;
  kind?: string;
  /** The case belongs to another agent, whoever acts. */
  ownedByOther?: boolean;
  body: (complaint: Complaint, actor: Staff) => Promise<object> | object;
}

/**
 * A command on a fresh case in a state where it is valid. Besides the outcome it checks that the
 * caller's `allowedActions` agreed beforehand, and that a refused command wrote nothing.
 */
function command(name: ComplaintCommand, cell: CommandCell) {
  return async (actor: Staff) => {
    const owner = cell.ownedByOther ? world.caseOwner.user.id : ownerFor(actor);
    const c = await caseAt(cell.stage, owner, cell.kind);
    const seen = await actor.client.get<Complaint>(`/complaints/${c.id}`);
    const res = await actor.client.post(`/complaints/${c.id}/${name}`, await cell.body(c, actor));
    const after = (await world.admin.get<Complaint>(`/complaints/${c.id}`)).body;
    if (isAllowed(res)) {
      const added = after.timeline.slice(c.timeline.length);
      expect(added.length).toBeGreaterThan(0);
      for (const event of added) expect(event.actor.agentNo).toBe(actor.user.agentNo);
    } else {
      expect(after.timeline).toEqual(c.timeline);
      expect(after.version).toBe(c.version);
    }
    if (seen.status === 200) expect(seen.body.allowedActions.includes(name)).toBe(isAllowed(res));
    return res;
  };
}

const withVersion =
  (extra: object = {}) =>
  (c: Complaint) => ({ version: c.version, ...extra });

/** A work-order command on a fresh order of the handler's department; the order's `allowedActions` must agree. */
function workOrder(name: "accept" | "return" | "result", stage: Stage, body: object) {
  return async (actor: Staff) => {
    const c = await caseAt(stage, world.caseOwner.user.id);
    const seen = await actor.client.get(`/complaints/${c.id}`);
    const res = await actor.client.post(`/work-orders/${c.workOrders[0].id}/${name}`, body);
    if (seen.status === 200)
      expect(seen.body.workOrders[0].allowedActions.includes(name)).toBe(isAllowed(res));
    return res;
  };
}

function csvUpload() {
  const form = new FormData();
  form.append(
    "file",
    new Blob(["日期,金额\n2026-11-01,120.00\n"], { type: "text/csv" }),
    "账单.csv",
  );
  return form;
}

/** Read-only rows share these: one case dispatched to the handler's department, one not. */
async function sharedCases() {
  const dispatched = await caseAt("dispatched", world.caseOwner.user.id);
  const hidden = await caseAt("assigned", world.caseOwner.user.id);
  const upload = (id: string) =>
    ok(world.admin.post(`/complaints/${id}/attachments`, csvUpload()), 201);
  return {
    dispatched,
    hidden,
    attachment: await upload(dispatched.id),
    hiddenAttachment: await upload(hidden.id),
  };
}
let shared: Awaited<ReturnType<typeof sharedCases>>;
let customer: { id: string; phone: string };
let term = 0;
let view = 0;
let article: { id: string };

beforeAll(async () => {
  shared = await sharedCases();
  customer = await ok(world.admin.post("/customers", { name: "李先生", phone: mobile() }), 201);
  article = await ok(
    world.admin.post("/knowledge", { kind: "policy", title: "年费政策", body: "年费首年免收。" }),
    201,
  );
  await ok(
    world.admin.post("/taxonomies/category", {
      code: "matrix_term",
      labelZh: "测试",
      labelEn: "Test",
    }),
    201,
  );
});

const incidentBody = (title: string) => ({
  title,
  description: "网点ATM故障",
  location: "城东支行",
  startsAt: new Date(Date.now() - 60_000).toISOString(),
  customerWording: "ATM暂停服务，请到柜台办理。",
});
const freshIncident = () => ok(world.admin.post("/incidents", incidentBody("矩阵公告")), 201);

const calls: Record<string, (actor: Staff) => Promise<ApiResponse>> = {
  "GET /session": (a) => a.client.get("/session"),
  "POST /tokens": (a) => a.client.post("/tokens", { name: "CTI" }),
  "DELETE /tokens/{id}": async (a) => {
    const token = await ok(a.client.post("/tokens", { name: "to revoke" }), 201);
    return a.client.delete(`/tokens/${token.id}`);
  },
  "GET /departments": (a) => a.client.get("/departments"),
  "POST /departments": (a) =>
    a.client.post("/departments", { name: `${a.user.role}部`, code: `M-${a.user.agentNo}` }),
  "GET /users": (a) => a.client.get("/users"),
  "POST /users": (a) =>
    a.client.post("/users", {
      username: `made-by-${a.user.username}`,
      displayName: "新坐席",
      agentNo: `N${a.user.agentNo}`,
      password: "a-long-password",
      role: "agent",
    }),
  "PATCH /users/{id}": (a) =>
    a.client.patch(`/users/${world.caseOwner.user.id}`, { displayName: `改名-${a.user.agentNo}` }),
  "GET /taxonomies/{list}": (a) => a.client.get("/taxonomies/category"),
  "POST /taxonomies/{list}": (a) =>
    a.client.post("/taxonomies/cause", {
      code: `matrix_${++term}`,
      labelZh: "矩阵",
      labelEn: "Matrix",
    }),
  "PATCH /taxonomies/{list}/{code}": (a) =>
    a.client.patch("/taxonomies/category/matrix_term", { labelEn: `Test ${a.user.role}` }),
  "GET /customers?phone=": (a) =>
    a.client.get<Items<CustomerHistory>>(`/customers?phone=${customer.phone}`),
  "POST /customers": (a) => a.client.post("/customers", { name: "赵女士", phone: mobile() }),
  "GET /lookup?q=": (a) => a.client.get(`/lookup?q=${customer.phone}`),
  "GET /customers/{id}": (a) => a.client.get<CustomerHistory>(`/customers/${customer.id}`),
  "PATCH /customers/{id}": async (a) => {
    const fresh = await ok(
      world.admin.post("/customers", { name: "钱先生", phone: mobile() }),
      201,
    );
    return a.client.patch(`/customers/${fresh.id}`, { version: fresh.version, name: "钱二" });
  },
  "POST /customers/{id}/contacts": (a) =>
    a.client.post(`/customers/${customer.id}/contacts`, {
      direction: "inbound",
      channel: "phone",
      summary: "来电咨询积分",
    }),
  "POST /complaints": (a) => a.client.post("/complaints", complaintBody()),
  "GET /complaints": (a) => a.client.get<Page<ComplaintListItem>>("/complaints"),
  "GET /complaints/{id}": (a) => a.client.get<Complaint>(`/complaints/${shared.dispatched.id}`),
  "GET /complaints/{id} · not dispatched to the handler": (a) =>
    a.client.get<Complaint>(`/complaints/${shared.hidden.id}`),
  "PATCH /complaints/{id}": async (a) => {
    const c = await caseAt("dispatched", ownerFor(a));
    return a.client.patch(`/complaints/${c.id}`, { version: c.version, severity: "high" });
  },
  "PATCH /complaints/{id} · owned by another agent": async (a) => {
    const c = await caseAt("dispatched", world.caseOwner.user.id);
    return a.client.patch(`/complaints/${c.id}`, { version: c.version, severity: "high" });
  },
  "POST /complaints/{id}/assign": command("assign", {
    stage: "dispatched",
    body: (c, actor) => ({ version: c.version, ownerId: actor.user.id }),
  }),
  "POST /complaints/{id}/dispatch": command("dispatch", {
    stage: "dispatched",
    body: (c) => ({
      version: c.version,
      departments: [{ departmentId: world.otherDepartment.id }],
    }),
  }),
  "POST /complaints/{id}/reply": command("reply", {
    stage: "handled",
    body: withVersion({ message: "已为您补寄卡片" }),
  }),
  "POST /complaints/{id}/reply · owned by another agent": command("reply", {
    stage: "handled",
    ownedByOther: true,
    body: withVersion({ message: "已为您补寄卡片" }),
  }),
  // Someone else's case: the follow-up visit is independent of the owner by default.
  "POST /complaints/{id}/follow-up": command("follow-up", {
    stage: "replied",
    ownedByOther: true,
    body: withVersion({ satisfaction: "basically_satisfied" }),
  }),
  "POST /complaints/{id}/follow-up · by the case's owner": command("follow-up", {
    stage: "replied",
    body: withVersion({ satisfaction: "basically_satisfied" }),
  }),
  "POST /complaints/{id}/close": command("close", {
    stage: "followed_up",
    body: withVersion({ reason: "客户满意，办结" }),
  }),
  "POST /complaints/{id}/reopen": command("reopen", {
    stage: "closed",
    body: withVersion({ reason: "核查发现处理不当" }),
  }),
  "POST /complaints/{id}/escalate": command("escalate", {
    stage: "dispatched",
    body: withVersion({ reason: "客户扬言投诉至监管" }),
  }),
  "POST /complaints/{id}/upgrade": command("upgrade", {
    stage: "dispatched",
    kind: "inquiry",
    body: withVersion(),
  }),
  "POST /complaints/{id}/withdraw": command("withdraw", {
    stage: "dispatched",
    body: withVersion({ reason: "客户撤诉" }),
  }),
  "POST /complaints/{id}/merge": command("merge", {
    stage: "dispatched",
    body: async (c) => ({ version: c.version, intoId: (await makeComplaint(world.admin)).id }),
  }),
  "POST /complaints/{id}/note": command("note", {
    stage: "dispatched",
    body: () => ({ text: "内部备注" }),
  }),
  "POST /complaints/{id}/note · not dispatched to the handler": command("note", {
    stage: "assigned",
    body: () => ({ text: "内部备注" }),
  }),
  "POST /complaints/{id}/contact": command("contact", {
    stage: "dispatched",
    body: () => ({ direction: "inbound", channel: "phone", summary: "客户来电催办" }),
  }),
  "POST /complaints/{id}/callback": command("callback", {
    stage: "dispatched",
    body: () => ({ dueAt: new Date(Date.now() + 3_600_000).toISOString(), note: "下午回电" }),
  }),
  "GET /work-orders": (a) => a.client.get<Page<InboxItem>>("/work-orders"),
  "POST /work-orders/{id}/accept": workOrder("accept", "dispatched", {}),
  "POST /work-orders/{id}/return": workOrder("return", "dispatched", { reason: "职能不符" }),
  "POST /work-orders/{id}/result": workOrder("result", "accepted", {
    result: "已核实并补寄",
    substantiated: true,
    responsibility: "company",
  }),
  "POST /complaints/{id}/attachments": (a) =>
    a.client.post(`/complaints/${shared.dispatched.id}/attachments`, csvUpload()),
  "GET /attachments/{id}": (a) => a.client.get(`/attachments/${shared.attachment.id}`),
  "GET /attachments/{id} · not dispatched to the handler": (a) =>
    a.client.get(`/attachments/${shared.hiddenAttachment.id}`),
  "GET /notifications": (a) => a.client.get<NotificationList>("/notifications"),
  "POST /notifications/{id}/read": async (a) =>
    a.client.post(`/notifications/${await notificationFor(a.user.id)}/read`),
  "POST /notifications/{id}/read · someone else's": async (a) =>
    a.client.post(`/notifications/${await notificationFor(world.caseOwner.user.id)}/read`),
  "POST /notifications/read-all": (a) => a.client.post("/notifications/read-all"),
  "POST /complaints/{id}/pause": async (a) => {
    const c = await caseAt("dispatched", ownerFor(a));
    return a.client.post(`/complaints/${c.id}/pause`, { reason: "等待第三方鉴定" });
  },
  "POST /complaints/{id}/resume": async (a) => {
    const c = await caseAt("dispatched", ownerFor(a));
    await ok(world.admin.post(`/complaints/${c.id}/pause`, { reason: "等待客户补充材料" }));
    return a.client.post(`/complaints/${c.id}/resume`);
  },
  "POST /complaints/{id}/extension-requests": async (a) => {
    const c = await caseAt("dispatched", ownerFor(a));
    return a.client.post(`/complaints/${c.id}/extension-requests`, extensionBody(c));
  },
  "GET /extension-requests": (a) => a.client.get("/extension-requests?status=pending"),
  "POST /extension-requests/{id}/approve": async (a) =>
    a.client.post(`/extension-requests/${await pendingExtension()}/approve`, { note: "同意" }),
  "POST /extension-requests/{id}/reject": async (a) =>
    a.client.post(`/extension-requests/${await pendingExtension()}/reject`, { note: "理由不足" }),
  "POST /complaints/{id}/remind": async (a) => {
    const c = await caseAt("dispatched", world.caseOwner.user.id);
    return a.client.post(`/complaints/${c.id}/remind`, { note: "请尽快处理" });
  },
  "GET /sla/calendar": (a) => a.client.get("/sla/calendar"),
  "PUT /sla/calendar": (a) => a.client.request("PUT", "/sla/calendar", workingTime),
  "PUT /sla/calendar/days/{date}": (a) =>
    a.client.request("PUT", "/sla/calendar/days/2027-12-24", { kind: "holiday", name: "测试" }),
  "DELETE /sla/calendar/days/{date}": async (a) => {
    await ok(world.admin.request("PUT", "/sla/calendar/days/2027-12-25", { kind: "holiday" }), 204);
    return a.client.delete("/sla/calendar/days/2027-12-25");
  },
  "GET /sla/policies": (a) => a.client.get("/sla/policies"),
  "GET /webhooks": (a) => a.client.get("/webhooks"),
  "POST /webhooks": (a) =>
    a.client.post("/webhooks", { url: "http://127.0.0.1:9/hook", active: false }),
  "PATCH /webhooks/{id}": async (a) =>
    a.client.patch(`/webhooks/${await pausedWebhook()}`, { events: ["created"] }),
  "GET /webhooks/{id}/deliveries": async (a) =>
    a.client.get(`/webhooks/${await pausedWebhook()}/deliveries`),
  "GET /saved-views": (a) => a.client.get<Items<SavedView>>("/saved-views"),
  "POST /saved-views": (a) =>
    a.client.post("/saved-views", { name: `待办-${++view}`, filters: { open: true } }),
  "PATCH /saved-views/{id}": async (a) => {
    const made = await ok(
      a.client.post("/saved-views", { name: `改名-${++view}`, filters: {} }),
      201,
    );
    return a.client.patch(`/saved-views/${made.id}`, {
      version: made.version,
      name: `已改-${view}`,
    });
  },
  "PATCH /saved-views/{id} · share with everyone": async (a) => {
    const made = await ok(
      a.client.post("/saved-views", { name: `共享-${++view}`, filters: {} }),
      201,
    );
    return a.client.patch(`/saved-views/${made.id}`, { version: made.version, shared: true });
  },
  "PATCH /saved-views/{id} · someone else's shared view": async (a) => {
    const made = await ok(
      world.admin.post("/saved-views", { name: `全员-${++view}`, filters: {}, shared: true }),
      201,
    );
    return a.client.patch(`/saved-views/${made.id}`, { version: made.version, name: "夺走" });
  },
  "DELETE /saved-views/{id}": async (a) => {
    const made = await ok(
      a.client.post("/saved-views", { name: `删除-${++view}`, filters: {} }),
      201,
    );
    return a.client.delete(`/saved-views/${made.id}?version=${made.version}`);
  },
  "GET /saved-views/counts": (a) => a.client.get("/saved-views/counts"),
  "POST /saved-views/counts": (a) =>
    a.client.post("/saved-views/counts", { filters: [{ open: true }, { mine: true }] }),
  "POST /outbox/{id}/replay": async (a) => {
    const { rows } = await world.server.db.$client.query(
      "insert into outbox (channel, event_type, payload, next_attempt_at) values ('email', 'sla_warning', '{}', null) returning id",
    );
    return a.client.post(`/outbox/${rows[0].id}/replay`);
  },
  "POST /sla/policies": (a) =>
    a.client.post("/sla/policies", {
      id: `matrix-${a.user.agentNo}`,
      name: "测试政策",
      order: 900,
      match: { categories: ["matrix_term"] },
      targets: { customerReply: { amount: 5, unit: "working_days" } },
      warnAtShare: 0.75,
      active: false,
    }),
  "PATCH /sla/policies/{id}": async (a) => {
    const { items } = (await a.client.get("/sla/policies")).body;
    const { version } = items.find((p: { id: string }) => p.id === "power-standard");
    return a.client.patch("/sla/policies/power-standard", { name: "供电 投诉", version });
  },
  "GET /reply-templates": (a) => a.client.get("/reply-templates?category=service"),
  "GET /reply-templates?includeInactive=true": (a) =>
    a.client.get("/reply-templates?includeInactive=true"),
  "POST /reply-templates": (a) =>
    a.client.post("/reply-templates", { title: `矩阵-${a.user.agentNo}`, body: "您好。" }),
  "PATCH /reply-templates/{id}": async (a) => {
    const made = await ok(
      world.admin.post("/reply-templates", { title: "待改", body: "您好。" }),
      201,
    );
    return a.client.patch(`/reply-templates/${made.id}`, { version: made.version, title: "已改" });
  },
  "GET /skill-groups": (a) => a.client.get("/skill-groups"),
  "POST /skill-groups": (a) => a.client.post("/skill-groups", { name: `矩阵组-${a.user.agentNo}` }),
  "PATCH /skill-groups/{id}": async (a) => {
    const made = await ok(
      world.admin.post("/skill-groups", { name: `待改组-${a.user.agentNo}` }),
      201,
    );
    return a.client.patch(`/skill-groups/${made.id}`, { version: made.version, capPerPerson: 5 });
  },
  // Nothing is held here: the 404 shows the role got past the check (routing.routes.test.ts approves).
  "GET /reassignments": (a) => a.client.get("/reassignments"),
  "POST /skill-groups/{id}/reassignments/{complaintId}/approve": async (a) => {
    const made = await ok(
      world.admin.post("/skill-groups", { name: `审批组-${a.user.agentNo}` }),
      201,
    );
    return a.client.post(`/skill-groups/${made.id}/reassignments/${shared.dispatched.id}/approve`);
  },
  "GET /me/duty": (a) => a.client.get("/me/duty"),
  "PUT /me/duty": (a) => a.client.put("/me/duty", { state: "break" }),
  "GET /complaints/{id}/checklist": (a) =>
    a.client.get(`/complaints/${shared.dispatched.id}/checklist`),
  "GET /complaints/{id}/checklist · not the handler's": (a) =>
    a.client.get(`/complaints/${shared.hidden.id}/checklist`),
  "PUT /complaints/{id}/checklist/{step}": (a) =>
    a.client.request("PUT", `/complaints/${shared.dispatched.id}/checklist/listen`),
  "PUT /complaints/{id}/checklist/{step} · not the handler's": (a) =>
    a.client.request("PUT", `/complaints/${shared.hidden.id}/checklist/listen`),
  "DELETE /complaints/{id}/checklist/{step}": (a) =>
    a.client.delete(`/complaints/${shared.dispatched.id}/checklist/share`),
  "POST /complaints/{id}/watchers": (a) =>
    a.client.post(`/complaints/${shared.dispatched.id}/watchers`),
  "POST /complaints/{id}/watchers · not the handler's": (a) =>
    a.client.post(`/complaints/${shared.hidden.id}/watchers`),
  "DELETE /complaints/{id}/watchers/me": (a) =>
    a.client.delete(`/complaints/${shared.dispatched.id}/watchers/me`),
  "DELETE /complaints/{id}/watchers/me · not the handler's": (a) =>
    a.client.delete(`/complaints/${shared.hidden.id}/watchers/me`),
  "POST /complaints/{id}/remedies": async (a) => {
    const c = await caseAt("dispatched", ownerFor(a));
    return a.client.post(`/complaints/${c.id}/remedies`, remedyBody("refund", "100.00"));
  },
  "POST /complaints/{id}/remedies · owned by another agent": async (a) => {
    const c = await caseAt("dispatched", world.caseOwner.user.id);
    return a.client.post(`/complaints/${c.id}/remedies`, remedyBody("refund", "100.00"));
  },
  "POST /remedies/{id}/approve": async (a) =>
    a.client.post(`/remedies/${await ownersRemedy("5000.00")}/approve`, { note: "同意" }),
  "POST /remedies/{id}/approve · within a specialist's limit": async (a) =>
    a.client.post(`/remedies/${await ownersRemedy("1000.00")}/approve`, { note: "同意" }),
  "POST /remedies/{id}/reject": async (a) =>
    a.client.post(`/remedies/${await ownersRemedy("5000.00")}/reject`, { note: "超出标准" }),
  "POST /remedies/{id}/reverse": async (a) =>
    a.client.post(`/remedies/${await ownersRemedy("100.00", "gift")}/reverse`, { reason: "冲正" }),
  "POST /remedies/{id}/reverse · granted by the caller": async (a) => {
    const granter = owningRoles.includes(a.user.role) ? a.client : world.caseOwner.client;
    const c = await caseAt("dispatched", ownerFor(a));
    const granted = await ok(
      granter.post(`/complaints/${c.id}/remedies`, remedyBody("gift", "10.00")),
      201,
    );
    return a.client.post(`/remedies/${granted.id}/reverse`, { reason: "礼品未寄出" });
  },
  "GET /remedies": (a) => a.client.get("/remedies?status=granted"),
  "GET /authority-limits": (a) => a.client.get("/authority-limits"),
  "POST /quality-cases": (a) =>
    a.client.post("/quality-cases", { title: "外壳开裂", product: "空调", model: "X200" }),
  "GET /quality-cases": (a) => a.client.get("/quality-cases"),
  "GET /quality-cases/{id}": async (a) => a.client.get(`/quality-cases/${(await teamCase()).id}`),
  "GET /quality-cases/{id}/report.pdf": async (a) =>
    a.client.get(`/quality-cases/${(await teamCase()).id}/report.pdf`),
  "POST /quality-cases/{id}/complaints": async (a) => {
    const c = await teamCase();
    const complaint = await makeComplaint(world.admin);
    return a.client.post(`/quality-cases/${c.id}/complaints`, { complaintIds: [complaint.id] });
  },
  "POST /quality-cases/{id}/complaints · not on the team": async (a) => {
    const c = await teamCase(false);
    const complaint = await makeComplaint(world.admin);
    return a.client.post(`/quality-cases/${c.id}/complaints`, { complaintIds: [complaint.id] });
  },
  "PUT /quality-cases/{id}/steps/{discipline}": async (a) => {
    const c = await teamCase();
    return a.client.put(`/quality-cases/${c.id}/steps/d2`, {
      version: 1,
      data: { customerWords: "裂了" },
    });
  },
  "PUT /quality-cases/{id}/steps/{discipline} · not on the team": async (a) => {
    const c = await teamCase(false);
    return a.client.put(`/quality-cases/${c.id}/steps/d2`, {
      version: 1,
      data: { customerWords: "裂了" },
    });
  },
  "POST /quality-cases/{id}/steps/{discipline}/submit": async (a) => {
    const c = await teamCase();
    return a.client.post(`/quality-cases/${c.id}/steps/d3/submit`, { version: c.d3Version });
  },
  "POST /quality-cases/{id}/steps/{discipline}/approve": async (a) => {
    const c = await teamCase(true, true);
    return a.client.post(`/quality-cases/${c.id}/steps/d3/approve`, { version: c.d3Version });
  },
  "POST /quality-cases/{id}/steps/{discipline}/send-back": async (a) => {
    const c = await teamCase(true, true);
    return a.client.post(`/quality-cases/${c.id}/steps/d3/send-back`, {
      version: c.d3Version,
      comment: "请补充数量",
    });
  },
  "POST /quality-cases/{id}/steps/{discipline}/remind": async (a) => {
    const c = await teamCase();
    return a.client.post(`/quality-cases/${c.id}/steps/d3/remind`, { note: "请今天完成围堵" });
  },
  "POST /quality-cases/{id}/root-causes/{cause}/evidence": async (a) =>
    a.client.post(`/quality-cases/${(await teamCase()).id}/root-causes/occurrence/evidence`, csv()),
  "POST /quality-cases/{id}/root-causes/{cause}/evidence · not on the team": async (a) =>
    a.client.post(
      `/quality-cases/${(await teamCase(false)).id}/root-causes/escape/evidence`,
      csv(),
    ),
  "GET /quality-cases/{id}/evidence": async (a) =>
    a.client.get(`/quality-cases/${(await teamCase()).id}/evidence`),
  "DELETE /quality-cases/{id}/evidence/{attachmentId}": async (a) => {
    const c = await teamCase();
    // An agent cannot add evidence: theirs is asked to remove the admin's.
    const uploader = a.user.role === "agent" ? world.admin : a.client;
    const file = await ok(
      uploader.post(`/quality-cases/${c.id}/root-causes/occurrence/evidence`, csv()),
      201,
    );
    return a.client.delete(`/quality-cases/${c.id}/evidence/${file.id}`);
  },
  "DELETE /quality-cases/{id}/evidence/{attachmentId} · added by someone else": async (a) => {
    const c = await teamCase();
    const file = await ok(
      world.admin.post(`/quality-cases/${c.id}/root-causes/occurrence/evidence`, csv()),
      201,
    );
    return a.client.delete(`/quality-cases/${c.id}/evidence/${file.id}`);
  },
  "GET /quality-cases/{id}/similar-complaints": async (a) =>
    a.client.get(`/quality-cases/${(await teamCase()).id}/similar-complaints`),
  "GET /improvement-actions": (a) => a.client.get("/improvement-actions"),
  "POST /improvement-actions": (a) =>
    a.client.post("/improvement-actions", {
      title: "优化收费告知",
      ownerId: world.caseOwner.user.id,
      dueDate: "2027-01-31",
      cause: "right_to_know",
    }),
  "GET /improvement-actions/{id}": async (a) =>
    a.client.get(
      `/improvement-actions/${(await improvementAction(world.caseOwner.user.id, world.otherDepartment.id)).id}`,
    ),
  "PATCH /improvement-actions/{id} · owned by the caller": async (a) => {
    const x = await improvementAction(a.user.id, a.user.departmentId ?? null);
    return a.client.patch(`/improvement-actions/${x.id}`, {
      version: x.version,
      status: "in_progress",
    });
  },
  "PATCH /improvement-actions/{id} · someone else's": async (a) => {
    const x = await improvementAction(world.caseOwner.user.id, world.otherDepartment.id);
    return a.client.patch(`/improvement-actions/${x.id}`, {
      version: x.version,
      status: "in_progress",
    });
  },
  "POST /improvement-actions/{id}/verify": async (a) => {
    const x = await improvementAction(world.caseOwner.user.id, world.otherDepartment.id);
    const done = await ok(
      world.admin.patch(`/improvement-actions/${x.id}`, { version: x.version, status: "done" }),
    );
    return a.client.post(`/improvement-actions/${x.id}/verify`, {
      version: done.version,
      effective: true,
      note: "同类投诉下降",
    });
  },
  "GET /reports/monthly-analysis": (a) => a.client.get("/reports/monthly-analysis?month=2026-11"),
  "GET /me/subscriptions": (a) => a.client.get("/me/subscriptions"),
  "PUT /me/subscriptions": (a) => a.client.put("/me/subscriptions", { monthlyAnalysis: true }),
  "GET /quality-cases/similar-complaints": (a) =>
    a.client.get("/quality-cases/similar-complaints?product=空调&model=X200"),
  "GET /knowledge": (a) => a.client.get("/knowledge?kind=faq"),
  "GET /knowledge?q=": (a) => a.client.get(`/knowledge?q=${encodeURIComponent("年费")}`),
  "POST /knowledge": (a) =>
    a.client.post("/knowledge", { kind: "faq", title: `矩阵-${a.user.agentNo}`, body: "您好。" }),
  "GET /knowledge/{id}": (a) => a.client.get(`/knowledge/${article.id}`),
  "PATCH /knowledge/{id}": async (a) => {
    const made = await ok(
      world.admin.post("/knowledge", { kind: "policy", title: "待改", body: "您好。" }),
      201,
    );
    return a.client.patch(`/knowledge/${made.id}`, { version: made.version, title: "已改" });
  },
  "GET /knowledge/{id}/versions/{n}": async (a) =>
    a.client.get(`/knowledge/${article.id}/versions/1`),
  "POST /knowledge/{id}/read": async (a) => a.client.post(`/knowledge/${article.id}/read`),
  "GET /knowledge/{id}/reads": async (a) => a.client.get(`/knowledge/${article.id}/reads`),
  "GET /knowledge/suggestions?complaintId=": async (a) =>
    a.client.get(`/knowledge/suggestions?complaintId=${shared.dispatched.id}`),
  "GET /knowledge/suggestions · not dispatched to the handler": async (a) =>
    a.client.get(`/knowledge/suggestions?complaintId=${shared.hidden.id}`),
  "GET /incidents?live=true": (a) => a.client.get("/incidents?live=true&category=service"),
  "POST /incidents": (a) => a.client.post("/incidents", incidentBody(`矩阵-${a.user.agentNo}`)),
  "GET /incidents/group-alerts": (a) => a.client.get("/incidents/group-alerts"),
  "GET /incidents/areas": (a) => a.client.get("/incidents/areas"),
  "GET /incidents/{id}": async (a) => a.client.get(`/incidents/${(await freshIncident()).id}`),
  "PATCH /incidents/{id}": async (a) =>
    a.client.patch(`/incidents/${(await freshIncident()).id}`, { version: 1, title: "已改" }),
  "POST /incidents/{id}/resolve": async (a) =>
    a.client.post(`/incidents/${(await freshIncident()).id}/resolve`, { version: 1 }),
  "POST /incidents/{id}/complaints": async (a) =>
    a.client.post(`/incidents/${(await freshIncident()).id}/complaints`, {
      complaintId: shared.dispatched.id,
    }),
  "GET /quality-due-policy": (a) => a.client.get("/quality-due-policy"),
  "GET /customer-message-templates": (a) => a.client.get("/customer-message-templates"),
  "PUT /customer-message-templates/{event}/{locale}": (a) =>
    a.client.put("/customer-message-templates/closed/en", {
      subject: "[Closed] {number}",
      body: "Closed: {number}. Rate us: {surveyUrl}",
    }),
  "DELETE /customer-message-templates/{event}/{locale}": (a) =>
    a.client.delete("/customer-message-templates/closed/en"),
  "GET /escalation-words": (a) => a.client.get("/escalation-words"),
  "PUT /escalation-words": async (a) => {
    const current = await ok(world.admin.get("/escalation-words"));
    return a.client.request("PUT", "/escalation-words", current);
  },
  "GET /escalation-policy": (a) => a.client.get("/escalation-policy"),
  "PUT /escalation-policy": async (a) => {
    const current = await ok(world.admin.get("/escalation-policy"));
    return a.client.request("PUT", "/escalation-policy", current);
  },
  "PUT /quality-due-policy": async (a) => {
    const current = await ok(world.admin.get("/quality-due-policy"));
    return a.client.request("PUT", "/quality-due-policy", current);
  },
  "GET /service-settings": (a) => a.client.get("/service-settings"),
  "PUT /service-settings": async (a) => {
    const current = await ok(world.admin.get("/service-settings"));
    return a.client.request("PUT", "/service-settings", current);
  },
  "PUT /authority-limits": async (a) => {
    const current = await ok(world.admin.get("/authority-limits"));
    return a.client.request("PUT", "/authority-limits", current);
  },
  "POST /complaints/{id}/supervise": async (a) => {
    const c = await caseAt("dispatched", world.caseOwner.user.id);
    const dueAt = new Date(Date.now() + 86_400_000).toISOString();
    return a.client.post(`/complaints/${c.id}/supervise`, { note: "督办：明日办结", dueAt });
  },
  "GET /reports/kpis": (a) => a.client.get("/reports/kpis?groupBy=agent"),
  "GET /reports/trend": (a) => a.client.get("/reports/trend?metric=onTimeRate&interval=week"),
  "GET /reports/causes": (a) => a.client.get("/reports/causes"),
  "GET /reports/regulator": (a) => a.client.get("/reports/regulator?period=2026-Q4"),
  "GET /reports/appraisal · another agent's page": (a) =>
    a.client.get(`/reports/appraisal?kind=agent&id=${world.caseOwner.user.id}`),
  "GET /reports/appraisal · own page (a handler's department)": (a) =>
    a.client.get(
      a.user.role === "department_handler"
        ? `/reports/appraisal?kind=department&id=${world.handlerDepartment.id}`
        : `/reports/appraisal?kind=agent&id=${a.user.id}`,
    ),
  "GET /reports/backlog": (a) => a.client.get("/reports/backlog"),
  "GET /reports/heatmap": (a) => a.client.get("/reports/heatmap"),
  "POST /exports": (a) =>
    a.client.post("/exports", { kind: "queue", format: "csv", filters: { open: true } }),
  "POST /exports · the regulator table": (a) =>
    a.client.post("/exports", {
      kind: "report",
      format: "xlsx",
      report: "regulator",
      query: { period: "2026-Q4" },
    }),
  "GET /exports": (a) => a.client.get("/exports"),
  "GET /exports/{id}": async (a) => a.client.get(`/exports/${await failedExport(a)}`),
  "GET /exports/{id} · someone else's": async (a) =>
    a.client.get(`/exports/${await failedExport(world.caseOwner)}`),
  "GET /exports/{id}/file · failed": async (a) =>
    a.client.get(`/exports/${await failedExport(a)}/file`),
  "GET /transfer-sources": (a) => a.client.get("/transfer-sources"),
  "POST /transfer-sources": (a) => a.client.post("/transfer-sources", transferSourceBody()),
  "PATCH /transfer-sources/{id}": async (a) =>
    a.client.patch(`/transfer-sources/${await transferSource()}`, { active: true, version: 1 }),
  "POST /transfer-sources/{id}/imports": async (a) => {
    const form = new FormData();
    const csv = `工单编号,办结时限,诉求内容,来电号码\r\nM${mobile()},${new Date(Date.now() + 86_400_000).toISOString()},噪音扰民,${mobile()}\r\n`;
    form.append("file", new Blob([csv]), "orders.csv");
    return a.client.post(`/transfer-sources/${await transferSource()}/imports`, form);
  },
  "GET /transfer-sources/{id}/reply-back": async (a) =>
    a.client.get(`/transfer-sources/${await transferSource()}/reply-back?format=csv`),
  "POST /imports/history?system=": (a) => {
    const form = new FormData();
    const csv = `原系统编号,受理时间,客户电话,诉求描述\r\nH${mobile()},2026-01-05 09:30,${mobile()},电费账单有误\r\n`;
    form.append("file", new Blob([csv]), "history.csv");
    return a.client.post("/imports/history?system=旧系统", form);
  },
  "POST /suggestions": (a) => a.client.post("/suggestions", { text: "信用卡一直没有寄到" }),
  "GET /suggestions/model": (a) => a.client.get("/suggestions/model"),
  "POST /suggestions/model": (a) => a.client.post("/suggestions/model"),
};

const transferSourceBody = () => ({
  name: `12345-${mobile()}`,
  hotline: "12345",
  mapping: {
    externalNo: "工单编号",
    externalDueAt: "办结时限",
    description: "诉求内容",
    callerPhone: "来电号码",
  },
});

/**
 * An export of the actor's that failed: written straight into the table, since one asked through
 * the API starts at once and its state when the file is asked for would be a race.
 */
async function failedExport(a: Staff): Promise<string> {
  const [row] = await world.server.db
    .insert(exportJobs)
    .values({
      requestedById: a.user.id,
      kind: "queue",
      format: "csv",
      request: { title: "", filters: {} },
      status: "failed",
      expiresAt: new Date(Date.now() + 3_600_000),
    })
    .returning({ id: exportJobs.id });
  return row!.id;
}

async function transferSource(): Promise<string> {
  return (await ok(world.admin.post("/transfer-sources", transferSourceBody()), 201)).id;
}

const workingTime = {
  timeZone: "Asia/Shanghai",
  workingHours: [
    { start: "09:00", end: "12:00" },
    { start: "13:30", end: "18:00" },
  ],
  workingWeekdays: [1, 2, 3, 4, 5],
};

async function pausedWebhook(): Promise<string> {
  return (
    await ok(world.admin.post("/webhooks", { url: "http://127.0.0.1:9/hook", active: false }), 201)
  ).id;
}

/** Ten more days than the case's reply deadline: within the bank policy's extension. */
const extensionBody = (c: Complaint) => ({
  newDueAt: new Date(new Date(c.dueAt!).getTime() + 10 * 86_400_000).toISOString(),
  reason: "需调取外部记录",
});

async function pendingExtension(): Promise<string> {
  const c = await caseAt("dispatched", world.caseOwner.user.id);
  return (
    await ok(world.admin.post(`/complaints/${c.id}/extension-requests`, extensionBody(c)), 201)
  ).id;
}

const remedyBody = (type: string, amount: string) => ({ type, amount, reason: "多收费用退还" });

/**
 * A remedy the case owner (an agent) gave on a dispatched case of theirs: ¥5,000 of compensation
 * waits for a supervisor, ¥1,000 for a specialist; a ¥100 gift is granted on the spot.
 */
async function ownersRemedy(amount: string, type = "compensation"): Promise<string> {
  const c = await caseAt("dispatched", world.caseOwner.user.id);
  return (
    await ok(
      world.caseOwner.client.post(`/complaints/${c.id}/remedies`, remedyBody(type, amount)),
      201,
    )
  ).id;
}

/**
 * An 8D opened by the admin, its champion; with `onTeam` every role's actor is on its D1 team.
 * D3 holds a containment record, submitted when `submitted`.
 */
/** A measurement sheet as D4 evidence. */
function csv() {
  const body = new FormData();
  body.append("file", new Blob(["样品,模温\n1,38\n"]), "模温.csv");
  return body;
}

/** An improvement action set up by the admin for this owner and department. */
function improvementAction(ownerId: string, departmentId: string | null) {
  return ok(
    world.admin.post("/improvement-actions", {
      title: "缩短退单复核",
      ownerId,
      departmentId,
      dueDate: "2027-01-31",
      category: "billing",
    }),
    201,
  );
}

async function teamCase(onTeam = true, submitted = false) {
  const c = await ok(
    world.admin.post("/quality-cases", { title: "外壳开裂", product: "空调", model: "X200" }),
    201,
  );
  const members = (onTeam ? roles : (["admin"] as const)).map((role) => ({
    userId: actors[role].user.id,
    role,
  }));
  await ok(
    world.admin.put(`/quality-cases/${c.id}/steps/d1`, {
      version: 1,
      data: { members, championId: actors.admin.user.id },
    }),
  );
  let after = await ok(
    world.admin.put(`/quality-cases/${c.id}/steps/d3`, {
      version: 1,
      data: { actions: [{ action: "隔离库存", done: true }] },
    }),
  );
  const d3 = () => after.steps.find((s: { discipline: string }) => s.discipline === "d3").version;
  if (submitted)
    after = await ok(world.admin.post(`/quality-cases/${c.id}/steps/d3/submit`, { version: d3() }));
  return { id: c.id as string, d3Version: d3() as number };
}

/** Notifications come from the SLA sweep; here one is written straight for the test. */
async function notificationFor(userId: string): Promise<string> {
  const { rows } = await world.server.db.$client.query(
    "insert into notifications (user_id, type) values ($1, 'sla_warning') returning id",
    [userId],
  );
  return rows[0].id;
}

function complaintBody() {
  return {
    kind: "complaint",
    channel: "phone",
    customer: { name: "孙女士", phone: mobile() },
    subject: "转账未到账",
    description: "客户称三天前的转账至今未到账。",
  };
}

/** What a cell shows: the status, or the status and code when a refusal has the wrong code. */
function outcome(res: ApiResponse): Cell | string {
  if (res.status === 403 && res.body.code !== "forbidden") return `403 ${res.body.code}`;
  if (res.status === 404 && res.body.code !== "not_found") return `404 ${res.body.code}`;
  if (res.status === 409 && res.body.code === "export_not_ready") return "409 export_not_ready";
  if (isAllowed(res) || res.status === 403 || res.status === 404) return res.status as Outcome;
  return `${res.status} ${JSON.stringify(res.body)}`;
}

const routeOf = (row: string) => row.replace(/[?·].*$/, "").trim();

describe("role × endpoint", () => {
  it.each(Object.keys(expected))("%s", async (row) => {
    const call = calls[row];
    if (!call) throw new Error(`no call written for "${row}"`);
    const actual: Record<string, Cell | string> = {};
    for (const role of roles) actual[role] = outcome(await call(actors[role]));
    // Keyed by role, so a failing diff names the role whose permission changed.
    expect(actual).toEqual(Object.fromEntries(roles.map((role, i) => [role, expected[row]![i]])));
  });

  it("declares every endpoint of the API in the table", async () => {
    const documented = await operations();
    const declared = new Set(Object.keys(expected).map(routeOf));
    expect(documented.filter((op) => !declared.has(op) && !publicRoutes.includes(op))).toEqual([]);
    expect([...declared].filter((op) => !documented.includes(op))).toEqual([]);
  });
});

describe("without a session", () => {
  it("refuses every non-public endpoint with 401 unauthenticated", async () => {
    const anonymous = new ApiClient(world.server.api);
    const ids: Record<string, string> = {
      "{id}": shared.dispatched.id,
      "{list}": "category",
      "{code}": "matrix_term",
      "{step}": "listen",
      "{event}": "closed",
      "{locale}": "en",
    };
    const answers: Record<string, string> = {};
    const documented = (await operations()).filter((op) => !publicRoutes.includes(op));
    for (const op of documented) {
      const [method, template] = op.split(" ") as [string, string];
      const path = template.replace(/\{\w+\}/g, (p) => ids[p]!);
      const res = await anonymous.request<Problem>(method, path, method === "GET" ? undefined : {});
      answers[op] = `${res.status} ${res.body.code}`;
    }
    expect(answers).toEqual(
      Object.fromEntries(documented.map((op) => [op, "401 unauthenticated"])),
    );
    const refused = Object.keys(answers);
    expect(refused).toHaveLength(new Set(Object.keys(expected).map(routeOf)).size);
  });

  it("refuses an unknown or revoked bearer token with 401", async () => {
    const integration = new ApiClient(world.server.api);
    integration.bearer = "kesu_not-a-real-token";
    const res = await integration.get("/complaints");
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("unauthenticated");
  });
});

/** Every documented operation as "METHOD /path" relative to /api/v1. */
async function operations(): Promise<string[]> {
  const doc = (await new ApiClient(world.server.api).get("/openapi.json")).body;
  return Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/^\/api\/v1/, "")}`),
  );
}
