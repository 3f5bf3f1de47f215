import type { DemoCustomer } from "../../src/demo/demo-plan.js";
import {
  caseVars,
  coHandlerResults,
  redressRoutes,
  type Theme,
  themes,
} from "../../src/demo/demo-themes.js";
import { fill, type Random } from "../../src/demo/seeded-random.js";
import type { ComplaintFlag } from "../../src/domain/complaint/case-attributes.js";
import type {
  ComplaintKind,
  ComplaintStatus,
  Satisfaction,
} from "../../src/domain/complaint/complaint-lifecycle.js";
import { initialDueAt } from "../../src/domain/complaint/initial-due-date.js";
import type { Responsibility } from "../../src/domain/complaint/work-order-lifecycle.js";
import type { World, WorldStaff } from "./bulk-world.js";
import { CasePath, type ComplaintRow } from "./case-path.js";
import { randomUuid } from "./random-uuid.js";

const DAY = 86_400_000;
/** Generated history spans the last 12 months, in the intake rhythm (src/demo/intake-rhythm.ts). */
export const HISTORY_DAYS = 365;

/** A customer as the generator keeps them: their id and their latest case on record. */
export interface KnownCustomer extends DemoCustomer {
  id: string;
  latest?: { id: string; number: string; at: Date; lastEventAt: Date };
}

/** Hands out the customer for a complaint of a sector: a new one, or a returning one. */
export type CustomerSource = (sector: Theme["sector"]) => KnownCustomer;

export interface PlannedCase {
  complaint: ComplaintRow;
  path: CasePath;
}

/** Older cases are mostly finished; the last weeks hold the open work a queue shows. */
const recentTargets: readonly (readonly [ComplaintStatus, number])[] = [
  ["received", 8],
  ["assigned", 10],
  ["dispatched", 18],
  ["handled", 10],
  ["replied", 14],
  ["followed_up", 8],
  ["reopened", 5],
  ["closed", 20],
  ["withdrawn", 4],
  ["merged", 3],
];
const oldTargets: readonly (readonly [ComplaintStatus, number])[] = [
  ["closed", 80],
  ["withdrawn", 6],
  ["merged", 4],
  ["followed_up", 4],
  ["replied", 2],
  ["reopened", 2],
  ["handled", 1],
  ["dispatched", 1],
];
const kinds: readonly (readonly [ComplaintKind, number])[] = [
  ["complaint", 70],
  ["inquiry", 18],
  ["help", 6],
  ["report", 3],
  ["suggestion", 3],
];

const dateInShanghai = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" });
const complaintNumber = (at: Date, serial: number) =>
  `KS${dateInShanghai.format(at).replaceAll("-", "")}-${String(serial).padStart(6, "0")}`;

