import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { complaintInput } from "../../test/factories.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => ({
  agent: await w.staff("agent"),
  other: await w.staff("agent"),
}));

// The server runs in this process: every statement it sends passes pg's Client.query, named
// when prepared. Each is one round trip to PostgreSQL.
const sent: string[] = [];
const query = pg.Client.prototype.query;
beforeEach(() => {
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { name?: string; text: string };
    sent.push(typeof first === "string" ? first : (first.name ?? first.text));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
});
afterEach(() => {
  pg.Client.prototype.query = query;
});

describe("a complaint's intake", () => {
  it("is the caller's session, one read, one write and the page: four round trips", async () => {
    sent.length = 0;
    const res = await world.agent.client.post("/complaints", complaintInput());
    expect(res.status).toBe(201);
    expect(sent).toEqual(["session_caller", "intake_plan", "create_complaint", "complaint_page"]);
  });
});

describe("the list", () => {
  it("prepares a page without a search term once per shape, whatever the values", async () => {
    sent.length = 0;
    for (const owner of [world.agent, world.other])
      await world.agent.client.get(`/complaints?open=true&sort=due&ownerId=${owner.user.id}`);
    await world.agent.client.get("/complaints?q=信用卡");
    const pages = sent.filter((s) => s !== "session_caller");
    expect(pages[0]).toMatch(/^list_[0-9a-f]{16}$/);
    expect(pages[1]).toBe(pages[0]);
    // A search's plan depends on its term: planned every time.
    expect(pages.slice(2).filter((s) => s.startsWith("list_"))).toEqual([]);
  });
});
