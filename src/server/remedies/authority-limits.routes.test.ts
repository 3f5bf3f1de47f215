import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema.js";
import { askRemedy, ownCase, remedyOf } from "../../test/remedy-kit.js";
import type { AuthorityLimits, AuthorityLimitsInput } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => ({
  agent: await w.staff("agent"),
  supervisor: await w.staff("supervisor"),
  handler: await w.staff("department_handler", { departmentId: (await w.department()).id }),
}));

const limits = async () =>
  (await world.agent.client.get<AuthorityLimits>("/authority-limits")).body;
const put = (items: AuthorityLimitsInput["items"]) =>
  world.admin.request<AuthorityLimits>("PUT", "/authority-limits", { items });

describe("authority limits (授权额度)", () => {
  it("start as seeded: agent ¥200 a case and ¥2,000 a month … admin unlimited", async () => {
    const { items } = await limits();
    expect(items).toHaveLength(20);
    expect(items[0]).toEqual({
      role: "agent",
      type: "refund",
      perCase: "200.00",
      monthly: "2000.00",
    });
    expect(items.find((l) => l.role === "specialist" && l.type === "gift")).toMatchObject({
      perCase: "2000.00",
      monthly: "20000.00",
    });
    expect(items.find((l) => l.role === "admin" && l.type === "compensation")).toMatchObject({
      perCase: null,
      monthly: null,
    });
    expect((await world.handler.client.get("/authority-limits")).status).toBe(403);
  });

  it("are replaced as a whole by an admin only, audited, and apply to the next ask", async () => {
    const before = await limits();
    const tighter = before.items.map((l) =>
      l.role === "agent" ? { ...l, perCase: "50.00", monthly: "80" } : l,
    );
    expect(
      (await world.supervisor.client.request("PUT", "/authority-limits", { items: tighter }))
        .status,
    ).toBe(403);
    const res = await put(tighter);
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toEqual({
      role: "agent",
      type: "refund",
      perCase: "50.00",
      monthly: "80.00",
    });
    const [audit] = await world.server.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entity, "authority_limits"));
    expect(audit!.data).toMatchObject({ before: before.items, after: res.body.items });

    const c = await ownCase(world.agent);
    expect((await remedyOf(world.agent, c, "refund", "50")).status).toBe("granted");
    // ¥50 more would make ¥100 this month, over the new ¥80.
    expect(await remedyOf(world.agent, c, "refund", "50")).toMatchObject({
      status: "pending_approval",
      approver: "specialist",
    });
    await put(before.items);
  });

  it("lets two asks at once by one person not both pass the month, on different cases", async () => {
    const before = await limits();
    await put(before.items.map((l) => (l.role === "agent" ? { ...l, monthly: "300.00" } : l)));
    const agent = await world.staff("agent");
    const cases = [await ownCase(agent), await ownCase(agent), await ownCase(agent)];
    const answers = await Promise.all(cases.map((c) => askRemedy(agent, c, "gift", "200.00")));
    expect(answers.map((a) => a.body.status).sort()).toEqual([
      "granted",
      "pending_approval",
      "pending_approval",
    ]);
    await put(before.items);
  });

  it("refuses a role and type given twice and an amount that is not yuan", async () => {
    const row = { role: "agent", type: "gift", perCase: "1.00", monthly: null } as const;
    const twice = await put([row, row]);
    expect(twice.status).toBe(400);
    expect(twice.body).toMatchObject({
      errors: [
        { field: "body.items.1", code: "duplicate_limit", message: "同一角色和类型只能设置一次" },
      ],
    });
    const bad = await put([{ ...row, monthly: "1.234" }]);
    expect(bad.body).toMatchObject({
      errors: [{ field: "body.items.0.monthly", code: "invalid_amount" }],
    });
    const quality = await put([{ ...row, role: "quality" as "agent" }]);
    expect(quality.status).toBe(400);
    expect((await limits()).items).toHaveLength(20);
  });
});