/** One complaint with everything that happened to it, consistent with the lifecycle rules. */
export function planComplaint(
  rng: Random,
  world: World,
  customers: CustomerSource,
  serial: number,
  receivedAt: Date,
  now: Date,
): PlannedCase {
  const theme = rng.pick(themes);
  const customer = customers(theme.sector);
  const vars = caseVars(rng);
  const story = rng.pick(theme.cases);
  const recent = now.getTime() - receivedAt.getTime() < 45 * DAY;
  let target = rng.weighted(recent ? recentTargets : oldTargets);
  const parent = customer.latest;
  if (target === "merged" && !parent) target = "withdrawn";
  const kind = rng.weighted(kinds);
  const id = randomUuid(rng);
  const intake = rng.pick(world.agents);
  const path = new CasePath(id, customer.id, kind, receivedAt, now);
  const number = complaintNumber(receivedAt, serial);
  const transfer = rng.chance(0.12)
    ? {
        hotline: rng.pick(theme.hotlines),
        externalNo: `${rng.int(2024, 2026)}${rng.int(100000, 999999)}`,
        dueInDays: rng.int(3, 15),
      }
    : null;
  const channel = transfer ? "upper_level" : rng.weighted(theme.channels);
  const flags = new Set<ComplaintFlag>();
  if (transfer) flags.add("upper_level_transfer");
  if (parent && receivedAt.getTime() - parent.at.getTime() < 90 * DAY) flags.add("repeat");

  path.event("created", intake, {
    number,
    kind,
    channel,
    source: transfer ? { type: "transfer", ...transfer } : { type: "direct" },
  });
  path.intakeContact(
    intake,
    "inbound",
    channel === "upper_level" ? "phone" : channel,
    fill(story.subject, vars),
  );
  const finding = walk(rng, world, theme, vars, path, intake, target, parent, flags);

  const sector = theme.sector;
  const closed =
    path.status === "closed" || path.status === "withdrawn" || path.status === "merged";
  const externalDueAt = transfer ? new Date(receivedAt.getTime() + transfer.dueInDays * DAY) : null;
  const complaint: ComplaintRow = {
    id,
    number,
    kind: path.kind,
    channel,
    sourceType: transfer ? "transfer" : "direct",
    sourceHotline: transfer?.hotline ?? null,
    sourceExternalNo: transfer?.externalNo ?? null,
    sourceExternalDueAt: externalDueAt,
    customerId: customer.id,
    subject: fill(kind === "inquiry" ? rng.pick(theme.inquiries) : story.subject, vars),
    description: fill(story.situation, vars),
    demand: fill(rng.pick(theme.demands), vars),
    demandAmount:
      theme.demandAmount && rng.chance(0.4) ? String(rng.int(...theme.demandAmount)) : null,
    category: theme.category,
    businessType: theme.businessType,
    causes: rng.sample(theme.causes, rng.int(1, 3)),
    severity: rng.weighted([
      ["low", 15],
      ["normal", 60],
      ["high", 20],
      ["critical", 5],
    ] as const),
    complainedEmployee:
      theme.complainedEmployees && rng.chance(0.3) ? rng.pick(theme.complainedEmployees) : null,
    flags: [...flags],
    ownerId: path.ownerId,
    status: path.status,
    version: path.version,
    reopenCount: path.reopenCount,
    escalationLevel: flags.has("escalated") ? 1 : 0,
    resolution: finding.reply,
    substantiated: finding.substantiated,
    responsibility: finding.responsibility,
    satisfaction: finding.satisfaction,
    closeReason:
      path.status === "closed"
        ? "resolved"
        : path.status === "withdrawn"
          ? "withdrawn"
          : path.status === "merged"
            ? "merged"
            : null,
    mergedIntoId: path.status === "merged" ? (parent?.id ?? null) : null,
    dueAt: initialDueAt(path.kind, receivedAt, externalDueAt),
    receivedAt,
    createdById: intake.id,
    createdAt: receivedAt,
    updatedAt: path.at,
    closedAt: closed ? path.at : null,
  };
  if (sector && finding.reply) complaint.resolution = `${finding.reply}${redressRoutes[sector]}`;
  customer.latest = { id, number, at: receivedAt, lastEventAt: path.at };
  return { complaint, path };
}

interface Finding {
  reply: string | null;
  substantiated: boolean | null;
  responsibility: Responsibility | null;
  satisfaction: Satisfaction | null;
}

/** The steps from intake to the target state, each one a command the server would accept. */
function walk(
  rng: Random,
  world: World,
  theme: Theme,
  vars: Record<string, string | number>,
  path: CasePath,
  intake: WorldStaff,
  target: ComplaintStatus,
  parent: KnownCustomer["latest"],
  flags: Set<string>,
): Finding {
  const finding: Finding = {
    reply: null,
    substantiated: null,
    responsibility: null,
    satisfaction: null,
  };
  const reply = (by: WorldStaff) => {
    finding.reply = fill(rng.pick(theme.replies), vars);
    path.wait(rng.int(30, 4 * 1440)).command("reply", by, "replied", {
      message: finding.reply,
      remedy: rng.pick(theme.remedies),
    });
  };
  const followUp = (satisfied: boolean) => {
    const by = rng.pick(world.quality);
    finding.satisfaction = satisfied
      ? rng.weighted([
          ["satisfied", 3],
          ["basically_satisfied", 1],
        ] as const)
      : "dissatisfied";
    path
      .wait(rng.int(1440, 3 * 1440))
      .command(
        "follow-up",
        by,
        "followed_up",
        { satisfaction: finding.satisfaction },
        finding.satisfaction as "satisfied",
      );
    if (!satisfied) {
      path.reopenCount++;
      path.event("reopened", by, {
        reason: "follow_up_dissatisfied",
        reopenCount: path.reopenCount,
      });
    }
  };

  // Inquiries are mostly answered on the spot; some become complaints on the same case.
  if (path.kind === "inquiry" && rng.chance(0.15) && target !== "merged") {
    path.ownerId = intake.id;
    path
      .wait(rng.int(5, 600))
      .command("upgrade", intake, "upgraded", { from: "inquiry", to: "complaint" });
    path.kind = "complaint";
  }
  if (target === "received") return finding;
  if (target === "merged") {
    path
      .wait(rng.int(5, 240))
      .command("merge", intake, "merged", { intoId: parent!.id, intoNumber: parent!.number });
    // On the parent's timeline, after everything already there (timelines read in insertion order).
    const at = new Date(Math.max(path.at.getTime(), parent!.lastEventAt.getTime() + 1000));
    path.events.push({
      ...path.events.at(-1)!,
      at,
      complaintId: parent!.id,
      type: "merge_received",
      data: { fromId: path.complaintId, by: intake.agentNo },
    });
    flags.add("merged");
    return finding;
  }
  const owner = rng.chance(0.6) ? intake : rng.pick(world.specialists);
  path.ownerId = owner.id;
  path.wait(rng.int(1, 120)).command("assign", owner, "assigned", {
    ownerId: owner.id,
    ownerAgentNo: owner.agentNo,
    ownerName: owner.displayName,
  });
  if (rng.chance(0.2)) {
    const kept = target === "assigned" ? null : rng.int(30, 1200);
    path.wait(rng.int(5, 60)).promiseCallback(owner, new Date(path.at.getTime() + DAY), kept);
  }
  if (rng.chance(0.05)) {
    path.wait(rng.int(30, 600)).command("escalate", rng.pick(world.supervisors), "escalated", {
      reason: "客户情绪激动，声称将向监管部门投诉",
      level: 1,
    });
    flags.add("escalated");
  }
  if (target === "assigned") return finding;
  if (target === "withdrawn") {
    path
      .wait(rng.int(60, 2880))
      .command("withdraw", owner, "withdrawn", { reason: "客户表示问题已自行解决，撤回投诉" });
    return finding;
  }
  const answeredOnTheSpot = path.kind !== "complaint" && rng.chance(0.7);
  if (!answeredOnTheSpot)
    dispatchRound(rng, world, theme, vars, path, owner, target === "dispatched", finding);
  if (target === "dispatched" || target === "handled") return finding;
  reply(owner);
  if (target === "replied") return finding;
  // 重办: a dissatisfied customer sends the case round again before it can close.
  const secondRound = target === "reopened" || (target !== "followed_up" && rng.chance(0.08));
  followUp(!secondRound);
  if (target === "reopened") return finding;
  if (secondRound) {
    path
      .wait(rng.int(60, 1440))
      .contact(owner, "outbound", "phone", "主动回访客户，再次致歉并说明整改措施");
    reply(owner);
    followUp(true);
  }
  if (target === "followed_up") return finding;
  path.wait(rng.int(10, 1440)).command("close", owner, "closed", { reason: "resolved" });
  return finding;
}

