import { createHash } from "node:crypto";
import { and, count, eq, gt, sql } from "drizzle-orm";
import type { Tx } from "../../../db/client.js";
import { complaints, contacts, customers, idempotencyKeys } from "../../../db/schema.js";
import type { ComplaintFlag } from "../../../domain/complaint/case-attributes.js";
import { initialDueAt } from "../../../domain/complaint/initial-due-date.js";
import { assignableOwner } from "../../case/case-owner.js";
import { refreshSearchText } from "../../case/search-text.js";
import { appendTimeline } from "../../case/timeline.js";
import { findOrCreateCustomer } from "../../customers/customer.store.js";
import { AppError, invalidReference } from "../../http/app-error.js";
import type { Acting, Caller } from "../../http/app-types.js";
import { replyDueAt, startPolicyClocks } from "../../sla/clock-effects.js";
import { assertTerms } from "../../taxonomy/taxonomy.routes.js";
import { loadComplaintDetail } from "../complaint.presenter.js";
import { type CreateComplaintBody, complaintSchema } from "../complaint.schemas.js";

/** A complaint from the same customer within this many days is flagged as a repeat. */
const REPEAT_WINDOW_DAYS = 90;

/**
 * Creates the complaint, its customer on first contact and the intake contact in one transaction.
 * With an Idempotency-Key the first answer is stored in the same transaction and returned on retry.
 */
export async function createComplaint(
  { db, caller, timezone }: Acting & { timezone: string },
  body: CreateComplaintBody,
  idempotencyKey?: string,
): Promise<unknown> {
  return db.transaction(async (tx) => {
    const requestHash = createHash("sha256").update(JSON.stringify(body)).digest("hex");
    if (idempotencyKey) {
      const earlier = await earlierAnswer(tx, caller.id, idempotencyKey);
      if (earlier) {
        if (earlier.requestHash !== requestHash) throw new AppError("idempotency_key_reused");
        return earlier.response;
      }
    }
    const id = await insertComplaint(tx, caller, timezone, body);
    // Shaped by the response schema once, so the first answer and every retry are the same JSON.
    const detail = JSON.parse(
      JSON.stringify(complaintSchema.parse(await loadComplaintDetail(tx, id, caller))),
    );
    if (idempotencyKey) {
      await tx.insert(idempotencyKeys).values({
        userId: caller.id,
        key: idempotencyKey,
        requestHash,
        statusCode: 201,
        response: detail,
      });
    }
    return detail;
  });
}

/** Retries of one key wait on a transaction-scoped lock until the first attempt commits or fails. */
async function earlierAnswer(tx: Tx, userId: string, key: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${userId}:${key}`}, 0))`);
  const [row] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
  return row;
}

async function insertComplaint(
  tx: Tx,
  caller: Caller,
  timezone: string,
  body: CreateComplaintBody,
): Promise<string> {
  await assertTerms(tx, [
    { list: "channel", field: "body.channel", codes: [body.channel] },
    { list: "category", field: "body.category", codes: [body.category] },
    { list: "business_type", field: "body.businessType", codes: [body.businessType] },
    { list: "cause", field: "body.causes", codes: body.causes ?? [] },
  ]);
  const customer = await resolveCustomer(tx, body);
  const owner = body.ownerId ? await assignableOwner(tx, caller, body.ownerId) : null;
  const receivedAt = new Date();
  const transfer = body.source.type === "transfer" ? body.source : null;
  const flags = new Set<ComplaintFlag>(body.flags ?? []);
  if (transfer) flags.add("upper_level_transfer");
  if (await hasRecentComplaint(tx, customer.id)) flags.add("repeat");
  const [row] = await tx
    .insert(complaints)
    .values({
      number: complaintNumber(timezone),
      kind: body.kind,
      channel: body.channel,
      sourceType: body.source.type,
      sourceHotline: transfer?.hotline ?? null,
      sourceExternalNo: transfer?.externalNo ?? null,
      sourceExternalDueAt: transfer?.externalDueAt ?? null,
      customerId: customer.id,
      subject: body.subject,
      description: body.description,
      demand: body.demand ?? null,
      demandAmount: body.demandAmount ?? null,
      category: body.category ?? null,
      businessType: body.businessType ?? null,
      causes: body.causes ?? [],
      severity: body.severity ?? "normal",
      mentality: body.mentality ?? null,
      complainedBranch: body.complainedBranch ?? null,
      complainedEmployee: body.complainedEmployee ?? null,
      complainedProduct: body.complainedProduct ?? null,
      flags: [...flags],
      ownerId: owner?.id ?? null,
      status: owner ? "assigned" : "received",
      dueAt: initialDueAt(body.kind, receivedAt, transfer?.externalDueAt),
      receivedAt,
      createdById: caller.id,
    })
    .returning();
  const { id, number } = row!;
  // The statutory clocks start at receipt; the reply deadline they set is the case's due date.
  const started = await startPolicyClocks(
    tx,
    row!,
    ["firstResponse", "customerReply", "resolution"],
    receivedAt,
  );
  const dueAt = replyDueAt(started);
  // The intake itself is the customer's first contact on this case.
  await tx.insert(contacts).values({
    customerId: customer.id,
    complaintId: id,
    direction: "inbound",
    channel: body.channel,
    summary: body.subject,
    agentId: caller.id,
    agentNo: caller.agentNo,
  });
  await refreshSearchText(tx, eq(complaints.id, id), dueAt ? { dueAt } : {});
  await appendTimeline(tx, caller, id, [
    {
      type: "created",
      data: {
        number,
        kind: body.kind,
        channel: body.channel,
        source: body.source,
        flags: [...flags],
      },
    },
    ...(owner
      ? [
          {
            type: "assigned",
            data: {
              ownerId: owner.id,
              ownerAgentNo: owner.agentNo,
              ownerName: owner.displayName,
              previousOwnerId: null,
            },
          },
        ]
      : []),
  ]);
  return id;
}

async function resolveCustomer(tx: Tx, body: CreateComplaintBody) {
  if (body.customer) return findOrCreateCustomer(tx, body.customer);
  const [found] = await tx.select().from(customers).where(eq(customers.id, body.customerId!));
  if (!found) throw invalidReference("customer");
  return found;
}

async function hasRecentComplaint(tx: Tx, customerId: string): Promise<boolean> {
  const [row] = await tx
    .select({ n: count() })
    .from(complaints)
    .where(
      and(
        eq(complaints.customerId, customerId),
        gt(complaints.createdAt, sql`now() - make_interval(days => ${REPEAT_WINDOW_DAYS})`),
      ),
    );
  return (row?.n ?? 0) > 0;
}

/**
 * KS + the day + a serial of at least six digits. Padded, never cut: `lpad` also truncates, and
 * past the millionth complaint every number would have repeated one already given.
 */
const complaintNumber = (
  timeZone: string,
) => sql`'KS' || to_char(now() at time zone ${timeZone}, 'YYYYMMDD')
  || '-' || (select lpad(n, greatest(6, length(n)), '0')
             from (select nextval('complaint_number_seq')::text as n) serial)`;
