import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { complaints } from "../../db/schema.js";
import { getComplaint } from "../../test/complaint-kit.js";
import { makeComplaint, mobile } from "../../test/factories.js";
import { DAY, later, sweepAt } from "../../test/sweep-at.js";
import type { Complaint } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";
import { scoreUnscored } from "../case/case-risk.js";

const world = setupWorld(async (w) => {
  const department = await w.department();
  return {
    department,
    agent: await w.staff("agent"),
    quality: await w.staff("quality"),
    handler: await w.staff("department_handler", { departmentId: department.id }),
  };
});

const codes = (c: Complaint) => c.risk.reasons.map((r) => r.code);
const threatening = "客户称再不解决就去银保监投诉并找媒体曝光。";

describe("escalation risk stored and scored again with every change", () => {
  it("moves with an edit of the text in the same request", async () => {
    const c = await makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
    expect(c.risk).toEqual({ level: "low", score: 0, reasons: [] });
    const edited = await world.agent.client.patch<Complaint>(`/complaints/${c.id}`, {
      version: c.version,
      description: threatening,
    });
    expect(edited.status).toBe(200);
    const after = await getComplaint(world.agent.client, c.id);
    expect(after.risk).toMatchObject({ level: "medium", score: 40 });
    expect(after.risk.reasons[0]).toMatchObject({
      code: "threat_words",
      text: "提及监管、媒体或诉讼：银保监、媒体、曝光",
    });
  });

  it("moves on the customer's other open case when a follow-up finds them dissatisfied", async () => {
    const customer = { name: "孙先生", phone: mobile() };
    const first = await makeComplaint(world.agent.client, {
      ownerId: world.agent.user.id,
      customer,
    });
    const other = await makeComplaint(world.agent.client, {
      ownerId: world.agent.user.id,
      customer,
    });
    const replied = await world.agent.client.post<Complaint>(`/complaints/${first.id}/reply`, {
      version: first.version,
      message: "经核实已为您处理。",
    });
    expect(replied.status).toBe(200);
    const followed = await world.quality.client.post(`/complaints/${first.id}/follow-up`, {
      version: replied.body.version,
      satisfaction: "dissatisfied",
    });
    expect(followed.status).toBe(200);
    expect(codes(await getComplaint(world.agent.client, first.id))).toContain("reopened");
    expect(codes(await getComplaint(world.agent.client, other.id))).toContain(
      "dissatisfied_before",
    );
  });

  it("counts a deadline the sweep finds missed", async () => {
    const c = await makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
    await sweepAt(world.server.db, later(20 * DAY));
    const after = await getComplaint(world.agent.client, c.id);
    expect(codes(after)).toContain("overdue");
  });

  it("reads the stored risk: a row written before the columns is scored by the backfill", async () => {
    const c = await makeComplaint(world.agent.client, { description: threatening });
    const db = world.server.db;
    await db
      .update(complaints)
      .set({ riskLevel: null, riskScore: 0, riskReasons: [] })
      .where(eq(complaints.id, c.id));
    expect((await getComplaint(world.agent.client, c.id)).risk.score).toBe(0);
    while ((await scoreUnscored(db, 100)).claimed === 100);
    expect((await getComplaint(world.agent.client, c.id)).risk.score).toBe(40);
    const [{ left }] = (
      await db.execute<{ left: number }>(
        sql`select count(*)::int as left from complaints where risk_level is null`,
      )
    ).rows as [{ left: number }];
    expect(left).toBe(0);
  });

  it("shows a department handler the same risk while the customer stays masked", async () => {
    const c = await makeComplaint(world.agent.client, { description: threatening });
    await world.agent.client.command(c.id, "dispatch", {
      version: c.version,
      departments: [{ departmentId: world.department.id }],
    });
    const seen = await getComplaint(world.handler.client, c.id);
    expect(seen.risk).toEqual((await getComplaint(world.agent.client, c.id)).risk);
    expect(seen.customer.phone).toMatch(/\*{4}/);
  });
});

describe("the threat word list (PUT /escalation-words)", () => {
  it("scores open cases again when the admin edits the list", async () => {
    const c = await makeComplaint(world.agent.client, {
      description: "客户说要去找市长热线反映。",
    });
    expect(c.risk.score).toBe(0);
    const { body: current } = await world.admin.get<{ words: string[] }>("/escalation-words");
    expect(current.words).toContain("银保监");
    const put = await world.admin.put<{ words: string[] }>("/escalation-words", {
      words: [...current.words, "市长热线", "市长热线"],
    });
    expect(put.status).toBe(200);
    expect(put.body.words.filter((w) => w === "市长热线")).toHaveLength(1);
    const after = await getComplaint(world.agent.client, c.id);
    expect(after.risk.reasons).toEqual([
      expect.objectContaining({ code: "threat_words", detail: "市长热线" }),
    ]);
    // Taken out again: the reason goes with it.
    await world.admin.put("/escalation-words", { words: current.words });
    expect((await getComplaint(world.agent.client, c.id)).risk.score).toBe(0);
  });

  it("refuses an empty word with a 400", async () => {
    const res = await world.admin.put("/escalation-words", { words: ["  "] });
    expect(res.status).toBe(400);
  });
});

describe("a high risk raises severity per policy (PUT /escalation-policy)", () => {
  const highRisk = { description: threatening, source: { type: "transfer", hotline: "12345" } };

  it("raises an open high-risk case to high by default, with the reason on the timeline", async () => {
    const c = await makeComplaint(world.agent.client, highRisk);
    expect(c.risk.level).toBe("high");
    expect(c.severity).toBe("high");
    expect(c.timeline.find((e) => e.type === "updated")?.data).toMatchObject({
      before: { severity: "normal" },
      after: { severity: "high" },
      reason: "escalation_risk_high",
    });
  });

  it("never lowers a severity, and raises nothing while the policy is off", async () => {
    const critical = await makeComplaint(world.agent.client, { ...highRisk, severity: "critical" });
    expect(critical.severity).toBe("critical");
    expect((await world.admin.get("/escalation-policy")).body).toEqual({
      highRiskSeverity: "high",
    });
    await world.admin.put("/escalation-policy", { highRiskSeverity: null });
    const off = await makeComplaint(world.agent.client, highRisk);
    expect(off).toMatchObject({ severity: "normal", risk: { level: "high" } });
    await world.admin.put("/escalation-policy", { highRiskSeverity: "critical" });
    expect((await getComplaint(world.agent.client, off.id)).severity).toBe("critical");
    await world.admin.put("/escalation-policy", { highRiskSeverity: "high" });
  });
});
