// The judgement on a case (issue 13): mentality, the product complaint's type and the owner's
// finding on PATCH /complaints/{id}, and the close that waits for the finding.

import { describe, expect, it } from "vitest";
import { eventTypes, getComplaint, recordFinding } from "../../test/complaint-kit.js";
import { makeComplaint } from "../../test/factories.js";
import type { Complaint } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => ({
  department: await w.department(),
  agent: await w.staff("agent", { agentNo: "1031" }),
  otherAgent: await w.staff("agent"),
}));

const ownCase = () => makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
/** A case of the agent's, answered: where a close may come. */
const repliedCase = async (c?: Complaint) => {
  const created = c ?? (await ownCase());
  return world.agent.client.command(created.id, "reply", {
    version: created.version,
    message: "经核查，已为您处理。",
  });
};
const close = (c: Pick<Complaint, "id" | "version">) =>
  world.agent.client.post(`/complaints/${c.id}/close`, {
    version: c.version,
    reason: "已解决",
    reasonCode: "confirmed_at_reply",
  });

describe("the judgement fields", () => {
  it("records mentality, complaint type and the owner's finding, with who and when", async () => {
    const c = await ownCase();
    const res = await world.agent.client.patch<Complaint>(`/complaints/${c.id}`, {
      version: c.version,
      mentality: "gain",
      complaintType: "performance_not_reached",
      responsibility: "shared",
      substantiated: true,
      findingNote: "电表计量与抄表均有差错",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      mentality: "gain",
      complaintType: "performance_not_reached",
      responsibility: "shared",
      substantiated: true,
      findingNote: "电表计量与抄表均有差错",
      findingBy: { id: world.agent.user.id, agentNo: "1031" },
    });
    expect(res.body.findingAt).not.toBeNull();
    expect(eventTypes(res.body).slice(-2)).toEqual(["updated", "finding_recorded"]);
    expect(res.body.timeline.at(-2)?.data.after).toEqual({
      mentality: "gain",
      complaintType: "performance_not_reached",
    });
  });

  it("refuses codes outside the lists with 400 naming the field", async () => {
    const c = await ownCase();
    const res = await world.agent.client.patch(`/complaints/${c.id}`, {
      version: c.version,
      complaintType: "broken",
      responsibility: "nobody",
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      "body.complaintType",
      "body.responsibility",
    ]);
  });

  it("is the owner's to record: another agent is refused", async () => {
    const c = await ownCase();
    const res = await world.otherAgent.client.patch(`/complaints/${c.id}`, {
      version: c.version,
      responsibility: "company",
      substantiated: true,
    });
    expect(res.status).toBe(403);
  });
});

describe("closing", () => {
  it("is refused with 409 finding_required until the owner has found, in the caller's language", async () => {
    const c = await repliedCase();
    const refused = await close(c);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: "finding_required",
      title: "办结前须由负责人作出认定：责任归属与是否属实。",
    });
    expect((await getComplaint(world.agent.client, c.id)).version).toBe(c.version);

    const found = await recordFinding(world.agent.client, c);
    const closed = await close(found);
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe("closed");
  });

  it("is not unlocked by a department's result: the owner confirms it, and then it stays theirs", async () => {
    const created = await ownCase();
    let c = await world.agent.client.command(created.id, "dispatch", {
      version: created.version,
      departments: [{ departmentId: world.department.id }],
    });
    const order = c.workOrders[0]!;
    const handler = await world.staff("department_handler", { departmentId: world.department.id });
    await handler.client.post(`/work-orders/${order.id}/accept`, {});
    await handler.client.post(`/work-orders/${order.id}/result`, {
      result: "已核实多收电费并退还",
      substantiated: true,
      responsibility: "company",
    });
    c = await repliedCase(await getComplaint(world.agent.client, c.id));
    expect(c).toMatchObject({ responsibility: "company", substantiated: true, findingAt: null });
    expect((await close(c)).body.code).toBe("finding_required");

    // Confirming the department's proposal as it stands is the owner's finding.
    const confirmed = await recordFinding(world.agent.client, c, { findingNote: null });
    expect(confirmed.findingBy?.id).toBe(world.agent.user.id);
    expect(eventTypes(confirmed).at(-1)).toBe("finding_recorded");
    expect(eventTypes(confirmed)).not.toContain("updated");
  });
});
