import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { complaints, customers, taxonomyTerms, type transferSources } from "../../db/schema.js";
import { formatLocal } from "../../domain/sla/zoned-time.js";
import { replyBackHeaders, replyBackRow } from "../../domain/transfer/reply-back.js";
import type { ReportTable } from "../reports/report-files.js";

type Source = typeof transferSources.$inferSelect;

/** Cases the customer has had our answer on: replied, followed up or closed. */
const answered = ["replied", "followed_up", "closed"] as const;

const local = (at: Date | null, timeZone: string) =>
  at ? formatLocal(at, timeZone).slice(0, 19) : null;

/** The source's transferred cases that have an answer, oldest first, in the hotline's layout. */
export async function replyBackTable(
  db: Database,
  source: Source,
  timeZone: string,
): Promise<ReportTable> {
  const rows = await db
    .select({
      externalNo: complaints.sourceExternalNo,
      receivedAt: complaints.receivedAt,
      externalDueAt: complaints.sourceExternalDueAt,
      category: sql<string | null>`coalesce(${taxonomyTerms.labelZh}, ${complaints.category})`,
      subject: complaints.subject,
      description: complaints.description,
      callerPhone: customers.phone,
      callerName: customers.name,
      resolution: complaints.resolution,
      substantiated: complaints.substantiated,
      responsibility: complaints.responsibility,
      findingNote: complaints.findingNote,
      satisfaction: complaints.satisfaction,
    })
    .from(complaints)
    .innerJoin(customers, eq(customers.id, complaints.customerId))
    .leftJoin(
      taxonomyTerms,
      and(eq(taxonomyTerms.list, "category"), eq(taxonomyTerms.code, complaints.category)),
    )
    .where(
      and(
        eq(complaints.sourceType, "transfer"),
        eq(complaints.sourceHotline, source.hotline),
        isNotNull(complaints.sourceExternalNo),
        inArray(complaints.status, [...answered]),
      ),
    )
    .orderBy(asc(complaints.receivedAt), asc(complaints.id));
  return {
    name: `${source.name}-回复单`,
    headers: replyBackHeaders(source.mapping),
    rows: rows.map((r) =>
      replyBackRow(source.mapping, {
        ...r,
        externalNo: r.externalNo!,
        receivedAt: local(r.receivedAt, timeZone)!,
        externalDueAt: local(r.externalDueAt, timeZone),
      }),
    ),
  };
}
