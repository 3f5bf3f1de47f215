import { beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../../test/api-client.js";
import { expectUnknownChannel } from "../../test/complaint-kit.js";
import { complaintInput, makeComplaint, mobile } from "../../test/factories.js";
import { frontAndBackOffice } from "../../test/staffings.js";
import type { Complaint, CustomerHistory, Items, ValidationProblem } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(frontAndBackOffice);

/** The customer of seed 002's story, with every identifier a call center keys on. */
const zhang = {
  name: "张建国",
  phone: "13800138000",
  idNumber: "110101199003071234",
  accountNo: "6222021234562233",
};
const find = (client: ApiClient, query: string) =>
  client.get<Items<CustomerHistory>>(`/customers?${query}`);
describe("one customer record with the full history", () => {
  let first: Complaint;
  let second: Complaint;
  /** The lookup between the first and the second complaint. */
  let afterFirst: Awaited<ReturnType<typeof find>>;
  const dueAt = new Date(Date.now() + 2 * 3_600_000).toISOString();

  beforeAll(async () => {
    first = await makeComplaint(world.agent.client, {
      kind: "inquiry",
      customer: zhang,
      subject: "信用卡进度查询",
    });
    await world.agent.client.post(`/complaints/${first.id}/contact`, {
      direction: "inbound",
      channel: "phone",
      summary: "客户再次来电询问卡片进度",
    });
    afterFirst = await find(world.agent.client, `phone=${zhang.phone}`);
    // The next call: the agent types the number as the caller reads it out.
    second = await makeComplaint(world.agent.client, {
      customer: { name: zhang.name, phone: "+86 138-0013-8000" },
      subject: "信用卡两个月未收到，要求投诉",
    });
    const promised = await world.agent.client.post(`/complaints/${second.id}/callback`, {
      dueAt,
      note: "两小时内回电说明进度",
    });
    expect(promised.status).toBe(200);
  });

  it("is not a repeat customer after the first contact", () => {
    expect(afterFirst.status).toBe(200);
    expect(afterFirst.body.items).toHaveLength(1);
    expect(afterFirst.body.items[0]).toMatchObject({ name: zhang.name, repeat: false });
    expect(afterFirst.body.items[0]!.complaints.map((c) => c.id)).toEqual([first.id]);
  });

  it("finds the customer by any spelling of the phone, with every complaint newest first, contacts and open callbacks", async () => {
    expect(second.customer.id).toBe(first.customer.id);
    for (const spelling of [
      "+86 138-0013-8000",
      "138-0013-8000",
      "008613800138000",
      "13800138000",
    ]) {
      const res = await find(world.agent.client, `phone=${encodeURIComponent(spelling)}`);
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(1);
      const customer = res.body.items[0]!;
      expect(customer).toMatchObject({ id: first.customer.id, ...zhang, masked: false });
      expect(customer.repeat).toBe(true);
      expect(customer.complaints.map((c) => [c.number, c.kind, c.subject])).toEqual([
        [second.number, "complaint", "信用卡两个月未收到，要求投诉"],
        [first.number, "inquiry", "信用卡进度查询"],
      ]);
      expect(customer.contacts.map((c) => [c.complaintId, c.direction, c.summary])).toEqual([
        [second.id, "inbound", "信用卡两个月未收到，要求投诉"],
        [first.id, "inbound", "客户再次来电询问卡片进度"],
        [first.id, "inbound", "信用卡进度查询"],
      ]);
      for (const contact of customer.contacts)
        expect(contact.agentNo).toBe(world.agent.user.agentNo);
      expect(customer.openCallbacks).toEqual([
        expect.objectContaining({
          complaintId: second.id,
          dueAt,
          note: "两小时内回电说明进度",
          status: "open",
          promisedById: world.agent.user.id,
        }),
      ]);
    }
  });

  it("flags the second complaint of the same phone as a repeat", () => {
    expect(first.flags).not.toContain("repeat");
    expect(second.flags).toContain("repeat");
  });

  it("finds the customer by ID-card number and by account number", async () => {
    for (const query of [`idNumber=${zhang.idNumber}`, `accountNo=${zhang.accountNo}`]) {
      const res = await find(world.agent.client, query);
      expect(res.status).toBe(200);
      expect(res.body.items.map((c) => c.id)).toEqual([first.customer.id]);
      expect(res.body.items[0]!.complaints).toHaveLength(2);
    }
  });

  it("finds customers by part of the name", async () => {
    const res = await find(world.agent.client, `q=${encodeURIComponent("建国")}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((c) => c.name)).toEqual([zhang.name]);
  });

  it("returns the same history by id", async () => {
    const res = await world.agent.client.get<CustomerHistory>(`/customers/${first.customer.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: first.customer.id, repeat: true, phone: zhang.phone });
    expect(res.body.complaints.map((c) => c.id)).toEqual([second.id, first.id]);
  });

  it("finds nobody for an unknown number and asks for an identifier when given none", async () => {
    const none = await find(world.agent.client, "phone=13911112222");
    expect(none.status).toBe(200);
    expect(none.body.items).toEqual([]);
    const empty = await world.agent.client.get("/customers");
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe("bad_request");
  });
});

describe("registering and correcting a customer", () => {
  it("refuses a second customer with the same phone, however it is spelled", async () => {
    const phone = mobile();
    const created = await world.agent.client.post("/customers", { name: "刘女士", phone });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "刘女士", phone, version: 1, masked: false });
    const spelled = `+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`;
    const again = await world.agent.client.post("/customers", { name: "刘某", phone: spelled });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("duplicate");
    expect(again.body.title).toContain(phone);
  });

  it("rejects an edit made on a stale version and keeps the first edit", async () => {
    const created = (
      await world.agent.client.post("/customers", { name: "陈先生", phone: mobile() })
    ).body;
    const first = await world.agent.client.patch(`/customers/${created.id}`, {
      version: created.version,
      name: "陈志强",
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ name: "陈志强", version: created.version + 1 });
    const stale = await world.agent.client.patch(`/customers/${created.id}`, {
      version: created.version,
      name: "陈某某",
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: "version_conflict",
      currentVersion: created.version + 1,
      title: `该客户已被修改（当前版本 ${created.version + 1}），请刷新后重试。`,
    });
    expect(
      (await world.agent.client.get<CustomerHistory>(`/customers/${created.id}`)).body.name,
    ).toBe("陈志强");
  });

  it("counts an ID number filled in at intake as a change, so an edit on the old version conflicts", async () => {
    const phone = mobile();
    const created = (await world.agent.client.post("/customers", { name: "韩先生", phone })).body;
    await world.agent.client.post("/complaints", {
      kind: "inquiry",
      channel: "phone",
      customer: { name: "韩先生", phone, accountNo: "6222020200998877" },
      subject: "账户咨询",
      description: "客户咨询账户状态",
    });
    const after = (await world.agent.client.get<CustomerHistory>(`/customers/${created.id}`)).body;
    expect(after).toMatchObject({ accountNo: "6222020200998877", version: created.version + 1 });
    const stale = await world.agent.client.patch(`/customers/${created.id}`, {
      version: created.version,
      name: "韩某",
    });
    expect(stale.body.code).toBe("version_conflict");
  });

  it("keeps the version of a customer whose edit changes nothing", async () => {
    const phone = mobile();
    const created = (
      await world.agent.client.post("/customers", {
        name: "孙女士",
        phone,
        idNumber: "32010219800101001X",
      })
    ).body;
    const same = await world.agent.client.patch(`/customers/${created.id}`, {
      version: created.version,
      name: " 孙女士 ",
      phone: `+86 ${phone}`,
      idNumber: "32010219800101001x",
      email: null,
    });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ name: "孙女士", phone, version: created.version });
    const only = await world.agent.client.patch(`/customers/${created.id}`, {
      version: created.version,
    });
    expect(only.body.version).toBe(created.version);
    // A colleague's edit on the version they read still goes through.
    const real = await world.agent.client.patch(`/customers/${created.id}`, {
      version: created.version,
      address: "滨江区江南大道 1 号",
    });
    expect(real.status).toBe(200);
    expect(real.body.version).toBe(created.version + 1);
  });

  it("refuses unknown and read-only fields, naming each in the caller's language", async () => {
    const created = (
      await world.agent.client.post("/customers", { name: "钱先生", phone: mobile() })
    ).body;
    const body = { version: created.version, name: "钱某", masked: true, createdAt: "2020-01-01" };
    const zh = await world.agent.client.patch(`/customers/${created.id}`, body);
    expect(zh.status).toBe(400);
    expect(zh.body.errors).toEqual([
      { field: "body.masked", code: "unrecognized_keys", message: "未知或不可修改的字段" },
      { field: "body.createdAt", code: "unrecognized_keys", message: "未知或不可修改的字段" },
    ]);
    const en = await world.agent.client.request<ValidationProblem>(
      "PATCH",
      `/customers/${created.id}`,
      body,
      {
        "accept-language": "en",
      },
    );
    expect(en.body.errors.map((e) => e.message)).toEqual([
      "Unknown or read-only field",
      "Unknown or read-only field",
    ]);
    expect(
      (await world.agent.client.get<CustomerHistory>(`/customers/${created.id}`)).body,
    ).toMatchObject({
      name: "钱先生",
      version: created.version,
    });
  });

  it("stores an ID number corrected later the way lookups find it", async () => {
    const created = (
      await world.agent.client.post("/customers", { name: "郑女士", phone: mobile() })
    ).body;
    const res = await world.agent.client.patch(`/customers/${created.id}`, {
      version: created.version,
      idNumber: "11010519491231002x",
    });
    expect(res.body.idNumber).toBe("11010519491231002X");
    for (const spelling of ["11010519491231002x", "11010519491231002X"]) {
      const found = await find(world.agent.client, `idNumber=${spelling}`);
      expect(found.body.items.map((c) => c.id)).toEqual([created.id]);
    }
  });
});

