import { eq, sql } from "drizzle-orm";
import type { Database, Tx } from "../../../db/client.js";
import { complaints, importedCases, users } from "../../../db/schema.js";
import { type HistoryCase, readHistoryRow } from "../../../domain/backfill/history-row.js";
import { recordAudit } from "../../audit/record-audit.js";
import { callerColumns } from "../../auth/caller.js";
import { appendTimeline } from "../../case/timeline.js";
import type { Clock } from "../../clock.js";
import { close } from "../../complaints/commands/close.js";
import { insertComplaint } from "../../complaints/commands/create-complaint.js";
import { editComplaint } from "../../complaints/commands/edit-complaint.js";
import { followUp } from "../../complaints/commands/follow-up.js";
import { reply } from "../../complaints/commands/reply.js";
import { runComplaintCommand } from "../../complaints/commands/run-complaint-command.js";
import { createComplaintBody } from "../../complaints/complaint.schemas.js";
import { AppError } from "../../http/app-error.js";
import type { Acting, Caller } from "../../http/app-types.js";
import type { TableFileRow } from "../../http/table-file.js";
import { termMatcher } from "../../taxonomy/term-matcher.js";
import type { HistoryImportReport } from "../history.schemas.js";

/**
 * 历史数据导入: each row of an earlier system's file becomes a case whose steps (reply, follow-up,
 * close) run through the same commands as today's, each at its own time — so clocks, the
 * timeline and the statistics are what they would have been. A row is taken whole or refused
 * whole (its own transaction); a row imported before (same system, same number) adds nothing.
 * No customer hears of it: nothing is acknowledged or sent.
 */
export async function importHistory(
  { db, caller, clock, timezone }: Acting & { timezone: string },
  system: string,
  rows: readonly TableFileRow[],
): Promise<HistoryImportReport> {
  const now = clock.now();
  const report: HistoryImportReport = {
    total: rows.length,
    taken: [],
    alreadyImported: [],
    refused: [],
  };
  const seen = new Set<string>();
  // The lists are read once for the file, not once for each of its rows.
  const terms = await termMatchers(db);
  for (const { row, cells } of rows) {
    const reading = readHistoryRow((column) => cells[column], timezone, now);
    if (!reading.ok) {
      report.refused.push({ row, legacyNo: reading.legacyNo, reasons: reading.reasons });
      continue;
    }
    const legacyNo = reading.case.legacyNo;
    if (seen.has(legacyNo)) {
      report.refused.push({ row, legacyNo, reasons: ["duplicate_in_file"] });
      continue;
    }
    seen.add(legacyNo);
    try {
      const number = await db.transaction((tx) =>
        importCase(tx, { caller, timezone, system, terms }, reading.case),
      );
      if (number) report.taken.push({ row, legacyNo, number });
      else report.alreadyImported.push({ row, legacyNo });
    } catch (error) {
      if (error instanceof RowRefused)
        report.refused.push({ row, legacyNo, reasons: [error.reason], detail: error.detail });
      else if (error instanceof AppError)
        report.refused.push({ row, legacyNo, reasons: ["refused_by_kesu"], detail: error.code });
      else throw error;
    }
  }
  return report;
}

/** Why a row that read well still cannot be taken; its transaction is rolled back. */
class RowRefused extends Error {
  constructor(
    readonly reason: "unknown_agent_no" | "invalid_field",
    readonly detail: string,
  ) {
    super(reason);
  }
}

/** Sets the time the timeline rows written next carry (migration 0040's kesu_event_time). */
const eventTime = (tx: Tx, at: Date) =>
  tx.execute(sql`select set_config('kesu.event_time', ${at.toISOString()}, true)`);

const fixedClock = (at: Date): Clock => ({ now: () => at });

