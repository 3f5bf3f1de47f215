import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { closeThemedCases } from "../../test/suggestion-kit.js";
import type { ModelSummary } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";
import { trainingThreads } from "./train-in-worker.js";

const world = setupWorld(async (w) => ({
  agent: await w.staff("agent"),
  card: await w.department({ name: "信用卡中心" }),
  branch: await w.department({ name: "营业部" }),
}));

/** Copies of the closed cases, each with a number of its own: enough to learn from for a while. */
async function copyClosedCases(times: number) {
  const { rows } = await world.server.db.execute<{ column_name: string }>(sql`
    select column_name from information_schema.columns
    where table_name = 'complaints' and is_generated = 'NEVER' and column_name not in ('id', 'number')`);
  const columns = sql.raw(rows.map((r) => `"${r.column_name}"`).join(", "));
  await world.server.db.execute(sql`
    insert into complaints (id, number, ${columns})
    select gen_random_uuid(), c.number || '-' || g, ${columns}
    from complaints c, generate_series(1, ${times}) g where c.status = 'closed'`);
}

describe("suggestion training off the server's thread", () => {
  it("answers a request while POST /suggestions/model is still learning", async () => {
    await closeThemedCases(world.admin, [world.card.id, world.branch.id], 3);
    // 3,000 cases: a second or so of learning, against the few milliseconds of a request.
    await copyClosedCases(1000);
    const order: string[] = [];
    const started = new Promise((resolve) => trainingThreads.once("started", resolve));
    const finished = new Promise((resolve) => trainingThreads.once("finished", resolve));
    void finished.then(() => order.push("training finished"));
    const training = world.admin.ok<ModelSummary>("POST", "/suggestions/model");
    await started;
    const answered = await world.agent.client.get("/session");
    order.push("request answered");
    expect(answered.status).toBe(200);
    const summary = await training;
    expect(order).toEqual(["request answered", "training finished"]);
    expect(summary.current?.casesUsed).toBeGreaterThan(3000);
  }, 90_000);
});
