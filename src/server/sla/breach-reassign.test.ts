import { describe, expect, it } from "vitest";
import { makeComplaint, type Staff } from "../../test/factories.js";
import { HOUR, later, sweepAt } from "../../test/sweep-at.js";
import type { Complaint, NotificationList } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => {
  const team = await w.department({ name: "信用卡客服组" });
  const teamAgent = await w.staff("agent", { departmentId: team.id });
  const loneAgent = await w.staff("agent");
  // Agent numbers fix the tie-break order: the team lead first, then A, then B.
  const teamLead = await w.staff("supervisor", { departmentId: team.id, agentNo: "9001" });
  const supervisorA = await w.staff("supervisor", { agentNo: "9002" });
  const supervisorB = await w.staff("supervisor", { agentNo: "9003" });
  // Billing cases: reply within 2 hours, and a missed reply goes to a supervisor.
  await w.server.db.$client.query(
    `insert into sla_policies (id, name, sort_order, match, targets, warn_at_share, actions_on_breach)
     values ('test-reassign', '账务 2 小时', 1, '{"categories":["billing"]}',
       '{"customerReply":{"amount":2,"unit":"hours"}}', null, '["reassign_to_supervisor"]')`,
  );
  return { teamAgent, loneAgent, teamLead, supervisorA, supervisorB };
});

const detail = async (id: string) => (await world.admin.get(`/complaints/${id}`)).body;
const eventsOf = (body: Complaint, type: string) => body.timeline.filter((e) => e.type === type);
type DigestLine = { complaintId: string; type: string };
/** What a person's bell says of a case: its own entries, and the digests that list it. */
const bellTypes = async (person: Staff, complaintId: string) =>
  (await person.client.get<NotificationList>("/notifications")).body.items
    .flatMap((n) =>
      n.type === "sla_digest"
        ? (n.data.cases as DigestLine[])
            .filter((c) => c.complaintId === complaintId)
            .map((c) => `digest:${c.type}`)
        : n.complaintId === complaintId
          ? [n.type]
          : [],
    )
    .sort();

describe("reassign_to_supervisor on a missed deadline", () => {
  it("hands the case to the owner's own team lead, records it, and tells the old and new owner", async () => {
    const c = await makeComplaint(world.teamAgent.client, {
      ownerId: world.teamAgent.user.id,
      category: "billing",
    });
    await sweepAt(world.server.db, later(HOUR));
    expect((await detail(c.id)).owner.id).toBe(world.teamAgent.user.id); // not yet due

    await sweepAt(world.server.db, later(3 * HOUR));
    const after = await detail(c.id);
    expect(after.owner).toMatchObject({ id: world.teamLead.user.id, agentNo: "9001" });
    expect(after.version).toBe(c.version + 1);
    const [moved, ...more] = eventsOf(after, "sla_reassigned");
    expect(more).toEqual([]);
    expect(moved).toMatchObject({
      customerVisible: false,
      actor: { id: null, agentNo: null },
      data: {
        from: { id: world.teamAgent.user.id, agentNo: world.teamAgent.user.agentNo },
        to: { id: world.teamLead.user.id, agentNo: "9001", name: world.teamLead.user.displayName },
        clock: "customerReply",
        reason: "sla_breached",
      },
    });
    // The breach comes first, then what it caused.
    const types = (after as Complaint).timeline.map((e) => e.type);
    expect(types.indexOf("sla_breached")).toBeLessThan(types.indexOf("sla_reassigned"));
    expect(await bellTypes(world.teamAgent, c.id)).toEqual(["sla_breached", "sla_reassigned"]);
    expect(await bellTypes(world.teamLead, c.id)).toEqual([
      "digest:sla_breached",
      "sla_reassigned",
    ]);
    // Other supervisors hear of the breach in the digest, not of a reassignment not theirs.
    expect(await bellTypes(world.supervisorB, c.id)).toEqual(["digest:sla_breached"]);

    await sweepAt(world.server.db, later(6 * HOUR)); // nothing fires twice
    const final = await detail(c.id);
    expect(eventsOf(final, "sla_breached")).toHaveLength(1);
    expect(eventsOf(final, "sla_reassigned")).toHaveLength(1);
    expect(final.owner.id).toBe(world.teamLead.user.id);
  });

  it("without a team lead, picks the supervisor with the fewest open cases", async () => {
    // The team lead and A each own an open case; B owns none.
    await makeComplaint(world.teamLead.client, { ownerId: world.teamLead.user.id });
    await makeComplaint(world.supervisorA.client, { ownerId: world.supervisorA.user.id });
    const c = await makeComplaint(world.loneAgent.client, {
      ownerId: world.loneAgent.user.id,
      category: "billing",
    });
    await sweepAt(world.server.db, later(3 * HOUR));
    const after = await detail(c.id);
    expect(after.owner.id).toBe(world.supervisorB.user.id);
    expect(eventsOf(after, "sla_reassigned")[0]?.data).toMatchObject({
      from: { id: world.loneAgent.user.id },
      to: { id: world.supervisorB.user.id },
    });
    expect(await bellTypes(world.loneAgent, c.id)).toEqual(["sla_breached", "sla_reassigned"]);
  });

  it("gives an unowned case an owner, which moves it from received to assigned", async () => {
    const c = await makeComplaint(world.loneAgent.client, { category: "billing" });
    expect(c.status).toBe("received");
    await sweepAt(world.server.db, later(3 * HOUR));
    const after = await detail(c.id);
    expect(after.status).toBe("assigned");
    expect([
      world.teamLead.user.id,
      world.supervisorA.user.id,
      world.supervisorB.user.id,
    ]).toContain(after.owner.id);
    expect(eventsOf(after, "sla_reassigned")[0]?.data).toMatchObject({
      from: null,
      to: { id: after.owner.id },
    });
  });

  it("leaves a case a supervisor already owns with them", async () => {
    const c = await makeComplaint(world.supervisorA.client, {
      ownerId: world.supervisorA.user.id,
      category: "billing",
    });
    await sweepAt(world.server.db, later(3 * HOUR));
    const after = await detail(c.id);
    expect(eventsOf(after, "sla_breached")).toHaveLength(1);
    expect(eventsOf(after, "sla_reassigned")).toEqual([]);
    expect(after.owner.id).toBe(world.supervisorA.user.id);
  });

  it("leaves cases alone whose policy does not ask for it", async () => {
    const c = await makeComplaint(world.loneAgent.client, { ownerId: world.loneAgent.user.id });
    await sweepAt(world.server.db, later(16 * 24 * HOUR)); // the bank policy: raise severity, add the supervisor
    const after = await detail(c.id);
    expect(eventsOf(after, "sla_breached")).toHaveLength(1);
    expect(eventsOf(after, "sla_reassigned")).toEqual([]);
    expect(after.owner.id).toBe(world.loneAgent.user.id);
  });
});
