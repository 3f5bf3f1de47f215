import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema.js";
import { makeSavedView, type Staff } from "../../test/factories.js";
import type { Items, SavedView } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => ({
  agent: await w.staff("agent", { displayName: "王芳" }),
  otherAgent: await w.staff("agent"),
  supervisor: await w.staff("supervisor", { displayName: "张主管" }),
}));

const audit = (id: string) =>
  world.server.db.select().from(auditLog).where(eq(auditLog.entityId, id)).orderBy(auditLog.id);

describe("keeping saved views", () => {
  it("creates, lists, renames and deletes one's views, each change with its audit record", async () => {
    const me = await world.staff("agent");
    const first = await makeSavedView(me.client, {
      name: "我的待办",
      filters: { open: true, mine: true },
    });
    expect(first).toMatchObject({
      name: "我的待办",
      filters: { open: true, mine: true },
      shared: false,
      position: 0,
      version: 1,
      owner: { id: me.user.id, name: me.user.displayName, agentNo: me.user.agentNo },
      allowedActions: ["update", "delete"],
    });
    const second = await makeSavedView(me.client, {
      name: "已受理",
      filters: { status: ["received", "assigned"], category: "billing" },
    });
    expect(second.position).toBe(1);
    expect(
      (await me.client.get<Items<SavedView>>("/saved-views")).body.items.map((v) => v.name),
    ).toEqual(["我的待办", "已受理"]);

    const renamed = await me.client.patch(`/saved-views/${first.id}`, {
      version: 1,
      name: "我的案件",
      position: 5,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "我的案件", position: 5, version: 2 });
    expect(
      (await me.client.get<Items<SavedView>>("/saved-views")).body.items.map((v) => v.name),
    ).toEqual(["已受理", "我的案件"]);

    const gone = await me.client.delete(`/saved-views/${first.id}?version=2`);
    expect(gone.status).toBe(204);
    expect(
      (await me.client.get<Items<SavedView>>("/saved-views")).body.items.map((v) => v.id),
    ).toEqual([second.id]);
    expect(await audit(first.id)).toEqual([
      expect.objectContaining({ action: "create", entity: "saved_view", actorId: me.user.id }),
      expect.objectContaining({
        action: "update",
        data: {
          version: 1,
          before: { name: "我的待办", position: 0 },
          after: { name: "我的案件", position: 5 },
        },
      }),
      expect.objectContaining({
        action: "delete",
        data: expect.objectContaining({ name: "我的案件", version: 2 }),
      }),
    ]);
  });

  it("refuses a second view of the same name by the same person, naming the field", async () => {
    await makeSavedView(world.agent.client, { name: "超时工单", filters: { open: true } });
    const again = await world.agent.client.post("/saved-views", {
      name: "超时工单",
      filters: { open: false },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: "duplicate", title: "视图名称“超时工单”已存在。" });
    // Another person may use the name.
    await makeSavedView(world.otherAgent.client, { name: "超时工单", filters: { open: true } });
  });

  it("validates filters with the complaint list's own query schema", async () => {
    const bad = [
      { status: "lost" },
      { ownerId: "not-a-uuid" },
      { q: "" },
      { sort: "due" },
      { mine: true, ownerId: world.agent.user.id },
    ];
    for (const filters of bad) {
      const res = await world.agent.client.post("/saved-views", { name: "坏视图", filters });
      expect(res.status, JSON.stringify(filters)).toBe(400);
      expect(res.body.code).toBe("validation_failed");
    }
  });

  it("answers 409 with the current version when the view changed since it was read", async () => {
    const view = await makeSavedView(world.agent.client, { name: "冲突测试", filters: {} });
    expect(
      (await world.agent.client.patch(`/saved-views/${view.id}`, { version: 1, name: "冲突A" }))
        .status,
    ).toBe(200);
    const stale = await world.agent.client.patch(`/saved-views/${view.id}`, {
      version: 1,
      name: "冲突B",
    });
    expect(stale.status).toBe(409);
    // The message names the view: no case, and no "someone else" (only its creator may edit it).
    expect(stale.body).toMatchObject({
      code: "version_conflict",
      currentVersion: 2,
      title: "该视图已被修改（当前版本 2），请刷新后重试。",
    });
    const inEnglish = await world.agent.client.request<{ title: string }>(
      "PATCH",
      `/saved-views/${view.id}`,
      { version: 1, name: "冲突B" },
      { "accept-language": "en" },
    );
    expect(inEnglish.body.title).toBe(
      "Saved view was changed meanwhile (now version 2); reload and try again.",
    );
    const staleDelete = await world.agent.client.delete(`/saved-views/${view.id}?version=1`);
    expect(staleDelete.status).toBe(409);
    expect(
      (await world.agent.client.get<Items<SavedView>>("/saved-views")).body.items,
    ).toContainEqual(expect.objectContaining({ id: view.id, name: "冲突A", version: 2 }));
  });

  it("keeps at most 30 views per person", async () => {
    const busy = await world.staff("agent");
    for (let i = 0; i < 30; i++)
      await makeSavedView(busy.client, { name: `视图${i}`, filters: {} });
    const more = await busy.client.post("/saved-views", { name: "第31个", filters: {} });
    expect(more.status).toBe(400);
    expect(more.body.title).toBe("请求无法处理：每人最多保存 30 个视图");
  });
});

