import { count, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  complaints,
  customers,
  qualityCaseComplaints,
  qualityCases,
  remedies,
  sessions,
  timelineEvents,
} from "../db/schema.js";
import { complaintStatuses } from "../domain/complaint/complaint-lifecycle.js";
import { AppError } from "../server/http/app-error.js";
import { ApiClient } from "../test/api-client.js";
import { startTestServer, type TestServer } from "../test/test-server.js";
import { DEMO_PASSWORD } from "./demo-staff.js";
import { type DemoResult, loadDemo } from "./load-demo.js";

let server: TestServer;
let result: DemoResult;

beforeAll(async () => {
  server = await startTestServer();
  result = await loadDemo(server.app, { complaints: 40, seed: 7 });
}, 120_000);
afterAll(() => server.close());

async function complaintOf(phone: string) {
  const [row] = await server.db
    .select({ complaint: complaints })
    .from(complaints)
    .innerJoin(customers, eq(customers.id, complaints.customerId))
    .where(eq(customers.phone, phone));
  return row!.complaint;
}

const eventsOf = (complaintId: string) =>
  server.db
    .select()
    .from(timelineEvents)
    .where(eq(timelineEvents.complaintId, complaintId))
    .orderBy(timelineEvents.id);

describe("kesu demo load", () => {
  it("leaves complaints in every lifecycle state", async () => {
    const rows = await server.db
      .select({ status: complaints.status, n: count() })
      .from(complaints)
      .groupBy(complaints.status);
    expect(rows.map((r) => r.status).sort()).toEqual([...complaintStatuses].sort());
    expect(rows.reduce((sum, r) => sum + r.n, 0)).toBe(40);
    expect(Object.values(result.byStatus).reduce((a, b) => a + b, 0)).toBe(40);
  });

  it("writes every timeline entry with the acting person's agent number", async () => {
    const [missing] = await server.db
      .select({ n: count() })
      .from(timelineEvents)
      .where(isNull(timelineEvents.actorAgentNo));
    expect(missing!.n).toBe(0);
    const [agentNos] = await server.db
      .select({ n: sql<number>`count(distinct ${timelineEvents.actorAgentNo})`.mapWith(Number) })
      .from(timelineEvents);
    expect(agentNos!.n).toBeGreaterThan(10);
  });

  it("tells seed 002 end to end: inquiry upgraded, 退单, dissatisfied visit, reopened, closed", async () => {
    const story = await complaintOf("13800100002");
    expect(story).toMatchObject({ kind: "complaint", status: "closed", reopenCount: 1 });
    // The agents' misconduct found by the owner: ours, substantiated (issue 13).
    expect(story).toMatchObject({ responsibility: "company", substantiated: true });
    expect(story.findingAt).not.toBeNull();
    const events = await eventsOf(story.id);
    const types = events.map((e) => e.type);
    for (const type of [
      "created",
      "callback_promised",
      "contact",
      "upgraded",
      "escalated",
      "dispatched",
      "work_order_returned",
      "work_order_result",
      "replied",
      "followed_up",
      "reopened",
      "closed",
    ])
      expect(types).toContain(type);
    // Three different agents took the customer's three calls, each recorded by agent number.
    expect(events[0]).toMatchObject({ type: "created", actorAgentNo: "1021" });
    const callers = events.filter((e) => e.type === "contact").map((e) => e.actorAgentNo);
    expect(callers).toEqual(expect.arrayContaining(["1022", "1023"]));
  });

  it("records the upper-level transfers of seeds 000 and 003 with numbers, deadlines and the ¥10000 demand", async () => {
    const atm = await complaintOf("13800100000");
    expect(atm).toMatchObject({ sourceType: "transfer", sourceHotline: "96169" });
    expect(atm.sourceExternalNo).toBe("96169-20260318-0042");
    expect(atm.sourceExternalDueAt).toBeInstanceOf(Date);
    const meter = await complaintOf("13800100003");
    expect(meter).toMatchObject({
      sourceHotline: "95598",
      demandAmount: "10000.00",
      mentality: "gain",
      status: "reopened",
    });
    expect(meter.flags).toContain("upper_level_transfer");
  });

  it("tells seed 003's recovery: ¥400 refunded on the spot, ¥10000 compensation rejected with a note, found ours", async () => {
    const meter = await complaintOf("13800100003");
    const given = await server.db
      .select()
      .from(remedies)
      .where(eq(remedies.complaintId, meter.id))
      .orderBy(remedies.createdAt);
    expect(given).toMatchObject([
      { type: "refund", amountFen: 40_000, status: "granted", approverRole: null },
      {
        type: "compensation",
        amountFen: 1_000_000,
        status: "rejected",
        approverRole: "supervisor",
      },
    ]);
    expect(given[1]!.decisionNote).toContain("不予支持");
    expect(meter).toMatchObject({ responsibility: "company", substantiated: true });
    expect(meter.findingAt).toBeInstanceOf(Date);
    // Seed 002: the agents' misconduct, found ours and substantiated before the case closed.
    const card = await complaintOf("13800100002");
    expect(card).toMatchObject({ responsibility: "company", substantiated: true });
    expect(card.findingAt).toBeInstanceOf(Date);
  });

  it("closes unvisited as 客户无法联系 only cases with three failed follow-up tries", async () => {
    const rows = await server.db.execute<{ tries: number }>(sql`
      select (select count(*)::int from contacts k
              where k.complaint_id = c.id and k.outcome = 'unreachable') as tries
      from complaints c where c.close_reason_code = 'customer_unreachable'`);
    expect(rows.rows.length).toBeGreaterThan(0);
    for (const row of rows.rows) expect(row.tries).toBeGreaterThanOrEqual(3);
  });

  it("gives repeat customers several complaints", async () => {
    const rows = await server.db
      .select({ customerId: complaints.customerId, n: count() })
      .from(complaints)
      .groupBy(complaints.customerId);
    expect(rows.some((r) => r.n >= 2)).toBe(true);
    const [repeats] = await server.db
      .select({ n: count() })
      .from(complaints)
      .where(sql`'repeat' = any(${complaints.flags})`);
    expect(repeats!.n).toBeGreaterThan(0);
  });

  it("lets every demo person sign in with the demo password and leaves no session of its own", async () => {
    const [left] = await server.db.select({ n: count() }).from(sessions);
    expect(left!.n).toBe(0);
    const client = new ApiClient(server.api);
    const res = await client.post("/session", { username: "agent1", password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ agentNo: "1021", role: "agent" });
    expect(result.staff.map((s) => s.role)).toEqual(
      expect.arrayContaining([
        "admin",
        "supervisor",
        "specialist",
        "agent",
        "quality",
        "department_handler",
      ]),
    );
  });

  it("spreads the cases over the last year, each step after its receipt and in order", async () => {
    const { rows } = await server.db.execute<Record<string, number>>(sql`
      select (extract(epoch from now() - min(received_at)) / 86400)::float8 as "oldestDays",
        (select count(*) from complaints where received_at < now() - interval '30 days')::int
          as "olderThanAMonth",
        (select count(*) from complaints
          where status not in ('closed', 'withdrawn', 'merged')
            and received_at < now() - interval '22 days')::int as "oldOpen",
        (select count(*) from timeline_events e join complaints c on c.id = e.complaint_id
          where e.at < c.received_at - interval '1 second' or e.at > now())::int as "outOfRange",
        (select count(*) from (select at < lag(at) over (partition by complaint_id order by id)
            as back from timeline_events) t where back)::int as "backwards",
        (select count(*) from work_orders w join complaints c on c.id = w.complaint_id
          where w.dispatched_at < c.received_at)::int as "dispatchedEarly",
        (select count(*) from complaints c where c.number not like
          'KS' || to_char(c.received_at at time zone 'Asia/Shanghai', 'YYYYMMDD') || '-%')::int
          as "numberNotOfItsDay"
      from complaints`);
    const r = rows[0]!;
    expect(r.oldestDays).toBeGreaterThan(200);
    expect(r.oldestDays).toBeLessThanOrEqual(366);
    // Finished cases lie anywhere in the year; the open ones (most of this small demo) are recent.
    expect(r.olderThanAMonth).toBeGreaterThan(5);
    // Open cases are recent, save a few a returning customer had open before a later, finished
    // one (a customer's cases keep their order): the backlog's old tail.
    expect(r.oldOpen).toBeLessThanOrEqual(4);
    expect(r).toMatchObject({
      outOfRange: 0,
      backwards: 0,
      dispatchedEarly: 0,
      numberNotOfItsDay: 0,
    });
  });

  it("holds two 8Ds over its product-quality complaints: one closed, one at D4", async () => {
    const admin = new ApiClient(server.api);
    await admin.post("/session", { username: "quality1", password: DEMO_PASSWORD });
    const all = (await admin.get("/quality-cases?status=all")).body.items;
    expect(
      all.map((c: { status: string; currentStep: string | null }) => [c.status, c.currentStep]),
    ).toEqual(
      expect.arrayContaining([
        ["closed", null],
        ["open", "d4"],
      ]),
    );
    const [cases] = await server.db.select({ n: count() }).from(qualityCases);
    expect(cases!.n).toBe(2);
    const linked = await server.db
      .select({ category: complaints.category })
      .from(qualityCaseComplaints)
      .innerJoin(complaints, eq(complaints.id, qualityCaseComplaints.complaintId));
    expect(linked.length).toBeGreaterThan(0);
    expect(new Set(linked.map((l) => l.category))).toEqual(new Set(["quality"]));
  });

  it("refuses to load a second time, changing nothing", async () => {
    const error = await loadDemo(server.app, { complaints: 20, seed: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).localized("en")).toMatch(/already loaded/);
    const [total] = await server.db.select({ n: count() }).from(complaints);
    expect(total!.n).toBe(40);
  });
});
