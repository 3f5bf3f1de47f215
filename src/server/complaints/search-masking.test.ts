import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../demo/seeded-random.js";
import { replaceIdentifiers } from "../../domain/customer/masking.js";
import { makeComplaint, type Staff } from "../../test/factories.js";
import type { Complaint, ComplaintListItem, Page } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

// Masking is a promise about what a role can learn, not how a field is drawn: a quality user or a
// department handler who sees 137****9066 must not be able to find the hidden digits by asking.
const PHONE = "13713959066";
const HIDDEN = PHONE.slice(3, 7); // 1395
const ID_NUMBER = "11010119900307123X";
const CARD = "6222 0212 3456 7890";
const NOTED_PHONE = "13600136000";

const world = setupWorld(async (w) => {
  const department = await w.department();
  const agent = await w.staff("agent");
  const quality = await w.staff("quality");
  const handler = await w.staff("department_handler", { departmentId: department.id });
  const made = await makeComplaint(agent.client, {
    customer: { name: "刘女士", phone: PHONE, idNumber: ID_NUMBER },
    subject: `信用卡被盗刷，回电${PHONE}`,
    description: `客户身份证${ID_NUMBER}，卡号${CARD}，本人未消费。`,
  });
  const caseId = made.id;
  const customerId = made.customer.id;
  const noted = await agent.client.post<Complaint>(`/complaints/${caseId}/note`, {
    text: `客户另留电话${NOTED_PHONE}`,
  });
  const dispatched = await agent.client.post<Complaint>(`/complaints/${caseId}/dispatch`, {
    version: noted.body.version,
    departments: [{ departmentId: department.id }],
    instructions: `请联系客户${PHONE}核实`,
  });
  expect(dispatched.status).toBe(200);
  return { agent, quality, handler, caseId, customerId };
});

/** Everything a caller can ask about one search term: the list (alone and on the customer) and its count. */
async function answers(caller: Staff, term: string) {
  const q = encodeURIComponent(term);
  const list = await caller.client.get<Page<ComplaintListItem>>(`/complaints?q=${q}`);
  const ofCustomer = await caller.client.get(
    `/complaints?customerId=${world.customerId}&q=${q}&sort=due`,
  );
  const counts = await caller.client.post("/saved-views/counts", {
    filters: [{ q: term }, { q: term, open: true }],
  });
  expect([list.status, ofCustomer.status, counts.status]).toEqual([200, 200, 200]);
  return {
    list: list.body.items.map((c: { id: string }) => c.id),
    ofCustomer: ofCustomer.body.items.map((c: { id: string }) => c.id),
    counts: counts.body.items.map((c: { count: number }) => c.count),
    cursor: list.body.nextCursor,
  };
}

const nothing = { list: [], ofCustomer: [], counts: [0, 0], cursor: null };

/** Each hidden digit tried all ten ways, after the visible prefix: what an attacker would ask. */
function probes(visible: string, hidden: string) {
  return [...hidden].flatMap((_, position) =>
    Array.from({ length: 10 }, (_, digit) => `${visible}${hidden.slice(0, position)}${digit}`),
  );
}

describe("what a role that sees identifiers masked can learn by searching", () => {
  it("the digit-by-digit probe of a masked phone finds nothing for quality or a handler", async () => {
    const terms = [
      ...probes(PHONE.slice(0, 3), HIDDEN),
      HIDDEN,
      PHONE.slice(0, 7),
      PHONE.slice(2, 9),
      PHONE.slice(0, 10),
      `${PHONE.slice(0, 3)}-${HIDDEN}`,
    ];
    for (const caller of [world.quality, world.handler])
      for (const term of terms)
        expect(await answers(caller, term), `${caller.user.role} ${term}`).toEqual(nothing);
  });

  it("finds no part of an ID, card or phone number written into the text", async () => {
    const parts = [
      ID_NUMBER.slice(3, 14),
      "19900307",
      "3456",
      "0212 3456",
      NOTED_PHONE.slice(0, 7),
    ];
    const terms = [...parts, ...probes(NOTED_PHONE.slice(0, 3), NOTED_PHONE.slice(3, 5))];
    for (const caller of [world.quality, world.handler])
      for (const term of terms)
        expect(await answers(caller, term), `${caller.user.role} ${term}`).toEqual(nothing);
    // Those who may see the numbers find the case by any part of them.
    for (const term of parts)
      expect((await answers(world.agent, term)).list, term).toEqual([world.caseId]);
  });

  it("lets quality find a customer's cases by the whole number it already knows, and a handler not at all", async () => {
    const found = {
      list: [world.caseId],
      ofCustomer: [world.caseId],
      counts: [1, 1],
      cursor: null,
    };
    for (const whole of [PHONE, `+86 137-1395-9066`, ID_NUMBER.toLowerCase()])
      expect(await answers(world.quality, whole), whole).toEqual(found);
    expect(await answers(world.quality, "13713959067")).toEqual(nothing);
    for (const whole of [PHONE, ID_NUMBER])
      expect(await answers(world.handler, whole)).toEqual(nothing);
    // Words find the case for both, as for anyone.
    expect((await answers(world.handler, "盗刷")).list).toEqual([world.caseId]);
    expect((await answers(world.quality, "盗刷")).list).toEqual([world.caseId]);
  });
});

