import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { complaints } from "../../db/schema.js";
import {
  DAY,
  endOfShanghaiDayAfter,
  HAN,
  shanghaiDate,
  eventTypes as types,
} from "../../test/complaint-kit.js";
import { complaintInput, makeComplaint, mobile } from "../../test/factories.js";
import { agentsAndSupervisors } from "../../test/staffings.js";
import type { Complaint, CustomerHistory, ValidationProblem } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(agentsAndSupervisors);

describe("registering a complaint", () => {
  it("answers 201 with a KS number, status received and a created event by the agent's number", async () => {
    const before = shanghaiDate();
    const res = await world.agent.client.post("/complaints", complaintInput());
    expect(res.status).toBe(201);
    const c = res.body;
    expect(c.number).toMatch(/^KS\d{8}-\d{6}$/);
    expect([before, shanghaiDate()]).toContain(c.number.slice(2, 10));
    expect(c).toMatchObject({
      kind: "complaint",
      channel: "phone",
      status: "received",
      version: 1,
      ownerId: null,
      reopenCount: 0,
      subject: "信用卡两个月未收到",
      category: "service",
      businessType: "credit_card",
      causes: ["time_delayed", "right_to_know"],
      severity: "normal",
      source: { type: "direct", hotline: null, externalNo: null, externalDueAt: null },
      workOrders: [],
    });
    expect(c.dueAt).toBe(endOfShanghaiDayAfter(c.receivedAt, 15));
    expect(c.timeline).toEqual([
      expect.objectContaining({
        type: "created",
        actor: { id: world.agent.user.id, agentNo: world.agent.user.agentNo, name: "李娜" },
        data: expect.objectContaining({ number: c.number, kind: "complaint", channel: "phone" }),
      }),
    ]);
    expect(c.allowedActions).toEqual(
      expect.arrayContaining(["assign", "dispatch", "reply", "note", "contact", "callback"]),
    );
    // Read back, the case is the same; only its clocks' time left has moved on.
    const again = (await world.agent.client.get<Complaint>(`/complaints/${c.id}`)).body;
    expect({ ...again, clocks: [] }).toEqual({ ...c, clocks: [] });
    expect(again.clocks.map((k) => [k.name, k.dueAt])).toEqual([["customerReply", c.dueAt]]);
  });

  it("logs the intake itself as an inbound contact on the customer and the case", async () => {
    const c = await makeComplaint(world.agent.client, { channel: "wechat", subject: "柜员态度差" });
    const customer = (await world.agent.client.get<CustomerHistory>(`/customers/${c.customer.id}`))
      .body;
    expect(customer.contacts).toEqual([
      expect.objectContaining({
        complaintId: c.id,
        direction: "inbound",
        channel: "wechat",
        summary: "柜员态度差",
        agentNo: world.agent.user.agentNo,
      }),
    ]);
  });

  it("lets the intake agent own the case from the start (首问负责)", async () => {
    const c = await makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
    expect(c.status).toBe("assigned");
    expect(c.owner).toEqual({
      id: world.agent.user.id,
      agentNo: world.agent.user.agentNo,
      name: "李娜",
    });
    expect(types(c)).toEqual(["created", "assigned"]);
    expect(c.timeline[1]!.data).toMatchObject({
      ownerId: world.agent.user.id,
      ownerAgentNo: world.agent.user.agentNo,
    });
  });

  it("does not let an agent hand a new case to someone else", async () => {
    const res = await world.agent.client.post(
      "/complaints",
      complaintInput({ ownerId: world.otherAgent.user.id }),
    );
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("forbidden");
  });

  it("takes an upper-level transfer's earlier deadline and flags it", async () => {
    const externalDueAt = new Date(Date.now() + 3 * DAY).toISOString();
    const c = await makeComplaint(world.agent.client, {
      channel: "upper_level",
      source: { type: "transfer", hotline: "12345", externalNo: "GD12345-0001", externalDueAt },
    });
    expect(c.source).toEqual({
      type: "transfer",
      hotline: "12345",
      externalNo: "GD12345-0001",
      externalDueAt,
    });
    expect(c.flags).toContain("upper_level_transfer");
    expect(c.dueAt).toBe(externalDueAt);
  });

  it("keeps its own deadline when the transfer's is later", async () => {
    const c = await makeComplaint(world.agent.client, {
      source: {
        type: "transfer",
        hotline: "96169",
        externalDueAt: new Date(Date.now() + 30 * DAY).toISOString(),
      },
    });
    expect(c.flags).toContain("upper_level_transfer");
    expect(c.dueAt).toBe(endOfShanghaiDayAfter(c.receivedAt, 15));
  });

  it("flags the second complaint from the same phone as a repeat", async () => {
    const phone = mobile();
    const first = await makeComplaint(world.agent.client, { customer: { name: "黄先生", phone } });
    const second = await makeComplaint(world.agent.client, {
      customer: { name: "黄先生", phone: `+86 ${phone}` },
    });
    expect(first.flags).not.toContain("repeat");
    expect(second.flags).toContain("repeat");
    expect(second.customer.id).toBe(first.customer.id);
  });
});

