import { describe, expect, it } from "vitest";
import { makeComplaint } from "../../test/factories.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => ({ agent: await w.staff("agent") }));

describe("complaint numbers", () => {
  it("keep counting past the millionth complaint instead of cutting the serial to six digits", async () => {
    await world.server.db.$client.query("select setval('complaint_number_seq', 999999)");
    const [last, next] = [
      await makeComplaint(world.agent.client),
      await makeComplaint(world.agent.client),
    ];
    expect(last.number).toMatch(/^KS\d{8}-1000000$/);
    expect(next.number).toMatch(/^KS\d{8}-1000001$/);
  });
});
