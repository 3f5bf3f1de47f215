import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema.js";
import { defaultQualityDuePolicy } from "../../domain/quality/due-dates.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => ({ specialist: await w.staff("specialist") }));

describe("the 8D due policy", () => {
  it("starts at the defaults, is replaced by an admin, audited, and dates 8Ds opened after it", async () => {
    const read = await world.specialist.client.get("/quality-due-policy");
    expect(read.body).toEqual(defaultQualityDuePolicy);

    const policy = { ...defaultQualityDuePolicy, d4: { amount: 72, unit: "hours" } };
    const put = await world.admin.request("PUT", "/quality-due-policy", policy);
    expect(put.status).toBe(200);
    expect((await world.specialist.client.get("/quality-due-policy")).body.d4).toEqual({
      amount: 72,
      unit: "hours",
    });
    const [audit] = await world.server.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entity, "quality_due_policy"));
    expect(audit).toBeDefined();

    const opened = await world.specialist.client.post("/quality-cases", {
      title: "外壳开裂",
      product: "控制器",
    });
    const d4 = opened.body.steps.find((s: { discipline: string }) => s.discipline === "d4");
    const days = (Date.parse(d4.dueAt) - Date.parse(opened.body.createdAt)) / 86_400_000;
    expect(days).toBeCloseTo(3, 1);
  });

  it("refuses a target that is not a positive amount of a known unit, in the caller's language", async () => {
    const bad = { ...defaultQualityDuePolicy, d2: { amount: 0, unit: "fortnights" } };
    const res = await world.admin.request<{ errors: { field: string }[] }>(
      "PUT",
      "/quality-due-policy",
      bad,
    );
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(["body.d2.amount", "body.d2.unit"]),
    );
  });
});
