import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { complaints, extensionRequests } from "../../db/schema.js";
import { mayDecideExtension, mayOversee } from "../../domain/sla/oversight-policy.js";
import { callerOf } from "../auth/caller.js";
import { messagingOf } from "../customer-messages/customer-messaging.js";
import { tellExtension } from "../customer-messages/tell-customer.js";
import { badRequest, notFound } from "../http/app-error.js";
import type { App } from "../http/app-types.js";
import { authorize } from "../http/authorize.js";
import { deadlineInput, idParams, text } from "../http/input-fields.js";
import {
  approveExtension,
  decide,
  lockedOpenComplaint,
  lockedOwnedComplaint,
  pauseDeadlines,
  remindOrSupervise,
  requestExtension,
  resumeDeadlines,
} from "../sla/deadline-commands.js";
import { loadComplaintDetail } from "./complaint.presenter.js";
import { complaintSchema } from "./complaint.schemas.js";
import { extensionListItem, extensionSchema } from "./deadline.schemas.js";

const oversight = z.object({
  note: text(2000),
  dueAt: deadlineInput().optional(),
  workOrderId: z.uuid().optional(),
});

const presentExtension = (row: typeof extensionRequests.$inferSelect) =>
  row as z.infer<typeof extensionSchema>;

/** Deadlines beyond the lifecycle: pauses, extensions (延期), reminders (催办) and supervision (督办). */
export async function deadlineRoutes(app: App) {
  app.post(
    "/complaints/:id/pause",
    {
      schema: {
        tags: ["deadlines"],
        summary: "Pause the case's deadlines with a reason the customer is told",
        params: idParams,
        body: z.object({ reason: text(2000) }),
        response: { 200: complaintSchema },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await app.db.transaction(async (tx) => {
        const complaint = await lockedOwnedComplaint(tx, caller, request.params.id);
        await pauseDeadlines(tx, caller, complaint, request.body.reason, app.clock.now());
      });
      return loadComplaintDetail(app.db, request.params.id, caller);
    },
  );

  app.post(
    "/complaints/:id/resume",
    {
      schema: {
        tags: ["deadlines"],
        summary: "Resume paused deadlines",
        params: idParams,
        response: { 200: complaintSchema },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await app.db.transaction(async (tx) => {
        const complaint = await lockedOwnedComplaint(tx, caller, request.params.id);
        await resumeDeadlines(tx, caller, complaint, app.clock.now());
      });
      return loadComplaintDetail(app.db, request.params.id, caller);
    },
  );

  app.post(
    "/complaints/:id/extension-requests",
    {
      schema: {
        tags: ["deadlines"],
        summary: "Ask for more time (延期申请), before the deadline",
        params: idParams,
        body: z.object({ newDueAt: deadlineInput(), reason: text(2000) }),
        response: { 201: extensionSchema },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const created = await app.db.transaction(async (tx) => {
        const complaint = await lockedOwnedComplaint(tx, caller, request.params.id);
        return requestExtension(tx, caller, complaint, request.body, app.clock.now());
      });
      return reply.code(201).send(presentExtension(created));
    },
  );

  app.get(
    "/extension-requests",
    {
      schema: {
        tags: ["deadlines"],
        summary: "Extension requests to decide (supervisors, admins) or my own",
        querystring: z.object({ status: z.enum(["pending", "approved", "rejected"]).optional() }),
        response: { 200: z.object({ items: z.array(extensionListItem) }) },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const rows = await app.db
        .select({
          request: extensionRequests,
          complaintNumber: complaints.number,
          complaintDueAt: complaints.dueAt,
        })
        .from(extensionRequests)
        .innerJoin(complaints, eq(complaints.id, extensionRequests.complaintId))
        .where(
          and(
            request.query.status ? eq(extensionRequests.status, request.query.status) : undefined,
            mayOversee(caller).ok ? undefined : eq(extensionRequests.requestedById, caller.id),
          ),
        )
        .orderBy(desc(extensionRequests.createdAt))
        .limit(200);
      return {
        items: rows.map(({ request, ...complaint }) => ({
          ...presentExtension(request),
          ...complaint,
        })),
      };
    },
  );

  for (const decision of ["approve", "reject"] as const) {
    app.post(
      `/extension-requests/:id/${decision}`,
      {
        schema: {
          tags: ["deadlines"],
          summary:
            decision === "approve"
              ? "Approve: the deadline moves and the customer is told"
              : "Reject with a reason",
          params: idParams,
          body:
            decision === "approve"
              ? z.object({ note: text(2000).optional() }).default({})
              : z.object({ note: text(2000) }),
          response: { 200: complaintSchema },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const complaintId = await app.db.transaction(async (tx) => {
          const [pending] = await tx
            .select()
            .from(extensionRequests)
            .where(eq(extensionRequests.id, request.params.id))
            .for("update");
          if (!pending) throw notFound("extension_request");
          authorize(mayDecideExtension(caller, pending.approver));
          if (pending.status !== "pending") throw badRequest("not_pending");
          const { complaint } = await lockedOpenComplaint(tx, caller, pending.complaintId);
          const note = (request.body as { note?: string }).note;
          if (decision === "approve") {
            await approveExtension(tx, caller, complaint, pending, note, app.clock.now());
            await tellExtension(tx, messagingOf(app.config), caller, complaint.id, app.clock.now());
          } else
            await decide(tx, caller, complaint, pending, "rejected", note ?? null, app.clock.now());
          return complaint.id;
        });
        return loadComplaintDetail(app.db, complaintId, caller);
      },
    );
  }

  for (const kind of ["reminder", "supervision"] as const) {
    app.post(
      `/complaints/:id/${kind === "reminder" ? "remind" : "supervise"}`,
      {
        schema: {
          tags: ["deadlines"],
          summary:
            kind === "reminder"
              ? "Remind the handler (催办), optionally about one work order"
              : "Issue a supervision order (督办) with its own due time",
          params: idParams,
          body: kind === "reminder" ? oversight : oversight.required({ dueAt: true }),
          response: { 200: complaintSchema },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        authorize(mayOversee(caller));
        await app.db.transaction(async (tx) => {
          const target = await lockedOpenComplaint(tx, caller, request.params.id);
          await remindOrSupervise(tx, caller, target, kind, request.body, app.clock.now());
        });
        return loadComplaintDetail(app.db, request.params.id, caller);
      },
    );
  }
}