describe("sharing", () => {
  it("lets supervisors share, shows shared views to everyone, and keeps them the owner's", async () => {
    const refused = await world.agent.client.post("/saved-views", {
      name: "全组待办",
      filters: { open: true },
      shared: true,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.title).toBe("您没有权限执行此操作：只有主管和管理员可以共享视图");

    const own = await makeSavedView(world.agent.client, { name: "想共享", filters: {} });
    const share = await world.agent.client.patch(`/saved-views/${own.id}`, {
      version: 1,
      shared: true,
    });
    expect(share.status).toBe(403);

    const team = await makeSavedView(world.supervisor.client, {
      name: "全组待办",
      filters: { open: true },
      shared: true,
    });
    expect(team.allowedActions).toEqual(["update", "delete", "share"]);
    const privateOne = await makeSavedView(world.supervisor.client, {
      name: "主管私有",
      filters: {},
    });

    const seen = (await world.otherAgent.client.get<Items<SavedView>>("/saved-views")).body.items;
    const shared = seen.find((v) => v.id === team.id);
    expect(shared).toMatchObject({
      shared: true,
      owner: { name: "张主管" },
      allowedActions: [],
    });
    expect(seen.some((v) => v.id === privateOne.id)).toBe(false);
    // The caller's own views come first, then the shared ones.
    expect(seen.at(-1)?.id).toBe(team.id);

    const edit = await world.otherAgent.client.patch(`/saved-views/${team.id}`, {
      version: 1,
      name: "改名",
    });
    expect(edit.status).toBe(403);
    expect(edit.body.title).toBe("您没有权限执行此操作：只有视图的创建者可以修改或删除它");
    expect((await world.otherAgent.client.delete(`/saved-views/${team.id}?version=1`)).status).toBe(
      403,
    );
    // Someone else's private view does not exist for the caller.
    const hidden = await world.otherAgent.client.patch(`/saved-views/${privateOne.id}`, {
      version: 1,
      name: "偷看",
    });
    expect(hidden.status).toBe(404);
    expect(hidden.body.title).toBe("未找到视图。");

    // The owner unshares it, and it is gone from everyone else's list.
    await world.supervisor.client.patch(`/saved-views/${team.id}`, { version: 1, shared: false });
    expect(
      (await world.otherAgent.client.get<Items<SavedView>>("/saved-views")).body.items.some(
        (v) => v.id === team.id,
      ),
    ).toBe(false);
  });
});

describe("columns", () => {
  it("keeps the queue's columns with a view, in the queue's order, the case number always in", async () => {
    const me = await world.staff("agent");
    const view = await makeSavedView(me.client, {
      name: "我的列",
      filters: { open: true },
      columns: ["owner", "subject", "owner", "nextCallback"],
    });
    expect(view.columns).toEqual(["number", "subject", "owner", "nextCallback"]);
    const plain = await makeSavedView(me.client, { name: "默认列", filters: {} });
    expect(plain.columns).toBeNull();

    const changed = await me.client.patch(`/saved-views/${view.id}`, {
      version: 1,
      columns: ["due", "status"],
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ columns: ["number", "status", "due"], version: 2 });
    const reset = await me.client.patch(`/saved-views/${view.id}`, { version: 2, columns: null });
    expect(reset.body.columns).toBeNull();
    // A filter change leaves the columns as they are.
    await me.client.patch(`/saved-views/${view.id}`, { version: 3, columns: ["subject"] });
    const refiltered = await me.client.patch(`/saved-views/${view.id}`, {
      version: 4,
      filters: { open: false },
    });
    expect(refiltered.body.columns).toEqual(["number", "subject"]);

    const unknown = await me.client.post("/saved-views", {
      name: "坏列",
      filters: {},
      columns: ["number", "salary"],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe("body.columns.1");
  });
});

describe("a supervisor's ready-made view", () => {
  /** The person's own views (others' shared ones left out). */
  const ownViews = async (staff: Staff) =>
    (await staff.client.get<Items<SavedView>>("/saved-views")).body.items.filter(
      (v) => v.owner.id === staff.user.id,
    );

  it("is made on their first visit: the team's missed and warned cases, with owner and next callback", async () => {
    const department = await world.department();
    const supervisor = await world.staff("supervisor", { departmentId: department.id });
    const views = await ownViews(supervisor);
    expect(views.map((v) => v.name)).toEqual(["团队超时与预警", "高风险投诉"]);
    expect(views[0]).toMatchObject({
      name: "团队超时与预警",
      filters: { open: true, team: true, sla: ["breached", "warned"] },
      columns: [
        "number",
        "status",
        "flags",
        "risk",
        "subject",
        "customer",
        "owner",
        "nextCallback",
        "severity",
        "due",
      ],
      shared: false,
      owner: { id: supervisor.user.id },
      allowedActions: ["update", "delete", "share"],
    });
    // 高风险投诉: every open case whose escalation risk is high.
    expect(views[1]).toMatchObject({ filters: { open: true, riskLevel: ["high"] } });
    expect((await audit(views[0]!.id)).map((a) => a.action)).toEqual(["create"]);
    // Its own views after it; a second visit makes no second one.
    await makeSavedView(supervisor.client, { name: "我的", filters: { mine: true } });
    expect((await ownViews(supervisor)).map((v) => v.name)).toEqual([
      "团队超时与预警",
      "高风险投诉",
      "我的",
    ]);
    const counts = await supervisor.client.get<{ items: { id: string }[] }>("/saved-views/counts");
    expect(counts.body.items.map((c) => c.id)).toContain(views[0]!.id);
  });

  it("is given once: deleted, it stays gone; renamed, it stays renamed", async () => {
    const supervisor = await world.staff("supervisor");
    const [view] = await ownViews(supervisor);
    await supervisor.client.patch(`/saved-views/${view!.id}`, { version: 1, name: "本组超时" });
    expect((await ownViews(supervisor)).map((v) => v.name)).toEqual(["本组超时", "高风险投诉"]);
    expect((await supervisor.client.delete(`/saved-views/${view!.id}?version=2`)).status).toBe(204);
    expect((await ownViews(supervisor)).map((v) => v.name)).toEqual(["高风险投诉"]);
  });

  it("is named in the language the supervisor uses, and given to supervisors only", async () => {
    const supervisor = await world.staff("supervisor");
    supervisor.client.language = "en";
    const [view] = await ownViews(supervisor);
    expect(view!.name).toBe("Team: overdue and warned");
    const specialist = await world.staff("specialist");
    expect(await ownViews(specialist)).toEqual([]);
    // Two first visits at once make one view.
    const another = await world.staff("supervisor");
    const lists = await Promise.all([1, 2, 3].map(() => another.client.get("/saved-views")));
    expect(lists.every((res) => res.status === 200)).toBe(true);
    expect(await ownViews(another)).toHaveLength(2);
  });
});
