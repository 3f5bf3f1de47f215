import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getComplaint } from "../../test/complaint-kit.js";
import { makeComplaint, type Staff } from "../../test/factories.js";
import type { Complaint, ComplaintListItem, Page } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

// What people write on a case after intake (notes, contacts, replies) is searchable in rows of its
// own (case_texts): found by the same search as the case's own text, by the same people, with the
// same masking, and written without touching the complaint's row.
const NOTE = "网点经理承诺周五前答复";
const CONTACT = "外呼回访，对方称查无此人";
const REPLY = "经核实已全额退还年费";
const NOTED_PHONE = "13600136000";

const world = setupWorld(async (w) => {
  const [ours, theirs] = [await w.department(), await w.department()];
  const agent = await w.staff("agent");
  const handler = await w.staff("department_handler", { departmentId: ours.id });
  const otherHandler = await w.staff("department_handler", { departmentId: theirs.id });
  const quality = await w.staff("quality");
  const post = async (client: Staff["client"], path: string, body: object) => {
    const res = await client.post<Complaint>(path, body);
    expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(200);
    return res.body;
  };
  // Noted, contacted, dispatched to our department, handled there and replied to.
  let c = await makeComplaint(agent.client);
  await post(agent.client, `/complaints/${c.id}/note`, { text: NOTE });
  c = await post(agent.client, `/complaints/${c.id}/contact`, {
    direction: "outbound",
    channel: "phone",
    summary: CONTACT,
  });
  c = await post(agent.client, `/complaints/${c.id}/dispatch`, {
    version: c.version,
    departments: [{ departmentId: ours.id }],
  });
  const order = c.workOrders[0]!.id;
  await post(handler.client, `/work-orders/${order}/accept`, {});
  c = await post(handler.client, `/work-orders/${order}/result`, {
    result: "已核实",
    substantiated: true,
    responsibility: "company",
  });
  c = await post(agent.client, `/complaints/${c.id}/reply`, { version: c.version, message: REPLY });
  // A phone and a card number written in a note and a contact of a case our department handles.
  const numbered = await makeComplaint(agent.client);
  await post(agent.client, `/complaints/${numbered.id}/note`, {
    text: `客户另留电话${NOTED_PHONE}，卡号6222 0212 3456 7890`,
  });
  await post(agent.client, `/complaints/${numbered.id}/contact`, {
    direction: "outbound",
    channel: "phone",
    summary: `回拨${NOTED_PHONE}无人接听`,
  });
  await post(agent.client, `/complaints/${numbered.id}/dispatch`, {
    version: (await getComplaint(agent.client, numbered.id)).version,
    departments: [{ departmentId: ours.id }],
  });
  // A case with none of these words, so a match is never just "everything".
  await makeComplaint(agent.client);
  return { agent, handler, otherHandler, quality, caseId: c.id, numberedId: numbered.id };
});

/** What a caller finds for a term: the list (newest and due first) and the count of a view. */
async function found(caller: Staff, term: string) {
  const q = encodeURIComponent(term);
  const newest = await caller.client.get<Page<ComplaintListItem>>(`/complaints?q=${q}`);
  const due = await caller.client.get<Page<ComplaintListItem>>(`/complaints?q=${q}&sort=due`);
  const counts = await caller.client.post("/saved-views/counts", { filters: [{ q: term }] });
  expect([newest.status, due.status, counts.status]).toEqual([200, 200, 200]);
  return {
    newest: newest.body.items.map((c) => c.id),
    due: due.body.items.map((c) => c.id),
    count: counts.body.items[0].count,
  };
}

/** Its first two, three and four characters: 查无, 查无此, 查无此人. */
const pieces = (text: string, word: string) => {
  expect(text).toContain(word);
  return [2, 3, 4].map((n) => word.slice(0, n));
};
const terms = () => [
  ...pieces(NOTE, "承诺周五").map((term) => ["note", term]),
  ...pieces(CONTACT, "查无此人").map((term) => ["contact", term]),
  ...pieces(REPLY, "全额退还").map((term) => ["reply", term]),
];

describe("searching what was written on a case", () => {
  it.each(terms())(
    "finds the %s by “%s”, as does the department that handles it",
    async (_, term) => {
      const once = { newest: [world.caseId], due: [world.caseId], count: 1 };
      expect(await found(world.agent, term)).toEqual(once);
      expect(await found(world.handler, term)).toEqual(once);
      expect(await found(world.quality, term)).toEqual(once);
    },
  );

  it("finds nothing for a department the case was never dispatched to", async () => {
    for (const [, term] of terms())
      expect(await found(world.otherHandler, term!), term).toEqual({
        newest: [],
        due: [],
        count: 0,
      });
  });

  it("matches no part of a number written in a note or contact for roles that see it masked", async () => {
    const parts = [NOTED_PHONE.slice(0, 7), NOTED_PHONE.slice(4), "3456", "0212 3456", "6222"];
    const nothing = { newest: [], due: [], count: 0 };
    for (const caller of [world.quality, world.handler])
      for (const term of parts)
        expect(await found(caller, term), `${caller.user.role} ${term}`).toEqual(nothing);
    const once = { newest: [world.numberedId], due: [world.numberedId], count: 1 };
    for (const term of parts) expect(await found(world.agent, term), term).toEqual(once);
    // The words around the numbers are found by everyone who sees the case.
    for (const caller of [world.quality, world.handler, world.agent])
      expect(await found(caller, "无人接听"), caller.user.role).toEqual(once);
  });
});

describe("writing on a case", () => {
  /** The complaint's row as stored: xmin changes with any rewrite of it. */
  const row = async (id: string) =>
    (
      await world.server.db.execute<Record<string, unknown>>(
        sql`select xmin::text as xmin, version, updated_at, search_text, search_grams
            from complaints where id = ${id}`,
      )
    ).rows[0];

  it("leaves the complaint's row as it was for a note and a contact", async () => {
    const c = await makeComplaint(world.agent.client);
    const before = await row(c.id);
    const noted = await world.agent.client.post<Complaint>(`/complaints/${c.id}/note`, {
      text: "客户称已自行处理完毕",
    });
    const contacted = await world.agent.client.post<Complaint>(`/complaints/${c.id}/contact`, {
      direction: "inbound",
      channel: "phone",
      summary: "客户来电询问进度",
    });
    expect([noted.status, contacted.status]).toEqual([200, 200]);
    expect([noted.body.version, contacted.body.version]).toEqual([c.version, c.version]);
    expect(await row(c.id)).toEqual(before);
    expect((await found(world.agent, "自行处理")).newest).toEqual([c.id]);
    expect((await found(world.agent, "询问进度")).newest).toEqual([c.id]);
  });

  it("moves a reply's version on as before, but not the complaint's search text", async () => {
    const c = await makeComplaint(world.agent.client);
    const before = await row(c.id);
    const replied = await world.agent.client.post<Complaint>(`/complaints/${c.id}/reply`, {
      version: c.version,
      message: "补寄卡片已于今日发出",
    });
    expect(replied.status).toBe(200);
    expect(replied.body).toMatchObject({ status: "replied", version: c.version + 1 });
    const after = await row(c.id);
    expect(after).toMatchObject({
      version: c.version + 1,
      search_text: before!.search_text,
      search_grams: before!.search_grams,
    });
    expect((await found(world.agent, "补寄卡片")).newest).toEqual([c.id]);
  });
});
