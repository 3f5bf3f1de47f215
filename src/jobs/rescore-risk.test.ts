import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { complaints } from "../db/schema.js";
import { getComplaint } from "../test/complaint-kit.js";
import { makeComplaint } from "../test/factories.js";
import { DAY, later, sweepAt } from "../test/sweep-at.js";
import type { Complaint } from "../test/wire.js";
import { setupWorld } from "../test/world.js";
import { rescoreDueRisk } from "./rescore-risk.js";

const world = setupWorld(async (w) => ({ agent: await w.staff("agent") }));

const codes = (c: Complaint) => c.risk.reasons.map((r) => r.code);

/** A case its caller has rung about three times today (intake's call and two more). */
async function chasedCase(description?: string) {
  const c = await makeComplaint(world.agent.client, {
    ownerId: world.agent.user.id,
    ...(description ? { description } : {}),
  });
  for (const summary of ["客户来电催问进度", "客户再次来电，情绪激动"])
    await world.agent.client.command(c.id, "contact", {
      direction: "inbound",
      channel: "phone",
      summary,
    });
  return getComplaint(world.agent.client, c.id);
}

const recheckAt = async (id: string) =>
  (
    await world.server.db
      .select({ at: complaints.riskRecheckAt })
      .from(complaints)
      .where(eq(complaints.id, id))
  )[0]?.at;

describe("escalation risk scored again as time passes (risk-rescore job)", () => {
  it("drops the repeated calls once they are 30 days old, with no change on the case, once", async () => {
    const c = await chasedCase();
    expect(c.risk).toMatchObject({ score: 15, reasons: [{ code: "repeated_contacts" }] });
    const due = await recheckAt(c.id);
    expect(due!.getTime() - Date.now()).toBeGreaterThan(29 * DAY);

    expect((await rescoreDueRisk(world.server.db, later(29 * DAY), 100)).claimed).toBe(0);
    expect((await getComplaint(world.agent.client, c.id)).risk.score).toBe(15);

    const at = later(31 * DAY);
    expect(await rescoreDueRisk(world.server.db, at, 100)).toEqual({ claimed: 1, rescored: 1 });
    const after = await getComplaint(world.agent.client, c.id);
    expect(after.risk).toEqual({ level: "low", score: 0, reasons: [] });
    expect(after.version).toBe(c.version);
    expect(await recheckAt(c.id)).toBeNull();
    expect(await rescoreDueRisk(world.server.db, at, 100)).toEqual({ claimed: 0, rescored: 0 });
  });

  it("lets two servers share the due cases without scoring one twice", async () => {
    await Promise.all([chasedCase(), chasedCase(), chasedCase()]);
    const at = later(60 * DAY);
    const runs = await Promise.all([
      rescoreDueRisk(world.server.db, at, 100),
      rescoreDueRisk(world.server.db, at, 100),
    ]);
    expect(runs[0].claimed + runs[1].claimed).toBe(3);
    expect(runs[0].rescored + runs[1].rescored).toBe(3);
  });

  it("rises when a deadline is missed, once, however often the sweep and the job run", async () => {
    const c = await makeComplaint(world.agent.client, {
      ownerId: world.agent.user.id,
      description: "客户称再不解决就去银保监投诉并找媒体曝光。",
    });
    expect(c.risk).toMatchObject({ level: "medium", score: 40 });
    const runAt = async (days: number) => {
      await sweepAt(world.server.db, later(days * DAY));
      await rescoreDueRisk(world.server.db, later(days * DAY), 100);
      return getComplaint(world.agent.client, c.id);
    };
    const missed = await runAt(20);
    expect(codes(missed)).toEqual(["threat_words", "overdue"]);
    expect(missed.risk).toMatchObject({ level: "high", score: 60 });
    expect(missed.severity).toBe("high");
    const again = await runAt(21);
    expect(again.risk).toEqual(missed.risk);
    expect(again.timeline).toHaveLength(missed.timeline.length);
    expect(again.version).toBe(missed.version);
  });
});
