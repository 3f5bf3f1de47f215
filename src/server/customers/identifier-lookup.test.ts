import { describe, expect, it } from "vitest";
import { makeComplaint, mobile } from "../../test/factories.js";
import { ownCase, remedyOf } from "../../test/remedy-kit.js";
import type { Complaint, IdentifierLookup as Lookup } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const ID_NUMBER = "110101199003071233";
const METER = "3100204567890";

const world = setupWorld(async (w) => {
  const agent = await w.staff("agent");
  const withMeter = await makeComplaint(agent.client, {
    customer: {
      name: "周先生",
      phone: mobile(),
      idNumber: ID_NUMBER,
      accountNo: METER,
      email: "Zhou.Xiansheng@example.com",
    },
    subject: "电表读数异常，本月电费翻倍",
  });
  const transferred = await makeComplaint(agent.client, {
    subject: "市民热线转办：停电未通知",
    source: { type: "transfer", hotline: "12345", externalNo: "GD2026-120345" },
  });
  return {
    agent,
    quality: await w.staff("quality"),
    handler: await w.staff("department_handler", { departmentId: (await w.department()).id }),
    withMeter,
    transferred,
  };
});

const lookUp = (q: string, who = world.agent) =>
  who.client.get<Lookup>(`/lookup?q=${encodeURIComponent(q)}`);

describe("GET /lookup: one box for whatever the caller gives", () => {
  it("finds the caller by phone in any spelling", async () => {
    const phone = world.withMeter.customer.phone!;
    const res = await lookUp(`+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`);
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe("phone");
    expect(res.body.customers.map((c) => [c.id, c.matchedBy])).toEqual([
      [world.withMeter.customer.id, "phone"],
    ]);
  });

  it("finds the caller by a meter number instead of offering a new customer", async () => {
    const res = await lookUp(METER);
    expect(res.body.kind).toBe("account");
    expect(res.body.customers.map((c) => c.name)).toEqual(["周先生"]);
  });

  it("finds the caller by ID number with a lower-case check letter, and by email in any case", async () => {
    expect((await lookUp(ID_NUMBER)).body.customers.map((c) => c.matchedBy)).toEqual(["id_number"]);
    const byEmail = await lookUp("zhou.xiansheng@EXAMPLE.com");
    expect(byEmail.body.kind).toBe("email");
    expect(byEmail.body.customers.map((c) => c.id)).toEqual([world.withMeter.customer.id]);
  });

  it("finds a case by its number, and its caller with the whole history", async () => {
    const res = await lookUp(world.withMeter.number.toLowerCase());
    expect(res.body.kind).toBe("complaint_number");
    expect(res.body.complaints.map((c) => c.id)).toEqual([world.withMeter.id]);
    expect(res.body.customers[0]).toMatchObject({
      id: world.withMeter.customer.id,
      matchedBy: "complaint_number",
    });
  });

  it("finds a transferred case by the upper-level hotline's own number", async () => {
    const res = await lookUp("GD2026-120345");
    expect(res.body.kind).toBe("external_number");
    expect(res.body.complaints.map((c) => c.number)).toEqual([world.transferred.number]);
  });

  it("lists both callers when a number is one's phone and another's account", async () => {
    const phone = mobile();
    const other = await makeComplaint(world.agent.client, {
      customer: { name: "吴女士", phone: mobile(), accountNo: phone },
    });
    const owner = await makeComplaint(world.agent.client, { customer: { name: "郑先生", phone } });
    const res = await lookUp(phone);
    expect(res.body.kind).toBe("phone");
    expect(res.body.customers.map((c) => [c.id, c.matchedBy])).toEqual([
      [owner.customer.id, "phone"],
      [other.customer.id, "account"],
    ]);
  });

  it("answers nothing found, not an error, for an unknown number; 400 for an empty box", async () => {
    expect((await lookUp("13912345678")).body).toEqual({
      kind: null,
      customers: [],
      complaints: [],
    });
    expect((await world.agent.client.get("/lookup?q=")).status).toBe(400);
  });
});

describe("what a role learns from the lookup", () => {
  it("gives quality the caller for a whole number, with the identifiers masked", async () => {
    const res = await lookUp(ID_NUMBER, world.quality);
    expect(res.body.customers).toHaveLength(1);
    expect(res.body.customers[0]!.idNumber).not.toContain(ID_NUMBER.slice(3, 14));
    expect(res.body.customers[0]!.phone).toContain("****");
  });

  it("finds nothing from part of a number, so masked digits cannot be guessed one by one", async () => {
    const phone = world.withMeter.customer.phone!;
    for (const who of [world.quality, world.agent]) {
      const res = await lookUp(phone.slice(0, 7), who);
      expect(res.body.customers).toEqual([]);
    }
  });

  it("looks ahead from a mobile's first ten digits for agents only, so masked digits stay hidden", async () => {
    const phone = world.withMeter.customer.phone!;
    const ahead = (who = world.agent, q = phone.slice(0, 10)) =>
      who.client.get<Lookup>(`/lookup?q=${q}&completing=true`);
    const res = await ahead();
    expect(res.status).toBe(200);
    expect(res.body.kind).toBe("phone");
    expect(res.body.customers.map((c) => [c.id, c.matchedBy])).toEqual([
      [world.withMeter.customer.id, "phone"],
    ]);
    expect((await ahead(world.quality)).body).toEqual({
      kind: null,
      customers: [],
      complaints: [],
    });
    expect((await ahead(world.agent, phone.slice(0, 7))).body.customers).toEqual([]);
    expect((await ahead(world.handler)).status).toBe(403);
  });

  it("refuses department handlers, who never see who complained", async () => {
    expect((await lookUp(METER, world.handler)).status).toBe(403);
  });

  it("masks identifiers in a found case's subject for quality", async () => {
    const c: Complaint = await makeComplaint(world.agent.client, {
      subject: `户号${METER}多收费`,
    });
    const res = await lookUp(c.number, world.quality);
    expect(JSON.stringify(res.body.complaints)).not.toContain(METER);
  });
});

describe("the history answers the caller's question", () => {
  it("gives each case its owner's agent number, what the customer was last told and what was granted", async () => {
    const phone = mobile();
    const c = await ownCase(world.agent, { customer: { name: "冯女士", phone } });
    await remedyOf(world.agent, c, "refund", "150.00");
    const told = await world.agent.client.post(`/complaints/${c.id}/contact`, {
      direction: "outbound",
      channel: "phone",
      summary: `已告知客户退款150元将于3个工作日内到账，回拨号码${phone}`,
    });
    expect(told.status).toBe(200);

    const [asAgent] = (await lookUp(phone)).body.customers;
    expect(asAgent!.complaints[0]).toMatchObject({
      owner: { agentNo: world.agent.user.agentNo, name: world.agent.user.displayName },
      remediesGranted: "150.00",
      satisfaction: null,
      lastToCustomer: { type: "contact" },
    });
    expect(asAgent!.complaints[0]!.lastToCustomer!.text).toContain(phone);

    const [asQuality] = (await lookUp(phone, world.quality)).body.customers;
    expect(asQuality!.complaints[0]!.lastToCustomer!.text).toContain("已告知客户退款150元");
    expect(asQuality!.complaints[0]!.lastToCustomer!.text).not.toContain(phone);
  });
});
