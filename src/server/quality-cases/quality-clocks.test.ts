// An 8D's discipline clocks: warned and breached by the SLA sweep, stopped by approval, and 催办
// by those who may approve a step.

import { describe, expect, it } from "vitest";
import { eightDRecords, openEightD, passStep } from "../../test/quality-kit.js";
import { DAY, HOUR, later, sweepAt } from "../../test/sweep-at.js";
import type { NotificationList, QualityCase } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => ({
  agent: await w.staff("agent", { displayName: "李娜", agentNo: "1023" }),
  specialist: await w.staff("specialist", { displayName: "王工", agentNo: "3001" }),
  colleague: await w.staff("specialist", { displayName: "赵工", agentNo: "3002" }),
  quality: await w.staff("quality", { displayName: "质量-陈", agentNo: "5001" }),
}));

describe("discipline clocks in the SLA sweep", () => {
  it("warns and breaches a discipline's clock; approving a discipline stops its clock", async () => {
    const c = await openEightD(world.specialist);
    await passStep(c, "d0", eightDRecords(world).d0, world.specialist, world.quality);
    const clocks = async () =>
      (
        await world.server.db.$client.query(
          "select name, warned_at, breached_at, stopped_at from sla_clocks where quality_case_id = $1 order by name",
          [c.id],
        )
      ).rows;
    expect((await clocks()).map((k) => k.name)).toEqual(
      ["d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8"].map((d) => `quality_${d}`),
    );
    // 20 hours on: D3's 24 hours are past their 75% warning, not yet due.
    await sweepAt(world.server.db, later(20 * HOUR));
    // 30 hours on: D3 is breached.
    await sweepAt(world.server.db, later(30 * HOUR));
    const byName = Object.fromEntries((await clocks()).map((k) => [k.name, k]));
    expect(byName.quality_d0.stopped_at).not.toBeNull();
    expect(byName.quality_d0.warned_at).toBeNull();
    expect(byName.quality_d3.warned_at).not.toBeNull();
    expect(byName.quality_d3.breached_at).not.toBeNull();
    expect(byName.quality_d8.warned_at).toBeNull();
    const seen = await world.specialist.client.get<QualityCase>(`/quality-cases/${c.id}`);
    const swept = seen.body.timeline.filter((e) => e.type.startsWith("sla_"));
    expect(swept.map((e) => [e.type, e.discipline])).toEqual(
      expect.arrayContaining([
        ["sla_warning", "d3"],
        ["sla_breached", "d3"],
      ]),
    );
    expect(swept.every((e) => e.discipline !== "d0")).toBe(true);
    const bell = await world.specialist.client.get<NotificationList>("/notifications");
    expect(
      bell.body.items.some((n) => n.type === "sla_breached" && n.data.qualityCaseId === c.id),
    ).toBe(true);
    // Two months on, D8 too.
    await sweepAt(world.server.db, later(61 * DAY));
    const end = Object.fromEntries((await clocks()).map((k) => [k.name, k]));
    expect(end.quality_d8.breached_at).not.toBeNull();
  });
});

describe("催办 on a discipline", () => {
  it("reaches the step's owner in the bell with the note, is kept on the 8D, and stops once the step is approved", async () => {
    const c = await openEightD(world.specialist);
    const res = await world.quality.client.post(`/quality-cases/${c.id}/steps/d0/remind`, {
      note: "今天下班前完成应急措施",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.timeline.at(-1)).toMatchObject({
      type: "reminded",
      discipline: "d0",
      actor: { agentNo: "5001" },
    });
    const bell = await world.specialist.client.get<NotificationList>("/notifications?limit=5");
    expect(bell.body.items[0]).toMatchObject({
      type: "quality_reminded",
      complaintId: null,
      data: {
        qualityCaseId: c.id,
        number: c.number,
        discipline: "d0",
        note: "今天下班前完成应急措施",
      },
    });

    expect(
      (await world.agent.client.post(`/quality-cases/${c.id}/steps/d0/remind`, {})).status,
    ).toBe(403);
    const approved = await passStep(
      c,
      "d0",
      eightDRecords(world).d0,
      world.specialist,
      world.quality,
    );
    const late = await world.quality.client.post(
      `/quality-cases/${approved.id}/steps/d0/remind`,
      {},
    );
    expect([late.status, late.body.code]).toEqual([409, "invalid_transition"]);
  });
});
