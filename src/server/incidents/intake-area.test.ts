import { describe, expect, it } from "vitest";
import { makeComplaint } from "../../test/factories.js";
import { setupWorld } from "../../test/world.js";
import { raiseGroupAlerts } from "./commands/raise-group-alerts.js";
import type { IntakeAreaDto } from "./incident.schemas.js";

// 被投诉网点/区域 at intake: what the field suggests, the notices it narrows, the alert it counts by.
const world = setupWorld(async (w) => ({
  agent: await w.staff("agent"),
  supervisor: await w.staff("supervisor"),
}));

const areaA = "城南供电所";
const areaB = "城北供电所";

async function publish(area: string) {
  const res = await world.supervisor.client.post<{ id: string }>("/incidents", {
    title: `${area}计划停电`,
    description: "10kV线路检修",
    location: `${area}辖区`,
    area,
    startsAt: new Date(Date.now() - 60_000).toISOString(),
    customerWording: "因线路检修暂停供电，预计18点恢复。",
  });
  expect(res.status).toBe(201);
  return res.body;
}

const intakeSees = async (area: string) =>
  (
    await world.agent.client.get<{ items: { id: string }[] }>(
      `/incidents?live=true&area=${encodeURIComponent(area)}`,
    )
  ).body.items.map((i) => i.id);

describe("the area at intake (被投诉网点/区域)", () => {
  it("suggests live incidents' areas first, then the branches cases name most, each once", async () => {
    for (const branch of [areaB, areaB, ` ${areaB}`, "城东营业厅"])
      await makeComplaint(world.agent.client, { complainedBranch: branch });
    await publish(areaA);
    const res = await world.agent.client.get<{ items: IntakeAreaDto[] }>("/incidents/areas");
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { area: areaA, liveIncidents: 1, cases: 0 },
      { area: areaB, liveIncidents: 0, cases: 3 },
      { area: "城东营业厅", liveIncidents: 0, cases: 1 },
    ]);
  });

  it("shows an incident of area A at intake for area A, not for area B", async () => {
    const incident = await publish(`${areaA}二`);
    expect(await intakeSees(`${areaA}二`)).toContain(incident.id);
    expect(await intakeSees(` ${areaA}二 `)).toContain(incident.id);
    expect(await intakeSees(areaB)).not.toContain(incident.id);
  });

  it("counts the group-complaint alert by the area intake wrote", async () => {
    // Places of their own: the cases above are in this window too.
    const [east, west] = ["东山营业厅", "西山营业厅"];
    const made = async (branch: string, count: number) => {
      for (let i = 0; i < count; i += 1)
        await makeComplaint(world.agent.client, {
          category: "service",
          complainedBranch: branch,
          subject: "停电未提前通知",
        });
    };
    await made(east, 3);
    await made(west, 2);
    await raiseGroupAlerts(world.server.db, new Date(), { minCustomers: 4, windowMinutes: 120 });
    const alerts = async () =>
      (
        await world.supervisor.client.get<{ items: { area: string; customers: number }[] }>(
          "/incidents/group-alerts",
        )
      ).body.items;
    // Five callers in all, but no area has four: no alert.
    expect(await alerts()).toEqual([]);
    await made(east, 1);
    await raiseGroupAlerts(world.server.db, new Date(), { minCustomers: 4, windowMinutes: 120 });
    expect(await alerts()).toMatchObject([{ area: east, customers: 4 }]);
  });
});
