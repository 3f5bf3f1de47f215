import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { complaints, departments, workOrders } from "../../db/schema.js";
import { workOrderStatuses } from "../../domain/complaint/work-order-lifecycle.js";
import { textShownTo } from "../../domain/customer/masking.js";
import { actingOf, callerOf } from "../auth/caller.js";
import { presentWorkOrder } from "../case/work-order.presenter.js";
import { loadComplaintDetail } from "../complaints/complaint.presenter.js";
import { complaintSchema } from "../complaints/complaint.schemas.js";
import { forbidden } from "../http/app-error.js";
import type { App } from "../http/app-types.js";
import { decodeCursor, encodeCursor, exactTimestamp } from "../http/cursor.js";
import { runWorkOrderCommand } from "./run-work-order-command.js";
import { inboxItemSchema, workOrderBodies } from "./work-order.schemas.js";

export async function workOrderRoutes(app: App) {
  app.get(
    "/work-orders",
    {
      schema: {
        tags: ["work orders"],
        summary: "A department's inbox of dispatched work (newest first)",
        querystring: z.object({
          departmentId: z.uuid().optional(),
          status: z
            .union([z.enum(workOrderStatuses), z.array(z.enum(workOrderStatuses))])
            .optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(200).optional(),
        }),
        response: {
          200: z.object({ items: z.array(inboxItemSchema), nextCursor: z.string().nullable() }),
        },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { status, limit, cursor } = request.query;
      let departmentId = request.query.departmentId;
      // Scope inside the query: department handlers only ever read their own inbox.
      if (caller.role === "department_handler") {
        if (departmentId && departmentId !== caller.departmentId)
          throw forbidden("not_your_department");
        departmentId = caller.departmentId ?? "00000000-0000-0000-0000-000000000000";
      } else if (caller.role === "quality") {
        throw forbidden();
      }
      const statuses = status === undefined ? [] : [status].flat();
      const after = cursor ? decodeCursor(cursor) : null;
      const rows = await app.db
        .select({
          order: workOrders,
          complaint: {
            number: complaints.number,
            subject: complaints.subject,
            severity: complaints.severity,
            dueAt: complaints.dueAt,
          },
          departmentName: departments.name,
          sortKey: exactTimestamp(workOrders.dispatchedAt),
        })
        .from(workOrders)
        .innerJoin(complaints, eq(complaints.id, workOrders.complaintId))
        .innerJoin(departments, eq(departments.id, workOrders.departmentId))
        .where(
          and(
            departmentId ? eq(workOrders.departmentId, departmentId) : undefined,
            statuses.length > 0 ? inArray(workOrders.status, statuses) : undefined,
            after
              ? sql`(${workOrders.dispatchedAt}, ${workOrders.id}) < (${after.at}::timestamptz, ${after.id}::uuid)`
              : undefined,
          ),
        )
        .orderBy(desc(workOrders.dispatchedAt), desc(workOrders.id))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(({ order, complaint, departmentName }) => ({
          ...presentWorkOrder(caller, order),
          complaintNumber: complaint.number,
          subject: textShownTo(caller.role)(complaint.subject),
          severity: complaint.severity,
          complaintDueAt: complaint.dueAt,
          departmentName,
        })),
        nextCursor: rows.length > limit && last ? encodeCursor(last.sortKey, last.order.id) : null,
      };
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
          params: z.object({ id: z.uuid() }),
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