/** One earlier case, whole: its number, or null when it was imported before. */
async function importCase(
  tx: Tx,
  {
    caller,
    timezone,
    system,
    terms,
  }: { caller: Caller; timezone: string; system: string; terms: TermMatchers },
  history: HistoryCase,
): Promise<string | null> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`history:${system}:${history.legacyNo}`}, 0))`,
  );
  const [known] = await tx
    .select({ id: importedCases.complaintId })
    .from(importedCases)
    .where(
      sql`${importedCases.system} = ${system} and ${importedCases.legacyNo} = ${history.legacyNo}`,
    );
  if (known) return null;
  const owner = history.ownerAgentNo ? await staffCaller(tx, history.ownerAgentNo) : null;
  const body = intakeBody(terms, history, owner);
  await eventTime(tx, history.receivedAt);
  const id = await insertComplaint(tx, caller, timezone, body, history.receivedAt);
  await appendTimeline(tx, caller, id, [
    { type: "imported", data: { system, legacyNo: history.legacyNo } },
  ]);
  await tx.insert(importedCases).values({
    system,
    legacyNo: history.legacyNo,
    complaintId: id,
    importedById: caller.id,
  });
  for (const step of history.steps) {
    await eventTime(tx, step.at);
    const at = { db: tx, clock: fixedClock(step.at) };
    const version = await versionOf(tx, id);
    if (step.kind === "reply")
      await runComplaintCommand(
        { ...at, caller: owner! },
        id,
        reply({ version, message: step.message }),
      );
    else if (step.kind === "follow-up") {
      const visitor = step.agentNo ? await staffCaller(tx, step.agentNo) : caller;
      await runComplaintCommand(
        { ...at, caller: visitor },
        id,
        followUp({ version, satisfaction: step.satisfaction }),
      );
    } else {
      await editComplaint({ ...at, caller: owner! }, id, {
        version,
        responsibility: step.responsibility,
        substantiated: step.substantiated,
      });
      await runComplaintCommand(
        { ...at, caller: owner! },
        id,
        close({
          version: await versionOf(tx, id),
          reason: step.reason,
          reasonCode: step.reasonCode,
        }),
      );
    }
  }
  const [{ number } = { number: "" }] = await tx
    .select({ number: complaints.number })
    .from(complaints)
    .where(eq(complaints.id, id));
  await recordAudit(tx, caller, "import", "complaint", id, {
    system,
    legacyNo: history.legacyNo,
    number,
    receivedAt: history.receivedAt,
    steps: history.steps.map((s) => ({ kind: s.kind, at: s.at })),
  });
  return number;
}

/** The term lists a file's words are matched against, each read once. */
async function termMatchers(db: Database) {
  const [channel, category, businessType, cause] = await Promise.all(
    (["channel", "category", "business_type", "cause"] as const).map((list) =>
      termMatcher(db, list),
    ),
  );
  return { channel: channel!, category: category!, businessType: businessType!, cause: cause! };
}

type TermMatchers = Awaited<ReturnType<typeof termMatchers>>;

/** The case as intake would take it; list values matched by code or label, unknown ones left empty. */
function intakeBody(
  { channel, category, businessType, cause }: TermMatchers,
  history: HistoryCase,
  owner: Caller | null,
) {
  const parsed = createComplaintBody.safeParse({
    kind: "complaint",
    channel: channel(history.channel) ?? "phone",
    customer: { name: history.customer.name, phone: history.customer.phone ?? undefined },
    source: { type: "direct" },
    ...(owner && { ownerId: owner.id }),
    subject: history.subject,
    description: history.description,
    category: category(history.category),
    businessType: businessType(history.businessType),
    causes: history.causes.map((c) => cause(c)).filter((c): c is string => !!c),
  });
  if (!parsed.success)
    throw new RowRefused("invalid_field", parsed.error.issues[0]?.path.join(".") ?? "");
  return parsed.data;
}

async function versionOf(tx: Tx, id: string) {
  const [row] = await tx
    .select({ version: complaints.version })
    .from(complaints)
    .where(eq(complaints.id, id));
  return row!.version;
}

/** The staff member of this 工号, acting as themselves in the replayed step. */
async function staffCaller(tx: Tx, agentNo: string): Promise<Caller> {
  const [row] = await tx.select(callerColumns).from(users).where(eq(users.agentNo, agentNo));
  if (!row) throw new RowRefused("unknown_agent_no", agentNo);
  return { ...row, via: "token" };
}
