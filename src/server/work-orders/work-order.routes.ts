import { actingOf, callerOf } from "../auth/caller.js";
import { loadComplaintDetail } from "../complaints/complaint.presenter.js";
import { complaintSchema } from "../complaints/complaint.schemas.js";
import { forbidden } from "../http/app-error.js";
import type { App } from "../http/app-types.js";
import { idParams } from "../http/input-fields.js";
import { countInbox, listInbox } from "./inbox.js";
import { runWorkOrderCommand } from "./run-work-order-command.js";
import { inboxPage, inboxQuery, workOrderBodies } from "./work-order.schemas.js";

export async function workOrderRoutes(app: App) {
  app.get(
    "/work-orders",
    {
      schema: {
        tags: ["work orders"],
        summary:
          "A department's inbox of dispatched work: newest first, due first (sort=due) or finished latest first (sort=finished); counts=true adds the orders in each state",
        querystring: inboxQuery,
        response: { 200: inboxPage },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      let departmentId = request.query.departmentId;
      // Scope inside the query: department handlers only ever read their own inbox.
      if (caller.role === "department_handler") {
        if (departmentId && departmentId !== caller.departmentId)
          throw forbidden("not_your_department");
        departmentId = caller.departmentId ?? "00000000-0000-0000-0000-000000000000";
      } else if (caller.role === "quality") {
        throw forbidden();
      }
      const page = await listInbox(app.db, caller, departmentId, request.query);
      return request.query.counts && !request.query.cursor
        ? { ...page, counts: await countInbox(app.db, departmentId) }
        : page;
    },
  );

  for (const command of ["accept", "return", "result"] as const) {
    app.post(
      `/work-orders/:id/${command}`,
      {
        schema: {
          tags: ["work orders"],
          summary: {
            accept: "Accept the work order (接单/签收)",
            return: "Return it with a reason (退单)",
            result: "Submit the department's result",
          }[command],
          params: idParams,
          body: workOrderBodies[command],
          response: { 200: complaintSchema },
        },
      },
      async (request) => {
        const acting = actingOf(request);
        const complaintId = await runWorkOrderCommand(
          acting,
          request.params.id,
          command,
          request.body,
        );
        return loadComplaintDetail(app.db, complaintId, acting.caller);
      },
    );
  }
}