describe("invalid input", () => {
  let existingCustomerId: string;
  beforeAll(async () => {
    existingCustomerId = (await makeComplaint(world.agent.client)).customer.id;
  });

  const cases: [string, () => Record<string, unknown>, string][] = [
    ["a missing subject", () => ({ ...complaintInput(), subject: undefined }), "body.subject"],
    ["an unknown kind", () => complaintInput({ kind: "complain" }), "body.kind"],
    [
      "a phone too short to be one",
      () => complaintInput({ customer: { name: "王女士", phone: "123" } }),
      "body.customer.phone",
    ],
    [
      "a number that is no phone",
      () => complaintInput({ customer: { name: "王女士", phone: "12345678901234" } }),
      "body.customer.phone",
    ],
    ["an unknown category code", () => complaintInput({ category: "no_such" }), "body.category"],
    [
      "an amount with three decimals",
      () => complaintInput({ demandAmount: 12.345 }),
      "body.demandAmount",
    ],
    [
      "both customer and customerId",
      () => complaintInput({ customerId: existingCustomerId }),
      "body.customer",
    ],
  ];

  it.each(cases)(
    "rejects %s with the field named, in Chinese by default and English on request",
    async (_, body, field) => {
      const zh = await world.agent.client.post<ValidationProblem>("/complaints", body());
      expect(zh.status).toBe(400);
      expect(zh.headers.get("content-type")).toContain("application/problem+json");
      expect(zh.body).toMatchObject({ code: "validation_failed", status: 400 });
      expect(zh.body.title).toMatch(HAN);
      const zhProblem = zh.body.errors.find((e) => e.field === field);
      expect(zhProblem?.message).toMatch(HAN);

      const en = await world.agent.client.request<ValidationProblem>(
        "POST",
        "/complaints",
        body(),
        {
          "accept-language": "en-US,en;q=0.9",
        },
      );
      expect(en.status).toBe(400);
      expect(en.body.title).toBe("The request has invalid fields.");
      const enProblem = en.body.errors.find((e) => e.field === field);
      expect(enProblem?.message).toMatch(/[a-z]/i);
      expect(enProblem?.message).not.toMatch(HAN);
    },
  );

  it("answers a deadline the database cannot store with 400, not 500", async () => {
    const res = await world.agent.client.post(
      "/complaints",
      complaintInput({
        source: { type: "transfer", hotline: "12345", externalDueAt: "99999-01-01" },
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("validation_failed");
  });

  it("answers malformed JSON with 400, not 500", async () => {
    const res = await fetch(`${world.server.api}/complaints`, {
      method: "POST",
      headers: { cookie: world.agent.client.cookie!, "content-type": "application/json" },
      body: '{"kind": "complaint", ',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(((await res.json()) as { code: string }).code).toBe("validation_failed");
  });

  it("answers an unknown complaint with 404 and a malformed id with 400", async () => {
    const unknown = await world.agent.client.get<Complaint>(`/complaints/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: "not_found", title: "未找到工单。" });
    const command = await world.agent.client.post<Complaint>(`/complaints/${randomUUID()}/note`, {
      text: "备注",
    });
    expect(command.status).toBe(404);
    const malformed = await world.agent.client.get<ValidationProblem>(
      "/complaints/KS20261123-000001",
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe("validation_failed");
    expect(malformed.body.errors.map((e) => e.field)).toEqual(["params.id"]);
  });
});

describe("idempotent create", () => {
  const rowsWithSubject = async (subject: string) => {
    const [row] = await world.server.db
      .select({ n: count() })
      .from(complaints)
      .where(eq(complaints.subject, subject));
    return row!.n;
  };

  it("returns the first complaint on a retry with the same Idempotency-Key", async () => {
    const body = complaintInput({ subject: "重试：扣款两次" });
    const headers = { "idempotency-key": randomUUID() };
    const first = await world.agent.client.post("/complaints", body, headers);
    const retry = await world.agent.client.post("/complaints", body, headers);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.body.number).toBe(first.body.number);
    expect(retry.body).toEqual(first.body);
    expect(await rowsWithSubject("重试：扣款两次")).toBe(1);
  });

  it("creates one complaint when five retries arrive at once", async () => {
    const body = complaintInput({ subject: "并发重试：网点排队" });
    const headers = { "idempotency-key": randomUUID() };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => world.agent.client.post("/complaints", body, headers)),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await rowsWithSubject("并发重试：网点排队")).toBe(1);
  });

  it("refuses the same key with a different body", async () => {
    const headers = { "idempotency-key": randomUUID() };
    const first = await world.agent.client.post("/complaints", complaintInput(), headers);
    expect(first.status).toBe(201);
    const reused = await world.agent.client.post(
      "/complaints",
      complaintInput({ subject: "另一件事" }),
      headers,
    );
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe("idempotency_key_reused");
    expect(await rowsWithSubject("另一件事")).toBe(0);
  });

  it("keeps keys apart per user", async () => {
    const body = complaintInput({ subject: "两位坐席同一个键" });
    const headers = { "idempotency-key": "same-key" };
    const mine = await world.agent.client.post("/complaints", body, headers);
    const theirs = await world.otherAgent.client.post("/complaints", body, headers);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(await rowsWithSubject("两位坐席同一个键")).toBe(2);
  });
});
