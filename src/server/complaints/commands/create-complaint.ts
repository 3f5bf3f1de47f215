import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Database, Tx } from "../../../db/client.js";
import { rowToJson } from "../../../db/json-rows.js";
import { preparedStatement } from "../../../db/prepared.js";
import {
  complaints,
  complaintWatchers,
  contacts,
  customers,
  idempotencyKeys,
  routingQueue,
  slaClocks,
} from "../../../db/schema.js";
import type { ComplaintFlag } from "../../../domain/complaint/case-attributes.js";
import { initialDueAt } from "../../../domain/complaint/initial-due-date.js";
import { fenFromYuan } from "../../../domain/remedy/money.js";
import { plannedClocks, policyClockStarts } from "../../../domain/sla/clock-plan.js";
import { judgeRisk } from "../../case/case-risk.js";
import { eventJson, eventWrites } from "../../case/timeline.js";
import {
  type Acknowledgement,
  acknowledge,
  acknowledges,
} from "../../customer-messages/tell-customer.js";
import { AppError, forbidden } from "../../http/app-error.js";
import type { Acting, Caller } from "../../http/app-types.js";
import { policyFacts, replyDueAt } from "../../sla/clock-effects.js";
import { loadComplaintDetail } from "../complaint.presenter.js";
import { type CreateComplaintBody, complaintSchema } from "../complaint.schemas.js";
import { intakePlan } from "./intake-plan.js";

/**
 * Creates the complaint, its customer on first contact, its clocks, the intake contact and its
 * timeline in one statement, its escalation risk scored with it. With an Idempotency-Key the
 * first answer is stored in the same transaction and returned on retry; the 受理回执 is written in
 * that transaction too, so a case is never opened without it. With neither the statement is its
 * own transaction.
 */
export async function createComplaint(
  { db, caller, clock, timezone }: Acting & { timezone: string },
  body: CreateComplaintBody,
  idempotencyKey?: string,
  acknowledgement?: Acknowledgement,
): Promise<unknown> {
  const told = acknowledgement && acknowledges(acknowledgement) ? acknowledgement : null;
  if (!idempotencyKey && !told)
    return answer(db, caller, await insertComplaint(db, caller, timezone, body, clock.now()));
  return db.transaction(async (tx) => {
    const requestHash = createHash("sha256").update(JSON.stringify(body)).digest("hex");
    const earlier = idempotencyKey ? await earlierAnswer(tx, caller.id, idempotencyKey) : null;
    if (earlier) {
      if (earlier.requestHash !== requestHash) throw new AppError("idempotency_key_reused");
      return earlier.response;
    }
    const id = await insertComplaint(tx, caller, timezone, body, clock.now());
    if (told) await acknowledge(tx, caller, id, told);
    const detail = await answer(tx, caller, id);
    if (idempotencyKey)
      await tx.insert(idempotencyKeys).values({
        userId: caller.id,
        key: idempotencyKey,
        requestHash,
        statusCode: 201,
        response: detail,
      });
    return detail;
  });
}

