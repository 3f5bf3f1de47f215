import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { complaintStatuses } from "../../src/domain/complaint/complaint-lifecycle.js";
import { ApiClient } from "../../src/test/api-client.js";
import { startTestServer, type TestServer } from "../../src/test/test-server.js";
import type { Complaint } from "../../src/test/wire.js";
import { BENCH_PASSWORD, type GenerateReport, generateData } from "./generate-data.js";

const now = new Date("2026-11-23T04:00:00Z");
let first: TestServer;
let second: TestServer;
let report: GenerateReport;

const load = (server: TestServer) =>
  generateData(server.db.$client, { complaints: 600, seed: 7, now, batchSize: 250 });

beforeAll(async () => {
  first = await startTestServer();
  report = await load(first);
}, 120_000);
afterAll(async () => {
  await first.close();
  await second?.close();
});

const rows = async (server: TestServer, sql: string): Promise<any[]> =>
  (await server.db.$client.query(sql)).rows;

describe("the bench data generator", () => {
  it("loads complaints in every lifecycle state, with returning customers, over the last year", async () => {
    expect(report.complaints).toBe(600);
    const [counts] = await rows(
      first,
      "select count(*)::int as n, count(distinct customer_id)::int as customers, min(received_at) as oldest, max(received_at) as newest from complaints",
    );
    expect(counts.n).toBe(600);
    expect(counts.customers).toBe(report.customers);
    expect(counts.customers).toBeLessThan(500); // many customers come back
    const age = now.getTime() - new Date(counts.oldest).getTime();
    expect(age).toBeGreaterThan(350 * 86_400_000);
    expect(age).toBeLessThanOrEqual(365 * 86_400_000);
    const statuses = (await rows(first, "select distinct status from complaints")).map(
      (r) => r.status,
    );
    expect(statuses.sort()).toEqual([...complaintStatuses].sort());
    const [events] = await rows(first, "select count(*)::int as n from timeline_events");
    expect(events.n).toBe(report.events);
    expect(report.events / report.complaints).toBeGreaterThan(4);
  });

  it("keeps every timeline in time order and starts each with the intake", async () => {
    const outOfOrder = await rows(
      first,
      "select complaint_id from (select complaint_id, at < lag(at) over (partition by complaint_id order by id) as back from timeline_events) t where back",
    );
    expect(outOfOrder).toEqual([]);
    const firsts = await rows(
      first,
      "select distinct on (complaint_id) type from timeline_events order by complaint_id, id",
    );
    expect(new Set(firsts.map((r) => r.type))).toEqual(new Set(["created"]));
  });

  it("rebuilds the indexes it dropped for the load", async () => {
    const indexes = (
      await rows(first, "select indexname from pg_indexes where tablename = 'complaints'")
    ).map((r) => r.indexname);
    expect(indexes).toEqual(
      expect.arrayContaining([
        "complaints_created_idx",
        "complaints_status_idx",
        "complaints_customer_idx",
        "complaints_owner_idx",
      ]),
    );
  });

  it("produces data the API serves: a returning customer's whole history and a case's timeline", async () => {
    const agent = new ApiClient(first.api);
    expect(
      (await agent.post("/session", { username: "bench-agent1", password: BENCH_PASSWORD })).status,
    ).toBe(200);
    const [returning] = await rows(
      first,
      "select c.phone from customers c join complaints k on k.customer_id = c.id group by c.phone having count(*) > 2 limit 1",
    );
    const lookup = await agent.get(`/customers?phone=${returning.phone}`);
    expect(lookup.body.items[0].repeat).toBe(true);
    expect(lookup.body.items[0].complaints.length).toBeGreaterThan(2);
    const [closed] = await rows(first, "select id from complaints where status = 'closed' limit 1");
    const detail = await agent.get<Complaint>(`/complaints/${closed.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.timeline.at(-1)?.type).toBe("closed");
    expect(detail.body.timeline.every((e) => /^\d{5}$/.test(e.actor.agentNo ?? ""))).toBe(true);
  });

  it("is reproducible from its seed", async () => {
    second = await startTestServer();
    await load(second);
    const sample = "select number, subject, status from complaints order by number limit 50";
    expect(await rows(second, sample)).toEqual(await rows(first, sample));
  });

  it("refuses to load twice into the same database", async () => {
    await expect(load(first)).rejects.toThrow(/already holds generated bench data/);
  });
});