describe("what a role that sees identifiers masked reads", () => {
  // Record ids, timestamps and numbers (a clock's elapsed share, 0.0212…) are random or clock
  // digits: a 1395 inside one reveals nothing. Identifiers are always strings.
  const noise =
    /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-\d\d-\d\dT[\d:.]+Z)$/i;
  const leaks = (body: unknown) => {
    const text = JSON.stringify(body, (_key, value) =>
      typeof value === "number" || (typeof value === "string" && noise.test(value)) ? null : value,
    ).replace(/\s/g, "");
    return [HIDDEN, "19900307", "0212", "3456", NOTED_PHONE.slice(3, 7)].filter((digits) =>
      text.includes(digits),
    );
  };

  it("no hidden digit in the case, its list row, the customer's history or the department's inbox", async () => {
    for (const caller of [world.quality, world.handler]) {
      const detail = await caller.client.get<Complaint>(`/complaints/${world.caseId}`);
      expect(detail.status).toBe(200);
      expect(leaks(detail.body), caller.user.role).toEqual([]);
      expect(detail.body.subject).toBe("信用卡被盗刷，回电137****9066");
      expect(detail.body.description).toBe(
        "客户身份证110***********123X，卡号**** **** **** 7890，本人未消费。",
      );
      const list = await caller.client.get<Page<ComplaintListItem>>(
        `/complaints?q=${encodeURIComponent("盗刷")}`,
      );
      expect(leaks(list.body)).toEqual([]);
    }
    const history = await world.quality.client.get(`/customers/${world.customerId}`);
    expect(history.status).toBe(200);
    expect(leaks(history.body)).toEqual([]);
    const inbox = await world.handler.client.get("/work-orders");
    expect(inbox.body.items[0].instructions).toBe("请联系客户137****9066核实");
    expect(leaks(inbox.body)).toEqual([]);
  });

  it("no hidden digit in a view someone shared with the number in its name and search", async () => {
    const supervisor = await world.staff("supervisor");
    const shared = await supervisor.client.post("/saved-views", {
      name: `客户${PHONE}`,
      filters: { q: PHONE },
      shared: true,
    });
    expect(shared.status).toBe(201);
    for (const caller of [world.quality, world.handler]) {
      const views = await caller.client.get("/saved-views");
      const view = views.body.items.find((v: { id: string }) => v.id === shared.body.id);
      expect(view.name).toBe("客户137****9066");
      expect(view.filters.q).toBe("137****9066");
    }
  });

  it("shows the agent every digit", async () => {
    const detail = await world.agent.client.get<Complaint>(`/complaints/${world.caseId}`);
    expect(detail.body.description).toContain(CARD);
    expect(JSON.stringify(detail.body.timeline)).toContain(NOTED_PHONE);
  });
});

describe("the database and the server find the same identifiers", () => {
  it("kesu_without_identifiers removes exactly what masking masks", async () => {
    const random = seededRandom(11);
    const alphabet = ["1", "3", "8", "0", "9", "5", " ", "-", "X", "x", "K", "S", "号", "电", "a"];
    const texts = [
      "",
      "手机13800138000，身份证11010119900307123X",
      "KS20261123-000042 与 8D-2026-0001",
      "卡 6222-0212-3456-7890-123 和 123 456",
      ...Array.from({ length: 400 }, () =>
        Array.from({ length: random.int(4, 34) }, () => random.pick(alphabet)).join(""),
      ),
    ];
    const { rows } = await world.server.db.execute<{ t: string }>(
      sql`select kesu_without_identifiers(t) as t
          from jsonb_array_elements_text(${JSON.stringify(texts)}::jsonb) with ordinality as x(t, i) order by i`,
    );
    expect(rows.map((r) => r.t)).toEqual(texts.map((t) => replaceIdentifiers(t, () => " ")));
  });
});
