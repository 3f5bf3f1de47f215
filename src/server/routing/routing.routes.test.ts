import { describe, expect, it } from "vitest";
import { complaintInput, makeComplaint } from "../../test/factories.js";
import type { Duty, Items, SkillGroup } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => ({
  agent: await w.staff("agent", { agentNo: "R100" }),
  other: await w.staff("agent", { agentNo: "R200" }),
  supervisor: await w.staff("supervisor"),
}));

const bell = async (client: typeof world.admin) =>
  (
    await client.ok<{ items: { type: string; complaintId: string | null }[] }>(
      "GET",
      "/notifications",
    )
  ).items;

describe("skill groups", () => {
  it("an admin keeps groups; supervisors read them; a name is unique", async () => {
    const made = await world.admin.ok<SkillGroup>("POST", "/skill-groups", {
      name: "高级组",
      sources: ["transfer"],
      memberIds: [world.other.user.id],
      rule: "least_loaded",
      capPerPerson: 5,
    });
    expect(made).toMatchObject({
      name: "高级组",
      sources: ["transfer"],
      categories: [],
      rule: "least_loaded",
      capPerPerson: 5,
      waiting: 0,
    });
    const edited = await world.admin.ok<SkillGroup>("PATCH", `/skill-groups/${made.id}`, {
      version: made.version,
      memberIds: [world.other.user.id, world.agent.user.id],
      severities: ["high", "critical"],
    });
    expect(edited.memberIds).toHaveLength(2);
    expect(edited.severities).toEqual(["high", "critical"]);
    const stale = await world.admin.patch(`/skill-groups/${made.id}`, {
      version: made.version,
      capPerPerson: 9,
    });
    expect(stale.status).toBe(409);
    const twice = await world.admin.post("/skill-groups", { name: "高级组" });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe("duplicate");
    const unknownCategory = await world.admin.post("/skill-groups", {
      name: "x",
      categories: ["nope"],
    });
    expect(unknownCategory.status).toBe(400);
    const list = await world.supervisor.client.ok<Items<SkillGroup>>("GET", "/skill-groups");
    expect(list.items.map((g) => g.name)).toContain("高级组");
  });
});

describe("a case nobody keeps", () => {
  it("waits in its group's queue while nobody is on duty and goes to the first who comes on", async () => {
    await world.admin.ok("POST", "/skill-groups", {
      name: "信用卡组",
      businessTypes: ["credit_card"],
      memberIds: [world.agent.user.id],
      capPerPerson: 10,
    });
    const waiting = await makeComplaint(world.admin, { businessType: "credit_card" });
    expect(waiting).toMatchObject({ ownerId: null, status: "received" });
    await world.agent.client.ok("PUT", "/me/duty", { state: "break" });
    expect((await world.admin.complaint(waiting.id)).ownerId).toBeNull();

    const duty = await world.agent.client.ok<Duty>("PUT", "/me/duty", { state: "online" });
    expect(duty.state).toBe("online");
    const assigned = await world.admin.complaint(waiting.id);
    expect(assigned).toMatchObject({ ownerId: world.agent.user.id, status: "assigned" });
    const event = assigned.timeline.find((e) => e.type === "assigned");
    expect(event?.data).toMatchObject({ ownerAgentNo: "R100", skillGroupName: "信用卡组" });
    expect(await bell(world.agent.client)).toContainEqual(
      expect.objectContaining({ type: "assigned", complaintId: waiting.id }),
    );
  });

  it("the intake agent may keep a case he resolves on the spot; ownerId as before", async () => {
    const kept = await makeComplaint(world.agent.client, {
      businessType: "credit_card",
      keepOwnership: true,
    });
    expect(kept).toMatchObject({ ownerId: world.agent.user.id, status: "assigned" });
    const named = await makeComplaint(world.agent.client, {
      businessType: "credit_card",
      ownerId: world.agent.user.id,
    });
    expect(named.ownerId).toBe(world.agent.user.id);
    const both = await world.agent.client.post("/complaints", {
      ...complaintInput(),
      keepOwnership: true,
      ownerId: world.agent.user.id,
    });
    expect(both.status).toBe(400);
    const groups = await world.admin.ok<Items<SkillGroup>>("GET", "/skill-groups");
    expect(groups.items.find((g) => g.name === "信用卡组")?.waiting).toBe(0);
  });

  it("signing out ends the duty, so the next case waits", async () => {
    await world.other.client.ok("PUT", "/me/duty", { state: "online" });
    expect((await world.other.client.ok<Duty>("GET", "/me/duty")).state).toBe("online");
    await world.agent.client.ok("DELETE", "/session");
    const next = await makeComplaint(world.admin, { businessType: "credit_card" });
    expect((await world.admin.complaint(next.id)).ownerId).toBeNull();
    const duty = await world.admin.ok<Items<SkillGroup>>("GET", "/skill-groups");
    expect(duty.items.find((g) => g.name === "信用卡组")?.waiting).toBe(1);
  });

  it("departments and quality are never on duty", async () => {
    const quality = await world.staff("quality");
    expect((await quality.client.put("/me/duty", { state: "online" })).status).toBe(403);
    expect((await quality.client.ok<Duty>("GET", "/me/duty")).state).toBe("offline");
  });
});