/** 派单: sometimes first to the wrong department, which returns it (退单), then to the right ones. */
function dispatchRound(
  rng: Random,
  world: World,
  theme: Theme,
  vars: Record<string, string | number>,
  path: CasePath,
  owner: WorldStaff,
  stopBeforeResults: boolean,
  finding: Finding,
) {
  const department = (code: string) => world.byCode.get(code.replace(/^demo-/, "bench-"))!;
  const handlerOf = (departmentId: string) => rng.pick(world.handlers.get(departmentId)!);
  const send = (codes: string[]) => {
    const orders = codes.map((code, i) => ({
      id: randomUuid(rng),
      complaintId: path.complaintId,
      departmentId: department(code).id,
      lead: i === 0,
      round: path.reopenCount,
      status: "pending" as const,
      dispatchedById: owner.id,
      dispatchedAt: path.at,
    }));
    path.workOrders.push(...orders);
    path.command("dispatch", owner, "dispatched", {
      departments: orders.map((o, i) => ({
        departmentId: o.departmentId,
        code: codes[i],
        lead: o.lead,
      })),
    });
    return orders;
  };
  if (rng.chance(0.12)) {
    const [wrong] = send([theme.misrouted.code]);
    path
      .wait(rng.int(30, 2880))
      .workOrderStep(
        wrong!,
        "return",
        handlerOf(wrong!.departmentId),
        { returnReason: theme.misrouted.reason },
        { reason: theme.misrouted.reason },
      );
  }
  path.wait(rng.int(5, 240));
  const orders = send([theme.lead, ...rng.sample(theme.coHandlers, rng.int(0, 1))]);
  for (const order of orders) {
    if (stopBeforeResults && rng.chance(0.5)) continue;
    const handler = handlerOf(order.departmentId);
    path
      .wait(rng.int(10, 1440))
      .workOrderStep(order, "accept", handler, { acceptedAt: path.at }, {});
    if (stopBeforeResults) continue;
    const result = order.lead
      ? fill(rng.pick(theme.cases).result, vars)
      : rng.pick(coHandlerResults);
    const responsibility = rng.weighted([
      ["company", 6],
      ["customer", 2],
      ["third_party", 1],
      ["undetermined", 1],
    ] as const);
    const substantiated = responsibility === "company";
    path
      .wait(rng.int(60, 5 * 1440))
      .workOrderStep(
        order,
        "result",
        handler,
        { result, substantiated, responsibility, completedAt: path.at },
        { result, substantiated, responsibility },
      );
    if (order.lead) Object.assign(finding, { substantiated, responsibility });
  }
}
