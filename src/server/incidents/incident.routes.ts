import { and, desc, eq, sql } from "drizzle-orm";
import { groupComplaintAlerts, incidentComplaints, incidents } from "../../db/schema.js";
import { canPublishIncidents } from "../../domain/incident/incident.js";
import { actingOf, callerOf, callerWith } from "../auth/caller.js";
import { readVisibleComplaint } from "../case/visible-complaint.js";
import { messagingOf } from "../customer-messages/customer-messaging.js";
import type { App } from "../http/app-types.js";
import { idParams } from "../http/input-fields.js";
import { showing } from "../http/showing.js";
import { linkComplaint } from "./commands/link-complaint.js";
import { resolveIncident } from "./commands/resolve-incident.js";
import { publishIncident, updateIncident } from "./commands/save-incident.js";
import {
  createIncidentBody,
  groupAlertList,
  incidentDetailSchema,
  incidentList,
  incidentSchema,
  intakeAreaList,
  linkComplaintBody,
  listIncidentsQuery,
  resolvedIncidentSchema,
  resolveIncidentBody,
  updateIncidentBody,
} from "./incident.schemas.js";
import {
  liveAt,
  matching,
  newestFirst,
  presentIncident,
  readIncident,
  readIncidentDetail,
  selectIncidents,
} from "./incident-store.js";
import { intakeAreas } from "./intake-areas.js";

const tags = ["incidents"];

export async function incidentRoutes(app: App) {
  const incident = showing((caller, id) => readIncident(app.db, caller, id));
  const detail = showing((caller, id) => readIncidentDetail(app.db, caller, id));

  app.get(
    "/incidents",
    {
      schema: {
        tags,
        summary:
          "Service incidents (服务公告), newest first; `live=true` with a call's category, business type and area: what intake shows",
        querystring: listIncidentsQuery,
        response: { 200: incidentList },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { status, live, category, businessType, area, complaintId, limit } = request.query;
      // A case the caller may not see is not found, rather than named by its incidents.
      if (complaintId) await readVisibleComplaint(app.db, caller, complaintId);
      const rows = await selectIncidents(app.db)
        .where(
          and(
            status ? eq(incidents.status, status) : undefined,
            live ? liveAt(app.clock.now()) : undefined,
            matching({ category, businessType, area }),
            complaintId
              ? sql`exists (select 1 from ${incidentComplaints} l where l.incident_id = ${incidents.id} and l.complaint_id = ${complaintId})`
              : undefined,
          ),
        )
        .orderBy(...newestFirst)
        .limit(limit);
      return { items: rows.map((row) => presentIncident(row, caller)) };
    },
  );

  app.get(
    "/incidents/group-alerts",
    {
      schema: {
        tags,
        summary: "The latest 群体性投诉 alerts (supervisors and admins), newest first",
        response: { 200: groupAlertList },
      },
    },
    async (request) => {
      callerWith(request, canPublishIncidents);
      const items = await app.db
        .select()
        .from(groupComplaintAlerts)
        .orderBy(desc(groupComplaintAlerts.raisedAt), groupComplaintAlerts.id)
        .limit(20);
      return { items };
    },
  );

  app.get(
    "/incidents/areas",
    {
      schema: {
        tags,
        summary:
          "The areas intake suggests for 被投诉网点/区域: live incidents' first, then the branches the newest cases name most",
        response: { 200: intakeAreaList },
      },
    },
    async (request) => {
      // Places, not people: everyone signed in reads them, as they read live incidents.
      callerOf(request);
      return { items: await intakeAreas(app.db, app.clock.now()) };
    },
  );

  app.post(
    "/incidents",
    {
      schema: {
        tags,
        summary: "Publish an incident (supervisors and admins)",
        body: createIncidentBody,
        response: { 201: incidentSchema },
      },
    },
    (request, reply) =>
      incident.created(actingOf(request), reply, (acting) => publishIncident(acting, request.body)),
  );

  app.get(
    "/incidents/:id",
    {
      schema: {
        tags,
        summary: "An incident with the complaints linked to it",
        params: idParams,
        response: { 200: incidentDetailSchema },
      },
    },
    async (request) => readIncidentDetail(app.db, callerOf(request), request.params.id),
  );

  app.patch(
    "/incidents/:id",
    {
      schema: {
        tags,
        summary: "Edit a live incident (supervisors and admins); a stale `version` answers 409",
        params: idParams,
        body: updateIncidentBody,
        response: { 200: incidentDetailSchema },
      },
    },
    (request) =>
      detail.changed(actingOf(request), request.params.id, (acting) =>
        updateIncident(acting, request.params.id, request.body),
      ),
  );

  app.post(
    "/incidents/:id/resolve",
    {
      schema: {
        tags,
        summary:
          "Resolve an incident (解除); with `reply`, answer every linked case that can be replied, each in its own change, and say which were skipped and why",
        params: idParams,
        body: resolveIncidentBody,
        response: { 200: resolvedIncidentSchema },
      },
    },
    async (request) => {
      const acting = actingOf(request);
      const bulkReply = await resolveIncident(acting, request.params.id, request.body, {
        messaging: messagingOf(app.config),
        locale: request.locale,
      });
      return {
        ...(await readIncidentDetail(app.db, acting.caller, request.params.id)),
        bulkReply,
      };
    },
  );

  app.post(
    "/incidents/:id/complaints",
    {
      schema: {
        tags,
        summary: "Link a complaint to a live incident (one click at intake or on the case)",
        params: idParams,
        body: linkComplaintBody,
        response: { 201: incidentSchema },
      },
    },
    async (request, reply) => {
      const acting = actingOf(request);
      await linkComplaint(acting, request.params.id, request.body.complaintId);
      return reply.code(201).send(await readIncident(app.db, acting.caller, request.params.id));
    },
  );
}
