import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "../../../db/client.js";
import { complaints, type transferSources } from "../../../db/schema.js";
import {
  readTransferRow,
  type TransferOrder,
  type TransferRowReading,
} from "../../../domain/transfer/transfer-row.js";
import { insertComplaint } from "../../complaints/commands/create-complaint.js";
import { createComplaintBody } from "../../complaints/complaint.schemas.js";
import type { CustomerMessaging } from "../../customer-messages/customer-messaging.js";
import { acknowledge } from "../../customer-messages/tell-customer.js";
import { AppError } from "../../http/app-error.js";
import type { Acting } from "../../http/app-types.js";
import type { TableFileRow } from "../../http/table-file.js";
import { termMatcher } from "../../taxonomy/term-matcher.js";
import type { ImportReport } from "../transfer.schemas.js";

type Source = typeof transferSources.$inferSelect;

/**
 * Opens a case for each transferred work order not seen before. The source's hotline is locked
 * for the import, so two imports of one file (or a push racing an upload) add each order once;
 * a row that fails is refused alone (its own savepoint) and the others are still taken. Each case
 * is acknowledged to its caller like any other (受理回执, with our number) in its savepoint.
 */
export async function importTransfers(
  {
    db,
    caller,
    clock,
    timezone,
    messaging,
  }: Acting & { timezone: string; messaging: CustomerMessaging },
  source: Source,
  rows: readonly TableFileRow[],
): Promise<ImportReport> {
  const now = clock.now();
  const report: ImportReport = { total: rows.length, taken: [], alreadyImported: [], refused: [] };
  const seen = new Set<string>();
  const fresh: { row: number; order: TransferOrder }[] = [];
  for (const { row, cells } of rows) {
    const reading: TransferRowReading = readTransferRow(
      (column) => cells[column],
      source.mapping,
      timezone,
      now,
    );
    if (!reading.ok) {
      report.refused.push({ row, externalNo: reading.externalNo, reasons: reading.reasons });
    } else if (seen.has(reading.order.externalNo)) {
      report.refused.push({
        row,
        externalNo: reading.order.externalNo,
        reasons: ["duplicate_in_file"],
      });
    } else {
      seen.add(reading.order.externalNo);
      fresh.push({ row, order: reading.order });
    }
  }
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`transfer:${source.hotline}`}, 0))`,
    );
    const known = await knownNumbers(tx, source.hotline, [...seen]);
    const categoryOf = await termMatcher(tx, "category");
    const created: { row: number; externalNo: string; id: string }[] = [];
    for (const { row, order } of fresh) {
      if (known.has(order.externalNo)) {
        report.alreadyImported.push({ row, externalNo: order.externalNo });
        continue;
      }
      const body = createComplaintBody.safeParse({
        kind: "complaint",
        channel: "upper_level",
        customer: { name: order.callerName ?? `${source.hotline}来电人`, phone: order.callerPhone },
        source: {
          type: "transfer",
          hotline: source.hotline,
          externalNo: order.externalNo,
          externalDueAt: order.externalDueAt.toISOString(),
        },
        subject: order.subject,
        description: order.description,
        category: categoryOf(order.category),
      });
      if (!body.success) {
        const detail = body.error.issues[0]?.path.join(".") ?? "";
        report.refused.push({
          row,
          externalNo: order.externalNo,
          reasons: ["invalid_field"],
          detail,
        });
        continue;
      }
      try {
        const id = await tx.transaction(async (sp) => {
          const opened = await insertComplaint(
            sp,
            caller,
            timezone,
            body.data,
            order.receivedAt ?? now,
          );
          await acknowledge(sp, caller, opened, { messaging });
          return opened;
        });
        created.push({ row, externalNo: order.externalNo, id });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        report.refused.push({
          row,
          externalNo: order.externalNo,
          reasons: ["invalid_field"],
          detail: fieldOf(error),
        });
      }
    }
    const numbers = await numbersOf(
      tx,
      created.map((c) => c.id),
    );
    report.taken = created.map(({ row, externalNo, id }) => ({
      row,
      externalNo,
      number: numbers.get(id)!,
    }));
  });
  report.refused.sort((a, b) => a.row - b.row);
  return report;
}

async function knownNumbers(tx: Tx, hotline: string, externalNos: string[]) {
  if (externalNos.length === 0) return new Set<string>();
  const rows = await tx
    .select({ externalNo: complaints.sourceExternalNo })
    .from(complaints)
    .where(
      and(eq(complaints.sourceHotline, hotline), inArray(complaints.sourceExternalNo, externalNos)),
    );
  return new Set(rows.map((r) => r.externalNo!));
}

/** The hotline's category text as one of ours: by code or by either name; else none. */
async function numbersOf(tx: Tx, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await tx
    .select({ id: complaints.id, number: complaints.number })
    .from(complaints)
    .where(inArray(complaints.id, ids));
  return new Map(rows.map((r) => [r.id, r.number]));
}

/** The field a refused value was in, as the error handler would name it. */
function fieldOf(error: AppError): string {
  const errors = error.extensions.errors as { field?: string }[] | undefined;
  return errors?.[0]?.field ?? error.code;
}
