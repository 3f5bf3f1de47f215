import { afterAll, beforeAll, expect, it } from "vitest";
import { routeWaitingCases } from "../../jobs/route-cases.js";
import { ApiClient } from "../../test/api-client.js";
import { complaintInput, PASSWORD, type Staff } from "../../test/factories.js";
import { type SecondServer, startSecondServer } from "../../test/second-server.js";
import { setupWorld } from "../../test/world.js";

/**
 * Two kesu servers on one database: complaints arrive at both, and both servers' routing jobs
 * run at once, as they would behind a load balancer.
 */
const world = setupWorld(async (w) => {
  const agents: Staff[] = [];
  for (let i = 1; i <= 6; i++) agents.push(await w.staff("agent", { agentNo: `T${i}` }));
  return { cards: agents.slice(0, 4), loans: agents.slice(4) };
});

let second: SecondServer;

beforeAll(async () => {
  second = await startSecondServer(world.server.app.config);
});
afterAll(() => second?.close());

const sql = async (text: string, params: unknown[] = []): Promise<any[]> =>
  (await world.server.db.$client.query(text, params)).rows;

it("spreads a burst of 200 new complaints as each group's rule says, once, under the caps", async () => {
  const ids = (staff: Staff[]) => staff.map((s) => s.user.id);
  await world.admin.ok("POST", "/skill-groups", {
    name: "信用卡组",
    businessTypes: ["credit_card"],
    memberIds: ids(world.cards),
    rule: "round_robin",
    capPerPerson: 30,
  });
  await world.admin.ok("POST", "/skill-groups", {
    name: "贷款组",
    businessTypes: ["loan"],
    memberIds: ids(world.loans),
    rule: "least_loaded",
    capPerPerson: 40,
  });
  for (const agent of [...world.cards, ...world.loans])
    await agent.client.ok("PUT", "/me/duty", { state: "online" });

  const intake = new ApiClient(second.api);
  await intake.ok("POST", "/session", { username: "admin", password: PASSWORD });
  const clients = [world.admin, intake];
  const bodies = Array.from({ length: 200 }, (_, i) =>
    complaintInput(
      i < 140
        ? { businessType: "credit_card" }
        : { businessType: "loan", severity: i % 2 ? "critical" : "normal" },
    ),
  );
  // Both servers' routing jobs run all through the burst.
  let arriving = true;
  /** Cases each server says it gave: together they must be the cases given, none twice. */
  const given = [0, 0];
  const job = async (db: typeof world.server.db, server: 0 | 1) => {
    const run = async () => {
      const { claimed } = await routeWaitingCases(db, new Date(), 20);
      given[server]! += claimed;
      return claimed;
    };
    do await run();
    while (arriving);
    while ((await run()) > 0);
  };
  const jobs = [job(world.server.db, 0), job(second.app.db, 1)];
  for (let i = 0; i < bodies.length; i += 20) {
    await Promise.all(
      bodies.slice(i, i + 20).map((body, j) => clients[j % 2]!.ok("POST", "/complaints", body)),
    );
  }
  arriving = false;
  await Promise.all(jobs);

  // Never two owners: one routing event per case at most, and it names the owner the case has.
  const events = await sql(`select complaint_id, count(*)::int as n, max(data->>'ownerId') as owner
    from timeline_events where type = 'assigned' group by complaint_id`);
  expect(events.every((e) => e.n === 1)).toBe(true);
  expect(events).toHaveLength(180);
  expect(given[0]! + given[1]!).toBe(180);
  const owners = await sql(
    `select c.id, c.owner_id, c.business_type, c.severity from complaints c`,
  );
  for (const e of events)
    expect(owners.find((c) => c.id === e.complaint_id)?.owner_id).toBe(e.owner);

  const countOf = (userId: string) => owners.filter((c) => c.owner_id === userId).length;
  // Round-robin: 4 × 30 cases given in turn, 30 each; the other 20 wait at the cap.
  expect(world.cards.map((a) => countOf(a.user.id))).toEqual([30, 30, 30, 30]);
  const waiting = await sql(`select count(*)::int as n from routing_queue`);
  expect(waiting[0].n).toBe(20);
  // Least-loaded: all 60 given, under the cap of 40, severity-weighted loads within one case.
  const load = (userId: string) =>
    owners
      .filter((c) => c.owner_id === userId)
      .reduce((sum, c) => sum + (c.severity === "critical" ? 8 : 2), 0);
  const [a, b] = world.loans.map((s) => s.user.id) as [string, string];
  expect(countOf(a) + countOf(b)).toBe(60);
  expect(Math.max(countOf(a), countOf(b))).toBeLessThanOrEqual(40);
  expect(Math.abs(load(a) - load(b))).toBeLessThanOrEqual(8);
}, 120_000);
