import { and, eq, or } from "drizzle-orm";
import { exportJobs, savedViews } from "../../../db/schema.js";
import { EXPORT_KEEP_HOURS } from "../../../domain/exports/export-rules.js";
import { canReadRegulatorReport } from "../../../domain/kpi/report-scope.js";
import { recordAudit } from "../../audit/record-audit.js";
import { AppError, badRequest, forbidden, notFound } from "../../http/app-error.js";
import type { Acting } from "../../http/app-types.js";
import type { ViewFilters } from "../../saved-views/saved-view.schemas.js";
import type { CreateExportBody } from "../export.schemas.js";
import { reportQueries } from "../report-rows.js";

/**
 * What the runner will export, checked now so a bad request is refused at once: a saved view's
 * filters as they are at this moment, or the report's query as its route would read it.
 */
async function requestOf({ db, caller }: Acting, body: CreateExportBody) {
  if (body.kind === "report") {
    const parsed = reportQueries[body.report].safeParse(body.query);
    if (!parsed.success) throw badRequest("export_query");
    if (body.report === "regulator" && !canReadRegulatorReport(caller.role)) throw forbidden();
    const { format: _, ...query } = parsed.data;
    return { title: body.report, report: body.report, query };
  }
  if (!body.viewId) return { title: "", filters: body.filters ?? {} };
  const [view] = await db
    .select({ name: savedViews.name, filters: savedViews.filters })
    .from(savedViews)
    .where(
      and(
        eq(savedViews.id, body.viewId),
        or(eq(savedViews.ownerId, caller.id), eq(savedViews.shared, true)),
      ),
    );
  if (!view) throw notFound("saved_view");
  return { title: view.name, filters: view.filters as ViewFilters };
}

/** Queues an export for its requester, with the audit row of who exported what, in one transaction. */
export async function createExport(acting: Acting, body: CreateExportBody) {
  const { db, caller, clock } = acting;
  const request = await requestOf(acting, body);
  const now = clock.now();
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(exportJobs)
      .values({
        requestedById: caller.id,
        kind: body.kind,
        format: body.format,
        request,
        createdAt: now,
        expiresAt: new Date(now.getTime() + EXPORT_KEEP_HOURS * 3_600_000),
      })
      .returning();
    if (!created) throw new AppError("internal");
    await recordAudit(tx, caller, "export_requested", "export", created.id, {
      kind: body.kind,
      format: body.format,
      request,
    });
    return created;
  });
}
