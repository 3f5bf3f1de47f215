import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../../test/api-client.js";
import {
  makeComplaint,
  makeDepartment,
  makeStaff,
  type Staff,
  signedInAdmin,
} from "../../test/factories.js";
import { HOUR, later, sweepAt } from "../../test/sweep-at.js";
import { startTestServer, type TestServer } from "../../test/test-server.js";

let server: TestServer;
let admin: ApiClient;
let teamAgent: Staff;
let loneAgent: Staff;
let teamLead: Staff;
let supervisorA: Staff;
let supervisorB: Staff;

beforeAll(async () => {
  server = await startTestServer();
  admin = await signedInAdmin(server);
  const team = await makeDepartment(admin, { name: "信用卡客服组" });
  teamAgent = await makeStaff(admin, "agent", { departmentId: team.id });
  loneAgent = await makeStaff(admin, "agent");
  // Agent numbers fix the tie-break order: the team lead first, then A, then B.
  teamLead = await makeStaff(admin, "supervisor", { departmentId: team.id, agentNo: "9001" });
  supervisorA = await makeStaff(admin, "supervisor", { agentNo: "9002" });
  supervisorB = await makeStaff(admin, "supervisor", { agentNo: "9003" });
  // Billing cases: reply within 2 hours, and a missed reply goes to a supervisor.
  await server.db.$client.query(
    `insert into sla_policies (id, name, sort_order, match, targets, warn_at_share, actions_on_breach)
     values ('test-reassign', '账务 2 小时', 1, '{"categories":["billing"]}',
       '{"customerReply":{"amount":2,"unit":"hours"}}', null, '["reassign_to_supervisor"]')`,
  );
});
afterAll(() => server.close());

const detail = async (id: string) => (await admin.get(`/complaints/${id}`)).body;
const eventsOf = (body: any, type: string) => body.timeline.filter((e: any) => e.type === type);
/** What a person's bell says of a case: its own entries, and the digests that list it. */
const bellTypes = async (person: Staff, complaintId: string) =>
  (await person.client.get("/notifications")).body.items
    .flatMap((n: any) =>
      n.type === "sla_digest"
        ? n.data.cases
            .filter((c: any) => c.complaintId === complaintId)
            .map((c: any) => `digest:${c.type}`)
        : n.complaintId === complaintId
          ? [n.type]
          : [],
    )
    .sort();

describe("reassign_to_supervisor on a missed deadline", () => {
  it("hands the case to the owner's own team lead, records it, and tells the old and new owner", async () => {
    const c = await makeComplaint(teamAgent.client, {
      ownerId: teamAgent.user.id,
      category: "billing",
    });
    await sweepAt(server.db, later(HOUR));
    expect((await detail(c.id)).owner.id).toBe(teamAgent.user.id); // not yet due

    await sweepAt(server.db, later(3 * HOUR));
    const after = await detail(c.id);
    expect(after.owner).toMatchObject({ id: teamLead.user.id, agentNo: "9001" });
    expect(after.version).toBe(c.version + 1);
    const [moved, ...more] = eventsOf(after, "sla_reassigned");
    expect(more).toEqual([]);
    expect(moved).toMatchObject({
      customerVisible: false,
      actor: { id: null, agentNo: null },
      data: {
        from: { id: teamAgent.user.id, agentNo: teamAgent.user.agentNo },
        to: { id: teamLead.user.id, agentNo: "9001", name: teamLead.user.displayName },
        clock: "customerReply",
        reason: "sla_breached",
      },
    });
    // The breach comes first, then what it caused.
    const types = after.timeline.map((e: any) => e.type);
    expect(types.indexOf("sla_breached")).toBeLessThan(types.indexOf("sla_reassigned"));
    expect(await bellTypes(teamAgent, c.id)).toEqual(["sla_breached", "sla_reassigned"]);
    expect(await bellTypes(teamLead, c.id)).toEqual(["digest:sla_breached", "sla_reassigned"]);
    // Other supervisors hear of the breach in the digest, not of a reassignment not theirs.
    expect(await bellTypes(supervisorB, c.id)).toEqual(["digest:sla_breached"]);

    await sweepAt(server.db, later(6 * HOUR)); // nothing fires twice
    const final = await detail(c.id);
    expect(eventsOf(final, "sla_breached")).toHaveLength(1);
    expect(eventsOf(final, "sla_reassigned")).toHaveLength(1);
    expect(final.owner.id).toBe(teamLead.user.id);
  });

  it("without a team lead, picks the supervisor with the fewest open cases", async () => {
    // The team lead and A each own an open case; B owns none.
    await makeComplaint(teamLead.client, { ownerId: teamLead.user.id });
    await makeComplaint(supervisorA.client, { ownerId: supervisorA.user.id });
    const c = await makeComplaint(loneAgent.client, {
      ownerId: loneAgent.user.id,
      category: "billing",
    });
    await sweepAt(server.db, later(3 * HOUR));
    const after = await detail(c.id);
    expect(after.owner.id).toBe(supervisorB.user.id);
    expect(eventsOf(after, "sla_reassigned")[0].data).toMatchObject({
      from: { id: loneAgent.user.id },
      to: { id: supervisorB.user.id },
    });
    expect(await bellTypes(loneAgent, c.id)).toEqual(["sla_breached", "sla_reassigned"]);
  });

  it("gives an unowned case an owner, which moves it from received to assigned", async () => {
    const c = await makeComplaint(loneAgent.client, { category: "billing" });
    expect(c.status).toBe("received");
    await sweepAt(server.db, later(3 * HOUR));
    const after = await detail(c.id);
    expect(after.status).toBe("assigned");
    expect([teamLead.user.id, supervisorA.user.id, supervisorB.user.id]).toContain(after.owner.id);
    expect(eventsOf(after, "sla_reassigned")[0].data).toMatchObject({
      from: null,
      to: { id: after.owner.id },
    });
  });

  it("leaves a case a supervisor already owns with them", async () => {
    const c = await makeComplaint(supervisorA.client, {
      ownerId: supervisorA.user.id,
      category: "billing",
    });
    await sweepAt(server.db, later(3 * HOUR));
    const after = await detail(c.id);
    expect(eventsOf(after, "sla_breached")).toHaveLength(1);
    expect(eventsOf(after, "sla_reassigned")).toEqual([]);
    expect(after.owner.id).toBe(supervisorA.user.id);
  });

  it("leaves cases alone whose policy does not ask for it", async () => {
    const c = await makeComplaint(loneAgent.client, { ownerId: loneAgent.user.id });
    await sweepAt(server.db, later(16 * 24 * HOUR)); // the bank policy: raise severity, add the supervisor
    const after = await detail(c.id);
    expect(eventsOf(after, "sla_breached")).toHaveLength(1);
    expect(eventsOf(after, "sla_reassigned")).toEqual([]);
    expect(after.owner.id).toBe(loneAgent.user.id);
  });
});
