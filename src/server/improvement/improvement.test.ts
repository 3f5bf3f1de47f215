import { describe, expect, it } from "vitest";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => {
  const ops = await w.department({ name: "运营管理部" });
  const it_ = await w.department({ name: "信息技术部" });
  return {
    ops,
    supervisor: await w.staff("supervisor", { displayName: "王主管" }),
    quality: await w.staff("quality"),
    agent: await w.staff("agent"),
    owner: await w.staff("department_handler", { departmentId: ops.id, displayName: "李整改" }),
    stranger: await w.staff("department_handler", { departmentId: it_.id }),
  };
});

const nextMonth = () => {
  const d = new Date(Date.now() + 30 * 86_400_000);
  return d.toISOString().slice(0, 10);
};

async function newAction(overrides: Record<string, unknown> = {}) {
  const res = await world.supervisor.client.post("/improvement-actions", {
    title: "优化账单解释话术",
    description: "针对“知情权未被尊重”类投诉，修订收费告知话术并培训",
    ownerId: world.owner.user.id,
    dueDate: nextMonth(),
    cause: "right_to_know",
    ...overrides,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe("improvement actions", () => {
  it("is set up by a supervisor in the owner's department, open, with its first history row", async () => {
    const a = await newAction();
    expect(a).toMatchObject({
      status: "open",
      version: 1,
      overdue: false,
      owner: { id: world.owner.user.id, name: "李整改" },
      department: { id: world.ops.id, name: "运营管理部" },
      about: { zh: "知情权未被尊重" },
    });
    expect(a.history.map((e: { type: string }) => e.type)).toEqual(["action_created"]);
    expect(a.history[0].actor.name).toBe("王主管");
  });

  it("runs open → in progress → done by the owner, then verified by the supervisor", async () => {
    const a = await newAction();
    const o = world.owner.client;
    const started = await o.patch(`/improvement-actions/${a.id}`, {
      version: a.version,
      status: "in_progress",
      progressNote: "话术初稿已完成",
    });
    expect(started.status).toBe(200);
    const done = await o.patch(`/improvement-actions/${a.id}`, {
      version: started.body.version,
      status: "done",
    });
    expect(done.body).toMatchObject({ status: "done", progressNote: "话术初稿已完成" });
    expect(done.body.doneAt).not.toBeNull();
    // The owner does not judge their own work.
    const own = await o.post(`/improvement-actions/${a.id}/verify`, {
      version: done.body.version,
      effective: true,
      note: "自评有效",
    });
    expect(own.status).toBe(403);
    const verified = await world.supervisor.client.post(`/improvement-actions/${a.id}/verify`, {
      version: done.body.version,
      effective: true,
      note: "本月同类投诉下降40%",
    });
    expect(verified.body).toMatchObject({
      status: "verified",
      verificationNote: "本月同类投诉下降40%",
    });
    expect(verified.body.history.map((e: { type: string }) => e.type)).toEqual([
      "action_created",
      "action_in_progress",
      "action_done",
      "action_verified",
    ]);
    const again = await o.patch(`/improvement-actions/${a.id}`, {
      version: verified.body.version,
      status: "in_progress",
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("action_verified");
  });

  it("goes back in progress when the verification finds it did not work", async () => {
    const a = await newAction();
    const done = await world.owner.client.patch(`/improvement-actions/${a.id}`, {
      version: a.version,
      status: "done",
    });
    const failed = await world.quality.client.post(`/improvement-actions/${a.id}/verify`, {
      version: done.body.version,
      effective: false,
      note: "同类投诉未见减少",
    });
    expect(failed.body).toMatchObject({ status: "in_progress", doneAt: null, verifiedAt: null });
    expect(failed.body.history.at(-1)).toMatchObject({
      type: "action_reopened",
      data: { effective: false, note: "同类投诉未见减少" },
    });
    const early = await world.quality.client.post(`/improvement-actions/${a.id}/verify`, {
      version: failed.body.version,
      effective: true,
      note: "x",
    });
    expect(early.body.code).toBe("action_not_done");
  });

  it("refuses an edit on a stale version with 409, naming the current one", async () => {
    const a = await newAction();
    const first = await world.supervisor.client.patch(`/improvement-actions/${a.id}`, {
      version: a.version,
      title: "优化账单解释话术（第二版）",
    });
    expect(first.status).toBe(200);
    const stale = await world.owner.client.patch(`/improvement-actions/${a.id}`, {
      version: a.version,
      status: "in_progress",
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: "version_conflict", currentVersion: 2 });
    expect(stale.body.title).toContain("整改措施");
  });

  it("refuses set-up to agents and field edits to the owner, and hides other departments' actions", async () => {
    const a = await newAction();
    const byAgent = await world.agent.client.post("/improvement-actions", {
      title: "x",
      ownerId: world.owner.user.id,
      dueDate: nextMonth(),
      category: "billing",
    });
    expect(byAgent.status).toBe(403);
    const ownerRetitles = await world.owner.client.patch(`/improvement-actions/${a.id}`, {
      version: a.version,
      title: "改个名",
    });
    expect(ownerRetitles.status).toBe(403);
    const agentMoves = await world.agent.client.patch(`/improvement-actions/${a.id}`, {
      version: a.version,
      status: "done",
    });
    expect(agentMoves.status).toBe(403);
    expect((await world.stranger.client.get(`/improvement-actions/${a.id}`)).status).toBe(404);
    const seen = await world.stranger.client.get("/improvement-actions");
    expect(seen.body.items.some((x: { id: string }) => x.id === a.id)).toBe(false);
    const mine = await world.owner.client.get("/improvement-actions");
    expect(mine.body.items.some((x: { id: string }) => x.id === a.id)).toBe(true);
  });

  it("needs a cause or a category from the lists, and lists overdue actions", async () => {
    const none = await world.supervisor.client.post("/improvement-actions", {
      title: "x",
      ownerId: world.owner.user.id,
      dueDate: nextMonth(),
    });
    expect(none.status).toBe(400);
    const unknown = await world.supervisor.client.post("/improvement-actions", {
      title: "x",
      ownerId: world.owner.user.id,
      dueDate: nextMonth(),
      cause: "no_such_cause",
    });
    expect(unknown.status).toBe(400);
    const late = await newAction({ dueDate: "2026-01-05", cause: null, category: "billing" });
    expect(late.overdue).toBe(true);
    const overdue = await world.owner.client.get("/improvement-actions?overdue=true");
    expect(overdue.body.items.map((x: { id: string }) => x.id)).toContain(late.id);
    expect(overdue.body.items.every((x: { overdue: boolean }) => x.overdue)).toBe(true);
  });
});
