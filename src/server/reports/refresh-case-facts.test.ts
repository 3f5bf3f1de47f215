import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { makeComplaint, mobile } from "../../test/factories.js";
import { setupWorld } from "../../test/world.js";
import { liveCaseFactsSql } from "./case-facts.sql.js";
import { catchUpCaseFacts } from "./refresh-case-facts.js";

const world = setupWorld(async (w) => ({
  agent: await w.staff("agent"),
  billing: await w.department({ name: "电费核算中心" }),
}));

const db = () => world.server.db;

async function staleIds(): Promise<string[]> {
  const { rows } = await db().execute<{ id: string }>(
    sql`select complaint_id as id from report_facts_stale`,
  );
  return rows.map((r) => r.id);
}

/** The stored facts and the facts computed from the cases' tables, each case once. */
async function storedAndLive(ids: string[]) {
  const read = async (statement: ReturnType<typeof sql>) =>
    (await db().execute<Record<string, unknown>>(statement)).rows.sort((a, b) =>
      String(a.complaint_id).localeCompare(String(b.complaint_id)),
    );
  const list = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return {
    stored: await read(sql`select * from report_case_facts where complaint_id in (${list})`),
    live: await read(liveCaseFactsSql(sql`c.id in (${list})`)),
  };
}

describe("report facts", () => {
  beforeEach(() => catchUpCaseFacts(db()));

  it("are marked by the change itself and equal the case's own tables after a catch-up", async () => {
    const { agent, billing } = world;
    const phone = mobile();
    let first = await makeComplaint(agent.client, { customer: { name: "李女士", phone } });
    expect(await staleIds()).toContain(first.id);
    await catchUpCaseFacts(db());
    expect(await staleIds()).toEqual([]);

    // A note is not a fact: nothing to redo.
    await agent.client.command(first.id, "note", { text: "客户要求书面答复" });
    expect(await staleIds()).toEqual([]);

    // A dispatch, a reply and a contact are.
    first = await agent.client.command(first.id, "dispatch", {
      version: first.version,
      departments: [{ departmentId: billing.id }],
    });
    expect(await staleIds()).toEqual([first.id]);
    await agent.client.command(first.id, "contact", {
      direction: "inbound",
      channel: "phone",
      summary: "客户来电催办",
    });
    expect(await staleIds()).toEqual([first.id]);
    await catchUpCaseFacts(db());

    // The same customer calling again within 14 days makes the first case "came back soon".
    const second = await makeComplaint(agent.client, { customer: { name: "李女士", phone } });
    expect((await staleIds()).sort()).toEqual([first.id, second.id].sort());
    await catchUpCaseFacts(db());
    const { stored, live } = await storedAndLive([first.id, second.id]);
    expect(stored).toEqual(live);
    expect(stored.find((f) => f.complaint_id === first.id)).toMatchObject({
      came_back_soon: true,
      lead_orders: 1,
      department_ids: [billing.id],
    });
  });

  it("hold every case of the world after a catch-up, as computed from the cases' tables", async () => {
    const { rows } = await db().execute<{ id: string }>(sql`select id from complaints`);
    const { stored, live } = await storedAndLive(rows.map((r) => r.id));
    expect(stored).toEqual(live);
  });
});
