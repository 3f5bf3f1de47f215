import { describe, expect, it } from "vitest";
import { getComplaint } from "../../test/complaint-kit.js";
import { makeComplaint } from "../../test/factories.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => ({ agent: await w.staff("agent") }));

describe("escalation risk (越级投诉风险) on the complaint", () => {
  it("is low, with no reason, for a calm first complaint", async () => {
    const c = await makeComplaint(world.agent.client);
    expect(c.risk).toEqual({ level: "low", score: 0, reasons: [] });
  });

  it("names the threat words and the transfer, each reason in words", async () => {
    const c = await makeComplaint(world.agent.client, {
      description: "客户称多次反映无果，再不解决就去银保监投诉并找媒体曝光。",
      source: { type: "transfer", hotline: "12345" },
    });
    expect(c.risk.level).toBe("high");
    expect(c.risk.reasons.map((r) => [r.code, r.text])).toEqual([
      ["threat_words", "提及监管、媒体或诉讼：银保监、媒体、曝光"],
      ["upper_level_transfer", "上级或监管转办"],
    ]);
  });

  it("is worked out again as the case changes: a third call in 30 days adds its reason", async () => {
    const c = await makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
    for (const summary of ["客户来电催问进度", "客户再次来电，情绪激动"])
      await world.agent.client.command(c.id, "contact", {
        direction: "inbound",
        channel: "phone",
        summary,
      });
    const after = await getComplaint(world.agent.client, c.id);
    expect(after.risk.reasons).toContainEqual(
      expect.objectContaining({ code: "repeated_contacts", detail: "3" }),
    );
  });
});