/** Shaped by the response schema once, so the first answer and every retry are the same JSON. */
async function answer(db: Database | Tx, caller: Caller, id: string) {
  return JSON.parse(
    JSON.stringify(complaintSchema.parse(await loadComplaintDetail(db, id, caller))),
  );
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

const CLOCKS = ["firstResponse", "customerReply", "resolution"] as const;

/** The channel of a complaint a department heard and handed over (部门转交, migration 0026). */
export const DEPARTMENT_CHANNEL = "department";

/**
 * Plans the case in memory after one read (clocks and due date included), then writes it; the
 * transfer import calls it for each row inside its own transaction.
 */
export async function insertComplaint(
  db: Database | Tx,
  caller: Caller,
  timezone: string,
  body: CreateComplaintBody,
  receivedAt: Date,
): Promise<string> {
  const handedOver = caller.role === "department_handler";
  if (handedOver) {
    // They hear the customer but may not look customers up, and the center decides who owns it.
    if (body.customerId || body.ownerId) throw forbidden();
    // Seed 001: a department hands the complaint to the center, which owns and answers it.
    body = { ...body, channel: DEPARTMENT_CHANNEL };
  }
  const plan = await intakePlan(db, caller, body);
  const transfer = body.source.type === "transfer" ? body.source : null;
  const flags = new Set<ComplaintFlag>(body.flags ?? []);
  if (transfer) flags.add("upper_level_transfer");
  const complaint = {
    kind: body.kind,
    channel: body.channel,
    sourceType: body.source.type,
    sourceHotline: transfer?.hotline ?? null,
    sourceExternalNo: transfer?.externalNo ?? null,
    sourceExternalDueAt: transfer?.externalDueAt ?? null,
    customerId: body.customerId,
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
    // The repeat flag is the statement's to add: it sees the customer's earlier cases.
    flags: [...flags],
    ownerId: plan.owner?.id ?? null,
    status: plan.owner ? ("assigned" as const) : ("received" as const),
    receivedAt,
    createdById: caller.id,
  };
  // The statutory clocks start at receipt; the reply deadline they set is the case's due date.
  const starts = policyClockStarts(plan.policies, policyFacts(complaint), CLOCKS);
  const clocks = plannedClocks(plan.calendar, receivedAt, starts);
  const dueAt = replyDueAt(clocks) ?? initialDueAt(body.kind, receivedAt, transfer?.externalDueAt);
  // Scored here, from what intake knows and its one read, so the case is written once with it.
  const judged = judgeRisk(
    "",
    complaint,
    {
      text: [body.subject, body.description, body.demand].filter(Boolean).join(" "),
      upperLevelTransfer: flags.has("upper_level_transfer"),
      reopenCount: 0,
      dissatisfiedFollowUps: Number(plan.risk.dissatisfied),
      // The intake itself is the first contact.
      contactsLast30Days: 1,
      overdueClocks: 0,
      extended: false,
      demandFen: body.demandAmount ? fenFromYuan(String(body.demandAmount)) : null,
      authorityFen: plan.risk.authorityFen === null ? null : Number(plan.risk.authorityFen),
      mentality: body.mentality ?? null,
    },
    plan.risk,
  );
  const entries = [
    // The statement adds the number and the flags it settled on.
    {
      type: "created",
      data: {
        kind: body.kind,
        channel: body.channel,
        source: body.source,
        ...(handedOver && { origin: { departmentId: caller.departmentId } }),
      },
    },
    ...(plan.owner
      ? [
          {
            type: "assigned",
            data: {
              ownerId: plan.owner.id,
              ownerAgentNo: plan.owner.agentNo,
              ownerName: plan.owner.displayName,
              previousOwnerId: null,
            },
          },
        ]
      : []),
  ];
  const json = (value: unknown) => JSON.stringify(value);
  const { rows } = await createStatement(db).execute({
    complaint: json(
      rowToJson(complaints, {
        ...complaint,
        dueAt,
        severity: judged.severity,
        riskLevel: judged.risk.level,
        riskScore: judged.risk.score,
        riskReasons: judged.risk.reasons,
      }),
    ),
    customer: body.customer
      ? json(
          rowToJson(customers, {
            ...body.customer,
            phone: plan.phone,
            idNumber: body.customer.idNumber?.toUpperCase(),
          }),
        )
      : null,
    events: json([
      ...entries.map((e) => eventJson({ ...e, actor: caller, customerVisible: false })),
      ...(judged.raised ? [eventJson({ ...judged.raised, complaintId: undefined })] : []),
    ]),
    timeZone: timezone,
    groupId: plan.group?.id ?? null,
    // The handler who handed it over follows it (masked as their role sees it) and hears of its reply.
    watcherId: handedOver ? caller.id : null,
    clocks: json(clocks.map((clock) => rowToJson(slaClocks, clock))),
    // The intake itself is the customer's first contact on this case.
    contact: json(
      rowToJson(contacts, {
        direction: "inbound",
        channel: body.channel,
        summary: body.subject,
        agentId: caller.id,
        agentNo: caller.agentNo,
        callId: body.callId ?? null,
      }),
    ),
  });
  return rows[0]!.id as string;
}

const value = (name: string) => sql`${sql.placeholder(name)}::jsonb`;

/**
 * The case in one statement: kesu_create_complaint (migration 0018) writes what must follow in
 * order (customer, repeat check, number, row, search text); its clocks, contact and timeline
 * (with webhooks and watchers, as every event is recorded) and its place in a skill group's
 * queue when nobody keeps it go beside it in the same WITH.
 */
const createStatement = preparedStatement(
  "create_complaint",
  sql`with created as (
    select * from kesu_create_complaint(${value("complaint")}, ${value("customer")},
                                        ${value("events")}, ${sql.placeholder("timeZone")})),
  clocks as (
    insert into ${slaClocks} (complaint_id, work_order_id, callback_id, name, policy_id,
                              started_at, target, due_at, warn_at_share, next_event_at)
    select created.new_id, k.work_order_id, k.callback_id, k.name, k.policy_id,
           k.started_at, k.target, k.due_at, k.warn_at_share, k.next_event_at
    from created, jsonb_populate_recordset(null::sla_clocks, ${value("clocks")}) k),
  contact as (
    insert into ${contacts} (customer_id, complaint_id, direction, channel, summary, agent_id,
                             agent_no, call_id)
    select created.new_customer_id, created.new_id, k.direction, k.channel, k.summary, k.agent_id,
           k.agent_no, k.call_id
    from created, jsonb_populate_record(null::contacts, ${value("contact")}) k),
  queued as (
    insert into ${routingQueue} (complaint_id, group_id)
    select created.new_id, ${sql.placeholder("groupId")}::uuid
    from created where ${sql.placeholder("groupId")}::uuid is not null),
  watcher as (
    insert into ${complaintWatchers} (complaint_id, user_id, reason)
    select created.new_id, ${sql.placeholder("watcherId")}::uuid, 'logged'
    from created where ${sql.placeholder("watcherId")}::uuid is not null),
  ${sql.join(eventWrites(sql`(select new_events from created)`), sql`, `)}
  select new_id as id from created`,
);