describe("input checks", () => {
  it("rejects a number that is not a phone with the field named", async () => {
    const res = await world.agent.client.post("/customers", {
      name: "吴先生",
      phone: "12345678901234",
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("validation_failed");
    expect(res.body.errors).toEqual([
      { field: "body.phone", code: "invalid_phone", message: "电话号码格式不正确" },
    ]);
  });

  it("does not create a customer through a complaint with a bad phone", async () => {
    const res = await world.agent.client.post(
      "/complaints",
      complaintInput({ customer: { name: "吴先生", phone: "12345678901234" } }),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe("body.customer.phone");
    expect(
      (await find(world.agent.client, `q=${encodeURIComponent("吴先生")}`)).body.items,
    ).toEqual([]);
  });

  it("refuses a contact by a channel not on the channel list, as intake does", async () => {
    const created = (
      await world.agent.client.post("/customers", { name: "周先生", phone: mobile() })
    ).body;
    const contact = { direction: "inbound", channel: "pigeon", summary: "飞鸽传书" };
    const res = await world.agent.client.post(`/customers/${created.id}/contacts`, contact);
    await expectUnknownChannel(world.agent.client, res);
    expect((await world.agent.client.get(`/customers/${created.id}`)).body.contacts).toEqual([]);
    const ok = await world.agent.client.post(`/customers/${created.id}/contacts`, {
      ...contact,
      channel: "phone",
    });
    expect(ok.status).toBe(201);
  });

  it("caps q as the complaint list does, with the same answer", async () => {
    const long = encodeURIComponent("王".repeat(101));
    const customers = await world.agent.client.get<ValidationProblem>(`/customers?q=${long}`);
    const complaints = await world.agent.client.get<ValidationProblem>(`/complaints?q=${long}`);
    expect(complaints.status).toBe(400);
    expect(customers.status).toBe(400);
    expect(customers.body.errors).toEqual(complaints.body.errors);
    expect(customers.body.errors[0]!.field).toBe("querystring.q");
    expect(
      (await find(world.agent.client, `q=${encodeURIComponent("王".repeat(100))}`)).status,
    ).toBe(200);
  });
});
