import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema.js";
import type { ApiClient } from "../../test/api-client.js";
import { dispatchedComplaint } from "../../test/complaint-kit.js";
import type { Checklist, Complaint } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => {
  const cards = await w.department({ name: "信用卡中心" });
  const loans = await w.department({ name: "个贷中心" });
  const agent = await w.staff("agent", { displayName: "王芳", agentNo: "1023" });
  const colleague = await w.staff("agent", { displayName: "陈静", agentNo: "1088" });
  const handler = await w.staff("department_handler", { departmentId: cards.id });
  const otherHandler = await w.staff("department_handler", { departmentId: loans.id });
  const complaint = await dispatchedComplaint(agent.client, cards.id);
  return { agent, colleague, handler, otherHandler, complaint };
});

const path = (step?: string) =>
  `/complaints/${world.complaint.id}/checklist${step ? `/${step}` : ""}`;
const tick = (client: ApiClient, step: string) => client.request<Checklist>("PUT", path(step));

describe("guided-handling checklist", () => {
  it("starts empty, and a tick shows who ticked it with their agent number, to everyone", async () => {
    const empty = await world.agent.client.get(path());
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ items: [], mayTick: true });

    const ticked = await tick(world.agent.client, "apologise");
    expect(ticked.status).toBe(200);
    expect(ticked.body.items).toEqual([
      {
        step: "apologise",
        tickedBy: { id: world.agent.user.id, agentNo: "1023", name: "王芳" },
        tickedAt: expect.any(String),
      },
    ]);
    const seen = await world.colleague.client.get(path());
    expect(seen.body.items).toEqual(ticked.body.items);
  });

  it("keeps the first ticker when ticked again, lists steps in the checklist's order", async () => {
    await tick(world.agent.client, "listen");
    const again = await tick(world.colleague.client, "listen");
    expect(again.body.items.map((i) => [i.step, i.tickedBy.agentNo])).toEqual([
      ["listen", "1023"],
      ["apologise", "1023"],
    ]);
  });

  it("unticks, and unticking twice changes nothing", async () => {
    const first = await world.colleague.client.delete<Checklist>(path("listen"));
    expect(first.status).toBe(200);
    expect(first.body.items.map((i) => i.step)).toEqual(["apologise"]);
    const second = await world.colleague.client.delete<Checklist>(path("listen"));
    expect(second.status).toBe(200);
    expect(second.body.items.map((i) => i.step)).toEqual(["apologise"]);
  });

  it("writes an audit row per change, no timeline event, and leaves the case's version", async () => {
    const audit = await world.server.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, world.complaint.id))
      .orderBy(auditLog.id);
    expect(audit.map((a) => [a.action, a.actorAgentNo, a.data])).toEqual([
      ["tick", "1023", { step: "apologise" }],
      ["tick", "1023", { step: "listen" }],
      ["untick", "1088", { step: "listen", tickedById: world.agent.user.id }],
    ]);
    const detail = await world.agent.client.get<Complaint>(`/complaints/${world.complaint.id}`);
    expect(detail.body.version).toBe(world.complaint.version);
    expect(detail.body.timeline.map((e) => e.type)).toEqual(
      world.complaint.timeline.map((e) => e.type),
    );
  });

  it("lets the department on the case tick, and answers 404 to another department", async () => {
    expect((await tick(world.handler.client, "facts")).status).toBe(200);
    for (const res of [
      await world.otherHandler.client.get(path()),
      await tick(world.otherHandler.client, "facts"),
      await world.otherHandler.client.delete(path("facts")),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: "not_found", title: "未找到工单。" });
    }
    const missing = await world.agent.client.get(
      "/complaints/00000000-0000-4000-8000-000000000000/checklist",
    );
    expect(missing.status).toBe(404);
  });

  it("answers 400 for a step that is not on the checklist, in the caller's language", async () => {
    const zh = await tick(world.agent.client, "smile");
    expect(zh.status).toBe(400);
    expect(zh.body).toMatchObject({
      code: "validation_failed",
      errors: [{ field: "params.step", code: "unknown_step", message: "不是处理指引中的步骤" }],
    });
    world.agent.client.language = "en";
    try {
      const en = await world.agent.client.delete(path("smile"));
      expect(en.status).toBe(400);
      expect(en.body.errors[0].message).toBe("Not a step of the guided-handling checklist");
    } finally {
      world.agent.client.language = "zh-CN";
    }
  });
});
