import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, replyTemplates } from "../../db/schema.js";
import { builtInReplyTemplates, ensureReplyTemplateSeeds } from "../../db/seeds/reply-templates.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => ({ agent: await w.staff("agent") }));

const titles = (res: { body: { items: { title: string }[] } }) =>
  res.body.items.map((t) => t.title);
const auditOf = (id: string) =>
  world.server.db.select().from(auditLog).where(eq(auditLog.entityId, id)).orderBy(auditLog.id);

describe("reply templates (话术)", () => {
  it("starts with the built-in set, and seeding again adds nothing", async () => {
    const res = await world.agent.client.get("/reply-templates");
    expect(res.status).toBe(200);
    expect(titles(res)).toEqual(builtInReplyTemplates.map((t) => t.title));
    expect(res.body.items[0]).toMatchObject({
      title: "致歉",
      body: expect.stringContaining("非常抱歉"),
      category: null,
      active: true,
      version: 1,
    });
    await ensureReplyTemplateSeeds(world.server.db);
    expect(await world.server.db.$count(replyTemplates)).toBe(builtInReplyTemplates.length);
  });

  it("lets an admin add one, audited, and refuses everyone else", async () => {
    const body = { title: "账单解释", body: "您好，您的账单明细如下：", category: "price" };
    const refused = await world.agent.client.post("/reply-templates", body);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("forbidden");
    const created = await world.admin.post("/reply-templates", body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...body, sortOrder: 0, active: true, version: 1 });
    expect(await auditOf(created.body.id)).toEqual([
      expect.objectContaining({
        action: "create",
        entity: "reply_template",
        actorAgentNo: "0001",
        data: { ...body, sortOrder: 0 },
      }),
    ]);
  });

  it("refuses a category that is not in the category list, naming the field", async () => {
    const res = await world.admin.post("/reply-templates", {
      title: "无效",
      body: "内容",
      category: "no_such_category",
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: "body.category", code: "unknown_term", message: "不是有效的字典项" },
    ]);
  });

  it("ranks the complaint's category first, then templates for every category, then others'", async () => {
    const make = async (title: string, category: string | null, sortOrder = 0) =>
      (
        await world.admin.post("/reply-templates", {
          title,
          body: `${title}的话术`,
          category,
          sortOrder,
        })
      ).body;
    await make("电费说明", "billing", -5);
    await make("服务致歉", "service", 99);
    const ranked = titles(await world.agent.client.get("/reply-templates?category=service"));
    expect(ranked[0]).toBe("服务致歉");
    expect(ranked.slice(1, 6)).toEqual(builtInReplyTemplates.map((t) => t.title));
    expect(ranked.indexOf("电费说明")).toBeGreaterThan(ranked.indexOf("感谢"));
    // Without a category: by sort order only.
    expect(titles(await world.agent.client.get("/reply-templates"))[0]).toBe("电费说明");
  });

  it("edits with the version last seen, and answers 409 with the current version when stale", async () => {
    const created = (
      await world.admin.post("/reply-templates", { title: "催办回复", body: "初稿" })
    ).body;
    const first = await world.admin.patch(`/reply-templates/${created.id}`, {
      version: created.version,
      body: "您好，已为您催办。",
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ body: "您好，已为您催办。", version: 2 });
    const stale = await world.admin.patch(`/reply-templates/${created.id}`, {
      version: created.version,
      body: "覆盖他人的修改",
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: "version_conflict",
      currentVersion: 2,
      title: "该话术模板已被修改（当前版本 2），请刷新后重试。",
    });
    const [row] = await world.server.db
      .select()
      .from(replyTemplates)
      .where(eq(replyTemplates.id, created.id));
    expect(row!.body).toBe("您好，已为您催办。");
    expect((await auditOf(created.id)).map((a) => a.action)).toEqual(["create", "update"]);

    const missing = await world.admin.patch(
      "/reply-templates/00000000-0000-4000-8000-000000000000",
      {
        version: 1,
        title: "无",
      },
    );
    expect(missing.status).toBe(404);
    expect(missing.body.title).toBe("未找到话术模板。");
  });

  it("retires a template: agents stop seeing it, the admin list still shows it", async () => {
    const created = (
      await world.admin.post("/reply-templates", { title: "旧话术", body: "停用前" })
    ).body;
    const retired = await world.admin.patch(`/reply-templates/${created.id}`, {
      version: created.version,
      active: false,
    });
    expect(retired.status).toBe(200);
    expect(retired.body.active).toBe(false);
    expect(titles(await world.agent.client.get("/reply-templates"))).not.toContain("旧话术");
    expect(titles(await world.admin.get("/reply-templates"))).not.toContain("旧话术");
    const all = await world.admin.get("/reply-templates?includeInactive=true");
    expect(all.body.items).toContainEqual(
      expect.objectContaining({ title: "旧话术", active: false }),
    );
    expect((await world.agent.client.get("/reply-templates?includeInactive=true")).status).toBe(
      403,
    );
    expect((await auditOf(created.id)).map((a) => a.action)).toEqual(["create", "deactivate"]);
  });
});
