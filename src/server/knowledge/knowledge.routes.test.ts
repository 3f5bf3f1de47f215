import { describe, expect, it } from "vitest";
import { dispatchedComplaint } from "../../test/complaint-kit.js";
import { makeComplaint } from "../../test/factories.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => {
  const department = await w.department();
  const otherDepartment = await w.department();
  return {
    department,
    otherDepartment,
    agent: await w.staff("agent"),
    supervisor: await w.staff("supervisor"),
    handler: await w.staff("department_handler", { departmentId: department.id }),
  };
});

type Article = { id: string; title: string; version: number; effective: boolean; unread: boolean };
const titles = (res: { body: { items: Article[] } }) => res.body.items.map((a) => a.title).sort();

async function publish(fields: Record<string, unknown>) {
  const res = await world.supervisor.client.post<Article>("/knowledge", {
    kind: "policy",
    body: "正文",
    ...fields,
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body;
}

const DAY = 86_400_000;

describe("knowledge search (知识库)", () => {
  it("finds two- and three-character Chinese terms exactly, with no near misses", async () => {
    await publish({ title: "信用卡年费减免", body: "主卡年费首年免收，刷卡满六次次年免年费。" });
    // 年 and 费 both occur here, never side by side.
    await publish({ title: "年度费用说明", body: "每年的服务费用以公告为准。" });
    // 卡年 and 年费 both occur here, never as 卡年费.
    await publish({ title: "储蓄卡年检", body: "储蓄卡年检后，年费另计。" });
    const search = (q: string) => world.agent.client.get(`/knowledge?q=${encodeURIComponent(q)}`);
    expect(titles(await search("年费"))).toEqual(["信用卡年费减免", "储蓄卡年检"]);
    expect(titles(await search("卡年费"))).toEqual(["信用卡年费减免"]);
    expect(titles(await search("年检"))).toEqual(["储蓄卡年检"]);
    expect(titles(await search("费用"))).toEqual(["年度费用说明"]);
    expect(titles(await search("年费 减免"))).toEqual(["信用卡年费减免"]);
    expect(titles(await search("免年费首"))).toEqual([]);
  });

  it("finds a tag, and narrows by kind", async () => {
    await publish({
      kind: "faq",
      title: "补卡多久到",
      body: "七个工作日内寄出。",
      tags: ["补卡进度"],
    });
    expect(
      titles(await world.agent.client.get(`/knowledge?q=${encodeURIComponent("卡进")}`)),
    ).toEqual(["补卡多久到"]);
    expect(titles(await world.agent.client.get("/knowledge?kind=faq"))).toEqual(["补卡多久到"]);
  });
});

describe("versions", () => {
  it("saves each edit as a version, keeps old ones readable, and answers 409 to a stale edit", async () => {
    const made = await publish({
      title: "退费流程",
      body: "三个工作日内退回。",
      kind: "procedure",
    });
    const edited = await world.supervisor.client.patch(`/knowledge/${made.id}`, {
      version: 1,
      body: "五个工作日内退回原卡。",
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, body: "五个工作日内退回原卡。" });

    const stale = await world.admin.patch(`/knowledge/${made.id}`, { version: 1, title: "旧" });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: "version_conflict", currentVersion: 2 });

    const old = await world.agent.client.get(`/knowledge/${made.id}/versions/1`);
    expect(old.status).toBe(200);
    expect(old.body).toMatchObject({ version: 1, body: "三个工作日内退回。", title: "退费流程" });
    const detail = await world.agent.client.get(`/knowledge/${made.id}`);
    expect(detail.body.versions).toEqual([
      expect.objectContaining({
        version: 2,
        changed: ["body"],
        changedBy: expect.objectContaining({ id: world.supervisor.user.id }),
      }),
      expect.objectContaining({ version: 1, changed: expect.arrayContaining(["title", "body"]) }),
    ]);
    expect(detail.body.versions[0].body).toBeUndefined();
    expect((await world.agent.client.get(`/knowledge/${made.id}/versions/3`)).status).toBe(404);
    // The search finds the current wording only.
    expect(
      titles(await world.agent.client.get(`/knowledge?q=${encodeURIComponent("原卡")}`)),
    ).toEqual(["退费流程"]);
  });

  it("keeps version rows append-only in the database", async () => {
    const refused = await world.server.db.$client
      .query("update knowledge_article_versions set body = '改'")
      .then(
        () => null,
        (e: { code?: string }) => e,
      );
    expect(refused).toMatchObject({ code: "23001" });
  });

  it("refuses a period that ends before it starts, naming the field", async () => {
    const res = await world.supervisor.client.post("/knowledge", {
      kind: "policy",
      title: "倒置",
      body: "正文",
      effectiveFrom: "2027-01-02T00:00:00Z",
      effectiveTo: "2027-01-01T00:00:00Z",
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: "body.effectiveTo", code: "invalid_period" }),
    ]);
  });
});

