import { z } from "zod";
import { canLogComplaints } from "../../domain/access/roles.js";
import {
  type ComplaintCommand,
  complaintCommands,
} from "../../domain/complaint/complaint-lifecycle.js";
import { actingOf, callerOf, callerWith } from "../auth/caller.js";
import { messagingOf } from "../customer-messages/customer-messaging.js";
import { tellOutcome } from "../customer-messages/tell-customer.js";
import type { App } from "../http/app-types.js";
import { idParams } from "../http/input-fields.js";
import { showing } from "../http/showing.js";
import { complaintCommandHandlers } from "./commands/complaint-commands.js";
import { createComplaint } from "./commands/create-complaint.js";
import { editComplaint } from "./commands/edit-complaint.js";
import { runComplaintCommand } from "./commands/run-complaint-command.js";
import { loadComplaintDetail } from "./complaint.presenter.js";
import {
  commandBodies,
  complaintListItemSchema,
  complaintSchema,
  createComplaintBody,
  listComplaintsQuery,
  updateComplaintBody,
} from "./complaint.schemas.js";
import { listComplaints } from "./list-complaints.js";

const commandSummaries: Record<ComplaintCommand, string> = {
  assign: "Assign the accountable owner (分配)",
  dispatch: "Dispatch to departments: lead and co-handling (派单)",
  reply: "Reply to the customer with the decision (答复)",
  "follow-up": "Record the follow-up visit; dissatisfied reopens (回访)",
  close: "Close with a reason (办结)",
  reopen: "Reopen for another round (重办)",
  escalate: "Escalate (升级)",
  upgrade: "Upgrade an inquiry to a complaint, keeping its history",
  withdraw: "Withdraw at the customer's request (撤诉)",
  merge: "Merge a repeat into its parent; history kept on both",
  note: "Add an internal note",
  contact: "Log a call, visit or message",
  callback: "Promise a callback by a due time (承诺回电)",
};

export async function complaintRoutes(app: App) {
  const complaint = showing((caller, id) => loadComplaintDetail(app.db, id, caller));

  app.get(
    "/complaints",
    {
      schema: {
        tags: ["complaints"],
        summary: "List complaints; newest first, or sort=due for the work queue",
        querystring: listComplaintsQuery,
        response: {
          200: z.object({
            items: z.array(complaintListItemSchema),
            nextCursor: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => listComplaints(app, callerOf(request), request.query),
  );

  app.post(
    "/complaints",
    {
      schema: {
        tags: ["complaints"],
        summary: "Register a complaint or inquiry (受理); honours Idempotency-Key",
        headers: z.object({ "idempotency-key": z.string().min(1).max(200).optional() }),
        body: createComplaintBody,
        response: { 201: complaintSchema },
      },
    },
    async (request, reply) => {
      const caller = callerWith(request, canLogComplaints);
      const created = await createComplaint(
        { db: app.db, caller, clock: app.clock, timezone: app.config.KESU_TIMEZONE },
        request.body,
        request.headers["idempotency-key"],
        { messaging: messagingOf(app.config) },
      );
      // A retry gets the stored JSON of the first answer, byte for byte, so both go out as plain JSON.
      return reply
        .code(201)
        .type("application/json; charset=utf-8")
        .serializer(JSON.stringify)
        .send(created as never);
    },
  );

  app.get(
    "/complaints/:id",
    {
      schema: {
        tags: ["complaints"],
        summary: "The complaint with work orders, timeline and the caller's allowed actions",
        params: idParams,
        response: { 200: complaintSchema },
      },
    },
    async (request) => loadComplaintDetail(app.db, request.params.id, callerOf(request)),
  );

  app.patch(
    "/complaints/:id",
    {
      schema: {
        tags: ["complaints"],
        summary: "Correct the record's fields",
        params: idParams,
        body: updateComplaintBody,
        response: { 200: complaintSchema },
      },
    },
    (request) =>
      complaint.changed(actingOf(request), request.params.id, (acting) =>
        editComplaint(acting, request.params.id, request.body),
      ),
  );

  for (const command of complaintCommands) {
    app.post(
      `/complaints/:id/${command}`,
      {
        schema: {
          tags: ["complaint commands"],
          summary: commandSummaries[command],
          params: idParams,
          body: commandBodies[command],
          response: { 200: complaintSchema },
        },
      },
      (request) =>
        complaint.changed(actingOf(request), request.params.id, async (acting) => {
          await runComplaintCommand(
            acting,
            request.params.id,
            complaintCommandHandlers[command](request.body),
          );
          if (command === "reply" || command === "close")
            await app.db.transaction((tx) =>
              tellOutcome(
                tx,
                messagingOf(app.config),
                acting.caller,
                request.params.id,
                command === "reply" ? "replied" : "closed",
              ),
            );
        }),
    );
  }
}
