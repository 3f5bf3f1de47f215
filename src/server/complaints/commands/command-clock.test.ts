import { describe, expect, it } from "vitest";
import { makeComplaint } from "../../../test/factories.js";
import type { Complaint } from "../../../test/wire.js";
import { setupWorld } from "../../../test/world.js";

// A Monday morning in Shanghai, months before the test runs.
const setInstant = new Date("2026-03-02T01:00:00.000Z");

const world = setupWorld({ clock: { now: () => setInstant } }, async (w) => ({
  agent: await w.staff("agent"),
}));

describe("commands read the time from the app's clock", () => {
  it("registers and withdraws a complaint at the clock's instant, with deadlines counted from it", async () => {
    const complaint = await makeComplaint(world.agent.client);
    expect(complaint.receivedAt).toBe(setInstant.toISOString());
    expect(new Date(complaint.dueAt!).getTime()).toBeGreaterThan(setInstant.getTime());
    expect(new Date(complaint.dueAt!).getFullYear()).toBe(2026);
    expect(new Date(complaint.dueAt!).getMonth()).toBe(2);

    const res = await world.agent.client.post<Complaint>(`/complaints/${complaint.id}/withdraw`, {
      version: complaint.version,
      reason: "客户来电撤诉",
    });
    expect(res.status).toBe(200);
    expect(res.body.closedAt).toBe(setInstant.toISOString());
  });
});