describe("must-read updates", () => {
  it("wait for each agent until read, come back with a new version, and show supervisors who read", async () => {
    const notice = await publish({ title: "十二月起营业时间调整", mustRead: true });
    const unread = () => world.agent.client.get("/knowledge?unread=true");
    expect(titles(await unread())).toContain("十二月起营业时间调整");

    expect((await world.agent.client.post(`/knowledge/${notice.id}/read`)).status).toBe(204);
    expect(titles(await unread())).not.toContain("十二月起营业时间调整");
    expect((await world.agent.client.get(`/knowledge/${notice.id}`)).body.unread).toBe(false);

    const receipts = await world.supervisor.client.get(`/knowledge/${notice.id}/reads`);
    expect(receipts.status).toBe(200);
    // The publisher has read what they wrote; the agent read it once marked.
    expect(receipts.body.read).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: world.agent.user.id,
          version: 1,
          readAt: expect.any(String),
        }),
        expect.objectContaining({ id: world.supervisor.user.id, version: 1 }),
      ]),
    );
    expect(titles(await world.supervisor.client.get("/knowledge?unread=true"))).not.toContain(
      "十二月起营业时间调整",
    );
    expect(receipts.body.unread.map((u: { id: string }) => u.id)).toContain(world.handler.user.id);
    expect((await world.agent.client.get(`/knowledge/${notice.id}/reads`)).status).toBe(403);

    await world.supervisor.client.patch(`/knowledge/${notice.id}`, {
      version: 1,
      body: "改为九点开门。",
    });
    expect(titles(await unread())).toContain("十二月起营业时间调整");
  });
});

describe("who may do what", () => {
  it("lets agents, departments and quality read but not edit", async () => {
    const made = await publish({ title: "只读" });
    for (const who of [world.agent, world.handler]) {
      expect(
        (await who.client.post("/knowledge", { kind: "faq", title: "x", body: "y" })).status,
      ).toBe(403);
      expect(
        (await who.client.patch(`/knowledge/${made.id}`, { version: 1, title: "z" })).status,
      ).toBe(403);
      expect((await who.client.get(`/knowledge/${made.id}`)).status).toBe(200);
    }
  });

  it("suggests for a department only the cases dispatched to it", async () => {
    const theirs = await dispatchedComplaint(world.admin, world.department.id);
    const others = await dispatchedComplaint(world.admin, world.otherDepartment.id);
    const ask = (id: string) =>
      world.handler.client.get(`/knowledge/suggestions?complaintId=${id}`);
    expect((await ask(theirs.id)).status).toBe(200);
    expect((await ask(others.id)).status).toBe(404);
  });
});

describe("suggestions beside the reply box", () => {
  it("offers articles in force by the case's category and words, never one out of its period", async () => {
    const now = Date.now();
    await publish({
      kind: "talk_track",
      title: "寄卡延误致歉",
      body: "非常抱歉卡片寄送延误。",
      category: "delivery",
    });
    await publish({ kind: "faq", title: "卡片寄送时效", body: "七个工作日。", tags: ["未收到"] });
    await publish({
      kind: "policy",
      title: "旧寄卡规定",
      body: "已废止。",
      category: "delivery",
      effectiveTo: new Date(now - DAY).toISOString(),
    });
    await publish({
      kind: "talk_track",
      title: "明年寄卡口径",
      body: "尚未生效。",
      category: "delivery",
      effectiveFrom: new Date(now + 30 * DAY).toISOString(),
    });
    await publish({ kind: "policy", title: "理财风险提示", body: "无关。", category: "price" });
    const c = await makeComplaint(world.agent.client, {
      category: "delivery",
      subject: "信用卡两个月未收到",
      ownerId: world.agent.user.id,
    });
    const res = await world.agent.client.get(`/knowledge/suggestions?complaintId=${c.id}`);
    expect(res.status).toBe(200);
    const suggested = res.body.items.map((a: Article) => a.title);
    expect(suggested[0]).toBe("寄卡延误致歉");
    expect(suggested).toContain("卡片寄送时效");
    expect(suggested).not.toContain("旧寄卡规定");
    expect(suggested).not.toContain("理财风险提示");
    expect(suggested).not.toContain("明年寄卡口径");
    const inForce = await world.agent.client.get("/knowledge?kind=talk_track&effective=true");
    expect(titles(inForce)).toContain("寄卡延误致歉");
    expect(titles(inForce)).not.toContain("明年寄卡口径");
    // Listed, and marked as out of its period.
    const listed = await world.agent.client.get(`/knowledge?q=${encodeURIComponent("废止")}`);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ title: "旧寄卡规定", effective: false }),
    ]);
  });
});
