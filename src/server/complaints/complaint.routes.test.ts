import { randomUUID } from "node:crypto";
import { count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { complaints, timelineEvents } from "../../db/schema.js";
import type { ApiClient, ApiResponse } from "../../test/api-client.js";
import { complaintInput, makeComplaint, mobile, type Staff } from "../../test/factories.js";
import type {
  Complaint,
  ComplaintListItem,
  CustomerHistory,
  Page,
  Problem,
  ValidationProblem,
} from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const DAY = 86_400_000;
const HAN = /[\u4e00-\u9fff]/;

const world = setupWorld(async (w) => ({
  agent: await w.staff("agent", { displayName: "李娜" }),
  otherAgent: await w.staff("agent"),
  supervisor: await w.staff("supervisor"),
  secondSupervisor: await w.staff("supervisor"),
}));

const get = async (client: ApiClient, id: string) =>
  (await client.get<Complaint>(`/complaints/${id}`)).body;
const types = (complaint: Complaint) => complaint.timeline.map((e) => e.type);
/**
 * The bank policy kesu starts with: a reply within 15 calendar days, due at the end of that
 * day in Shanghai.
 */
const endOfShanghaiDayAfter = (received: string, days: number) => {
  const date = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(
    new Date(new Date(received).getTime() + days * DAY),
  );
  return new Date(`${date}T23:59:59.999+08:00`).toISOString();
};
/** Today's date in the complaint numbers' timezone, e.g. 20261123. */
const shanghaiDate = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" })
    .format(new Date())
    .replaceAll("-", "");

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
      const zh = await world.agent.client.post("/complaints", body());
      expect(zh.status).toBe(400);
      expect(zh.headers.get("content-type")).toContain("application/problem+json");
      expect(zh.body).toMatchObject({ code: "validation_failed", status: 400 });
      expect(zh.body.title).toMatch(HAN);
      const zhProblem = zh.body.errors.find((e: any) => e.field === field);
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
    const malformed = await world.agent.client.get("/complaints/KS20261123-000001");
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe("validation_failed");
    expect(malformed.body.errors.map((e: any) => e.field)).toEqual(["params.id"]);
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

describe("acting on a stale version", () => {
  it("refuses the second of two supervisors with version_conflict and writes nothing of it", async () => {
    const c = await makeComplaint(world.agent.client);
    const seenByA = await get(world.supervisor.client, c.id);
    const seenByB = await get(world.secondSupervisor.client, c.id);
    expect(seenByB.version).toBe(seenByA.version);

    const a = await world.supervisor.client.post(`/complaints/${c.id}/assign`, {
      version: seenByA.version,
      ownerId: world.supervisor.user.id,
    });
    expect(a.status).toBe(200);
    const b = await world.secondSupervisor.client.post(`/complaints/${c.id}/escalate`, {
      version: seenByB.version,
      reason: "客户情绪激动",
    });
    expect(b.status).toBe(409);
    expect(b.body).toMatchObject({ code: "version_conflict", currentVersion: seenByA.version + 1 });
    expect(b.body.title).toBe(
      `该工单已被他人修改（当前版本 ${seenByA.version + 1}），请刷新后重试。`,
    );

    const after = await get(world.admin, c.id);
    expect(types(after)).toEqual(["created", "assigned"]);
    expect(after).toMatchObject({ escalationLevel: 0, ownerId: world.supervisor.user.id });
    expect(after.flags).not.toContain("escalated");
  });

  it("lets exactly one of two simultaneous commands on the same version through", async () => {
    const c = await makeComplaint(world.agent.client);
    const [a, b] = await Promise.all([
      world.supervisor.client.post(`/complaints/${c.id}/escalate`, { version: 1, reason: "一" }),
      world.secondSupervisor.client.post(`/complaints/${c.id}/escalate`, {
        version: 1,
        reason: "二",
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const after = await get(world.admin, c.id);
    expect(after.escalationLevel).toBe(1);
    expect(types(after).filter((t: string) => t === "escalated")).toHaveLength(1);
  });

  it("refuses a field edit on a stale version and keeps the record", async () => {
    const c = await makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
    const first = await world.agent.client.patch(`/complaints/${c.id}`, {
      version: c.version,
      severity: "high",
    });
    expect(first.status).toBe(200);
    const stale = await world.supervisor.client.patch(`/complaints/${c.id}`, {
      version: c.version,
      severity: "low",
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: "version_conflict", currentVersion: c.version + 1 });
    expect(stale.body.title).toBe(
      `该工单已被他人修改（当前版本 ${c.version + 1}），请刷新后重试。`,
    );
    const inEnglish = await world.supervisor.client.request<{ title: string }>(
      "PATCH",
      `/complaints/${c.id}`,
      { version: c.version, severity: "low" },
      { "accept-language": "en" },
    );
    expect(inEnglish.body.title).toBe(
      `Someone else changed this case first (now version ${c.version + 1}); reload and try again.`,
    );
    expect((await get(world.admin, c.id)).severity).toBe("high");
  });

  it("answers a command the state does not allow with invalid_transition and the allowed list", async () => {
    const c = await makeComplaint(world.agent.client);
    const res = await world.agent.client.post(`/complaints/${c.id}/follow-up`, {
      version: c.version,
      satisfaction: "satisfied",
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("invalid_transition");
    expect(res.body.allowed).toEqual(c.allowedActions);
    expect(res.body.allowed).not.toContain("follow-up");
    expect(res.body.allowed).toContain("reply");
    expect((await get(world.admin, c.id)).version).toBe(c.version);
  });
});

describe("listing complaints", () => {
  let handler: Staff;
  let department: { id: string };
  /** In creation order; all in this describe's own category. */
  const made: any[] = [];
  const category = "list_probe";
  const idsOf = (res: ApiResponse<Page<ComplaintListItem>>) => res.body.items.map((c) => c.id);
  const list = async (client: ApiClient, query: string) => {
    const res = await client.get(`/complaints?${query}`);
    expect(res.status).toBe(200);
    return res;
  };

  beforeAll(async () => {
    department = await world.department();
    handler = await world.staff("department_handler", { departmentId: department.id });
    const term = await world.admin.post("/taxonomies/category", {
      code: category,
      labelZh: "列表测试",
      labelEn: "List probe",
    });
    expect(term.status).toBe(201);
    const specs: Record<string, unknown>[] = [
      { customer: { name: "欧阳娜娜", phone: "13612345678" }, subject: "ATM吞卡未退还" },
      { kind: "inquiry", subject: "网银登录失败咨询" },
      { ownerId: world.agent.user.id, subject: "贷款利率上浮未告知" },
      { kind: "help", ownerId: world.agent.user.id, subject: "老人存折挂失求助" },
      { kind: "suggestion", subject: "建议增加周末营业网点" },
      {
        subject: "市民热线转办：扣费争议",
        source: {
          type: "transfer",
          hotline: "12345",
          externalDueAt: new Date(Date.now() + DAY).toISOString(),
        },
      },
      { kind: "report", subject: "举报理财经理私售产品" },
    ];
    for (const spec of specs)
      made.push(await makeComplaint(world.agent.client, { category, ...spec }));
    const dispatched = await world.agent.client.post(`/complaints/${made[3].id}/dispatch`, {
      version: made[3].version,
      departments: [{ departmentId: department.id }],
    });
    expect(dispatched.status).toBe(200);
  });

  it("lists newest first by default", async () => {
    const res = await list(world.agent.client, `category=${category}`);
    expect(idsOf(res)).toEqual(made.map((c) => c.id).reverse());
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items[6]).toMatchObject({
      number: made[0].number,
      subject: "ATM吞卡未退还",
      customer: { name: "欧阳娜娜", phone: "13612345678" },
      status: "received",
      category,
    });
  });

  it("filters the cases still being worked with open=true, and the finished ones with open=false", async () => {
    const customer = { name: "闫先生", phone: mobile() };
    const finished = await makeComplaint(world.agent.client, {
      customer,
      ownerId: world.agent.user.id,
    });
    const ongoing = await makeComplaint(world.agent.client, { customer });
    await world.agent.client.post(`/complaints/${finished.id}/withdraw`, {
      version: finished.version,
    });
    const of = `customerId=${ongoing.customer.id}`;
    expect(idsOf(await list(world.agent.client, `${of}&open=true`))).toEqual([ongoing.id]);
    expect(idsOf(await list(world.agent.client, `${of}&open=false`))).toEqual([finished.id]);
  });

  it("filters by status, kind, owner and department", async () => {
    expect(idsOf(await list(world.agent.client, `category=${category}&status=assigned`))).toEqual([
      made[2].id,
    ]);
    expect(
      idsOf(
        await list(world.agent.client, `category=${category}&status=dispatched&status=assigned`),
      ),
    ).toEqual([made[3].id, made[2].id]);
    expect(idsOf(await list(world.agent.client, `category=${category}&kind=inquiry`))).toEqual([
      made[1].id,
    ]);
    expect(
      idsOf(await list(world.agent.client, `category=${category}&ownerId=${world.agent.user.id}`)),
    ).toEqual([made[3].id, made[2].id]);
    expect(idsOf(await list(world.agent.client, `departmentId=${department.id}`))).toEqual([
      made[3].id,
    ]);
  });

  it("searches by number, subject text, customer name and any spelling of the phone", async () => {
    const target = [made[0].id];
    for (const q of [
      made[0].number,
      made[0].number.toLowerCase(),
      "吞卡",
      "欧阳",
      "+86 136-1234-5678",
    ])
      expect(idsOf(await list(world.agent.client, `q=${encodeURIComponent(q)}`))).toEqual(target);
  });

  it("pages with a cursor through every row exactly once", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `category=${category}&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await list(world.agent.client, query);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...idsOf(res));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(made.map((c) => c.id).reverse());
  });

  it("orders the work queue by due date with sort=due, across pages too", async () => {
    const all = (await list(world.agent.client, `category=${category}&sort=due`)).body.items;
    const due = all.map((c: any) => new Date(c.dueAt).getTime());
    expect(due).toEqual([...due].sort((a, b) => a - b));
    expect(all[0].id).toBe(made[5].id); // the transfer due tomorrow
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `category=${category}&sort=due&limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await list(world.agent.client, query);
      paged.push(...idsOf(res));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.map((c: any) => c.id));
  });

  it("refuses a forged cursor", async () => {
    const forged = [
      "bm90LWEtY3Vyc29y",
      Buffer.from(`+275760-09-13T00:00:00.000Z|${made[0].id}`).toString("base64url"),
    ];
    for (const cursor of forged) {
      const res = await world.agent.client.get(`/complaints?cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe("bad_request");
    }
  });

  it("shows a department handler only the complaints dispatched to their department", async () => {
    expect(idsOf(await list(handler.client, "limit=200"))).toEqual([made[3].id]);
    expect(idsOf(await list(handler.client, `category=${category}&status=received`))).toEqual([]);
  });
});

describe("editing the record", () => {
  it("changes the fields, moves the version and writes an updated event with before and after", async () => {
    const c = await makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
    const res = await world.agent.client.patch(`/complaints/${c.id}`, {
      version: c.version,
      subject: "信用卡未寄出且未告知",
      severity: "high",
      causes: ["right_to_know"],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      subject: "信用卡未寄出且未告知",
      severity: "high",
      causes: ["right_to_know"],
      version: c.version + 1,
    });
    const event = res.body.timeline.at(-1);
    expect(event).toMatchObject({
      type: "updated",
      actor: { id: world.agent.user.id, agentNo: world.agent.user.agentNo },
      data: {
        before: {
          subject: "信用卡两个月未收到",
          severity: "normal",
          causes: ["time_delayed", "right_to_know"],
        },
        after: { subject: "信用卡未寄出且未告知", severity: "high", causes: ["right_to_know"] },
      },
    });
  });

  const updatedEvents = async (id: string) => {
    const [row] = await world.server.db
      .select({ n: count() })
      .from(timelineEvents)
      .where(sql`${timelineEvents.complaintId} = ${id} and ${timelineEvents.type} = 'updated'`);
    return row!.n;
  };

  it("changes nothing, keeps the version and writes no event for an edit with only the version", async () => {
    const c = await makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
    const res = await world.agent.client.patch(`/complaints/${c.id}`, { version: c.version });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(c.version);
    expect(res.body.updatedAt).toBe(c.updatedAt);
    expect(types(res.body)).toEqual(types(c));
    expect(await updatedEvents(c.id)).toBe(0);
    // A colleague who read the case before this no-op edit is not told of a conflict.
    const colleague = await world.agent.client.post<Complaint>(`/complaints/${c.id}/escalate`, {
      version: c.version,
      reason: "客户情绪激动",
    });
    expect(colleague.status).toBe(200);
  });

  it("treats resending the same values (the whole form) as no change", async () => {
    const c = await makeComplaint(world.agent.client, {
      ownerId: world.agent.user.id,
      demandAmount: 100,
    });
    const res = await world.agent.client.patch(`/complaints/${c.id}`, {
      version: c.version,
      subject: ` ${c.subject} `,
      description: c.description,
      demand: c.demand,
      demandAmount: "100.00",
      category: c.category,
      businessType: c.businessType,
      causes: c.causes,
      severity: c.severity,
      mentality: null,
      complainedBranch: null,
      flags: c.flags,
    });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(c.version);
    expect(await updatedEvents(c.id)).toBe(0);
  });

  it("records only the fields that really changed", async () => {
    const c = await makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
    const res = await world.agent.client.patch(`/complaints/${c.id}`, {
      version: c.version,
      subject: c.subject,
      category: c.category,
      severity: "high",
    });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(c.version + 1);
    expect(res.body.timeline.at(-1).data).toEqual({
      before: { severity: "normal" },
      after: { severity: "high" },
    });
  });

  it("marks risk flags but neither sets nor clears the flags kesu records", async () => {
    const first = await makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
    const c = await makeComplaint(world.agent.client, {
      ownerId: world.agent.user.id,
      customerId: first.customer.id,
      customer: undefined,
    });
    expect(c.flags).toEqual(["repeat"]);
    const marked = await world.agent.client.patch(`/complaints/${c.id}`, {
      version: c.version,
      flags: ["media_risk"],
    });
    expect(marked.status).toBe(200);
    expect(marked.body.flags.sort()).toEqual(["media_risk", "repeat"]);
    const cleared = await world.agent.client.patch(`/complaints/${c.id}`, {
      version: marked.body.version,
      flags: [],
    });
    expect(cleared.body.flags).toEqual(["repeat"]);
    const forged = await world.agent.client.patch(`/complaints/${c.id}`, {
      version: cleared.body.version,
      flags: ["merged"],
    });
    expect(forged.status).toBe(400);
    expect(forged.body.errors.map((e: any) => e.field)).toEqual(["body.flags.0"]);
    expect((await world.agent.client.get<Complaint>(`/complaints/${c.id}`)).body.flags).toEqual([
      "repeat",
    ]);
  });

  it("refuses unknown and read-only fields, naming each, and keeps the record", async () => {
    const c = await makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
    const body = { version: c.version, subject: "改", status: "closed", reopenCount: 5 };
    const zh = await world.agent.client.patch(`/complaints/${c.id}`, body);
    expect(zh.status).toBe(400);
    expect(zh.body.code).toBe("validation_failed");
    expect(zh.body.errors.map((e: any) => e.field)).toEqual(["body.status", "body.reopenCount"]);
    for (const problem of zh.body.errors) {
      expect(problem.code).toBe("unrecognized_keys");
      expect(problem.message).toMatch(HAN);
    }
    const en = await world.agent.client.request<Problem>("PATCH", `/complaints/${c.id}`, body, {
      "accept-language": "en",
    });
    expect(en.status).toBe(400);
    expect(en.body.errors).toEqual([
      { field: "body.status", code: "unrecognized_keys", message: "Unknown or read-only field" },
      {
        field: "body.reopenCount",
        code: "unrecognized_keys",
        message: "Unknown or read-only field",
      },
    ]);
    const after = await get(world.admin, c.id);
    expect(after).toMatchObject({ version: c.version, subject: c.subject, status: c.status });
    expect(await updatedEvents(c.id)).toBe(0);
  });

  it("rejects an unknown cause code and keeps the record", async () => {
    const c = await makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
    const res = await world.agent.client.patch(`/complaints/${c.id}`, {
      version: c.version,
      causes: ["no_such_cause"],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: "body.causes", code: "unknown_term", message: "不是有效的字典项" },
    ]);
    expect((await get(world.admin, c.id)).version).toBe(c.version);
  });
});

describe("editing a closed record", () => {
  it("answers invalid_transition, not forbidden, even for an admin", async () => {
    const c = await makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
    const withdrawn = (
      await world.agent.client.post<Complaint>(`/complaints/${c.id}/withdraw`, {
        version: c.version,
      })
    ).body;
    const res = await world.admin.patch(`/complaints/${c.id}`, {
      version: withdrawn.version,
      subject: "改",
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: "invalid_transition" });
    expect(res.body.allowed).toContain("reopen");
  });
});

describe("merging a repeat into its parent", () => {
  it("closes the child as merged, flags the parent as a repeat and keeps both histories", async () => {
    const department = await world.department();
    const parent = await makeComplaint(world.agent.client, { subject: "同一笔扣款（首次来电）" });
    let child = await makeComplaint(world.otherAgent.client, { subject: "同一笔扣款（家属来电）" });
    child = (
      await world.supervisor.client.post<Complaint>(`/complaints/${child.id}/dispatch`, {
        version: child.version,
        departments: [{ departmentId: department.id }],
      })
    ).body;

    const res = await world.supervisor.client.post(`/complaints/${child.id}/merge`, {
      version: child.version,
      intoId: parent.id,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: "merged",
      mergedIntoId: parent.id,
      closeReason: "merged",
    });
    expect(res.body.closedAt).not.toBeNull();
    expect(res.body.flags).toContain("merged");
    expect(res.body.workOrders.map((o: any) => o.status)).toEqual(["cancelled"]);
    expect(types(res.body)).toEqual(["created", "assigned", "dispatched", "merged"]);
    expect(res.body.timeline.at(-1).data).toEqual({ intoId: parent.id, intoNumber: parent.number });

    const after = await get(world.admin, parent.id);
    expect(after.flags).toContain("repeat");
    expect(after.version).toBe(parent.version + 1);
    expect(types(after)).toEqual(["created", "merge_received"]);
    expect(after.timeline[0]).toEqual(parent.timeline[0]);
    expect(after.timeline[1]).toMatchObject({
      actor: { agentNo: world.supervisor.user.agentNo },
      data: { fromId: child.id, fromNumber: child.number, by: world.supervisor.user.agentNo },
    });
  });

  it("refuses to merge a complaint into itself", async () => {
    const c = await makeComplaint(world.agent.client);
    const res = await world.agent.client.post(`/complaints/${c.id}/merge`, {
      version: c.version,
      intoId: c.id,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("bad_request");
    expect(await get(world.admin, c.id)).toMatchObject({ status: "received", version: c.version });
  });

  it("answers 404 when the parent does not exist", async () => {
    const c = await makeComplaint(world.agent.client);
    const res = await world.agent.client.post<Complaint>(`/complaints/${c.id}/merge`, {
      version: c.version,
      intoId: randomUUID(),
    });
    expect(res.status).toBe(404);
    expect((await get(world.admin, c.id)).status).toBe("received");
  });
});

describe("upgrading an inquiry", () => {
  it("turns it into a complaint on the same case, keeping the timeline and moving the deadline", async () => {
    // An inquiry policy ahead of the bank's: 2 days, then the complaint's 15 after the upgrade.
    await world.server.db.$client.query(
      `insert into sla_policies (id, name, sort_order, match, targets, warn_at_share)
       values ('test-inquiry', '咨询 2 日', 0, '{"kinds":["inquiry"]}', '{"customerReply":{"amount":2,"unit":"calendar_days"}}', 0.75)`,
    );
    const inquiry = await makeComplaint(world.agent.client, { kind: "inquiry" });
    await world.server.db.$client.query("delete from sla_policies where id = 'test-inquiry'");
    expect(inquiry.dueAt).toBe(endOfShanghaiDayAfter(inquiry.receivedAt, 2));
    const res = await world.agent.client.post(`/complaints/${inquiry.id}/upgrade`, {
      version: inquiry.version,
      reason: "客户要求正式投诉",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: inquiry.id, number: inquiry.number, kind: "complaint" });
    expect(res.body.dueAt).toBe(endOfShanghaiDayAfter(res.body.receivedAt, 15));
    expect(
      res.body.clocks.filter((k: any) => k.name === "customerReply").map((k: any) => k.stopped),
    ).toEqual([true, false]);
    expect(res.body.timeline[0]).toEqual(inquiry.timeline[0]);
    expect(res.body.timeline.at(-1)).toMatchObject({
      type: "upgraded",
      actor: { agentNo: world.agent.user.agentNo },
      data: { from: "inquiry", to: "complaint", reason: "客户要求正式投诉" },
    });
    const again = await world.agent.client.post(`/complaints/${inquiry.id}/upgrade`, {
      version: res.body.version,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("invalid_transition");
  });
});

describe("callback promises", () => {
  it("refuses a callback due in the past", async () => {
    const c = await makeComplaint(world.agent.client);
    const res = await world.agent.client.post(`/complaints/${c.id}/callback`, {
      dueAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        field: "body.dueAt",
        code: "date_out_of_range",
        message: expect.stringMatching(/^日期须在现在至 \d{4}-\d{2}-\d{2} 之间$/),
      }),
    ]);
    expect((await get(world.admin, c.id)).callbacks).toEqual([]);
  });

  it("keeps the promise on the next outbound contact, not on an inbound one", async () => {
    const c = await makeComplaint(world.agent.client);
    const dueAt = new Date(Date.now() + 3_600_000).toISOString();
    const promised = await world.agent.client.post(`/complaints/${c.id}/callback`, {
      dueAt,
      note: "一小时内回电",
    });
    expect(promised.body.callbacks).toEqual([
      expect.objectContaining({ dueAt, status: "open", doneAt: null }),
    ]);
    const callbackId = promised.body.callbacks[0].id;

    const inbound = await world.agent.client.post(`/complaints/${c.id}/contact`, {
      direction: "inbound",
      channel: "phone",
      summary: "客户来电催促",
    });
    expect(inbound.body.callbacks[0].status).toBe("open");

    const outbound = await world.otherAgent.client.post(`/complaints/${c.id}/contact`, {
      direction: "outbound",
      channel: "phone",
      summary: "回电告知卡片已寄出",
    });
    expect(outbound.status).toBe(200);
    expect(outbound.body.callbacks).toEqual([
      expect.objectContaining({ id: callbackId, status: "done" }),
    ]);
    expect(outbound.body.callbacks[0].doneAt).not.toBeNull();
    expect(outbound.body.timeline.slice(-2)).toEqual([
      expect.objectContaining({
        type: "contact",
        actor: expect.objectContaining({ agentNo: world.otherAgent.user.agentNo }),
        data: expect.objectContaining({ direction: "outbound", summary: "回电告知卡片已寄出" }),
      }),
      expect.objectContaining({ type: "callback_done", data: { callbackId, dueAt } }),
    ]);
    const customer = (await world.agent.client.get(`/customers/${c.customer.id}`)).body;
    expect(customer.openCallbacks).toEqual([]);
  });
});

describe("contacts on the case", () => {
  it("refuses a channel that is not on the channel list, as intake does, and logs nothing", async () => {
    const c = await makeComplaint(world.agent.client);
    const body = { direction: "inbound", channel: "pigeon", summary: "飞鸽传书" };
    const res = await world.agent.client.post(`/complaints/${c.id}/contact`, body);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: "body.channel", code: "unknown_term", message: "不是有效的字典项" },
    ]);
    const intake = await world.agent.client.post(
      "/complaints",
      complaintInput({ channel: "pigeon" }),
    );
    expect(intake.body.errors).toEqual(res.body.errors);
    const after = await get(world.admin, c.id);
    expect(types(after)).toEqual(types(c));
  });
});

describe("withdrawing", () => {
  it("cancels the departments' active work orders", async () => {
    const [a, b] = [await world.department(), await world.department()];
    const c = await makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
    const dispatched = (
      await world.agent.client.post(`/complaints/${c.id}/dispatch`, {
        version: c.version,
        departments: [{ departmentId: a.id, lead: true }, { departmentId: b.id }],
      })
    ).body;
    await world.admin.post(`/work-orders/${dispatched.workOrders[0].id}/accept`, {});
    const current = await get(world.agent.client, c.id);

    const res = await world.agent.client.post(`/complaints/${c.id}/withdraw`, {
      version: current.version,
      reason: "客户已与网点协商解决",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "withdrawn", closeReason: "withdrawn" });
    expect(res.body.workOrders.map((o: any) => o.status)).toEqual(["cancelled", "cancelled"]);
    expect(res.body.timeline.at(-1)).toMatchObject({
      type: "withdrawn",
      actor: { agentNo: world.agent.user.agentNo },
      data: { reason: "客户已与网点协商解决" },
    });
    const late = await world.admin.post(`/work-orders/${dispatched.workOrders[1].id}/accept`, {});
    expect(late.status).toBe(409);
    expect(late.body.code).toBe("invalid_transition");
  });
});

describe("the timeline", () => {
  it("is append-only: the database refuses to update or delete its rows", async () => {
    const c = await makeComplaint(world.agent.client);
    const attempts = [
      sql`update ${timelineEvents} set type = 'forged' where complaint_id = ${c.id}`,
      sql`delete from ${timelineEvents} where complaint_id = ${c.id}`,
    ];
    for (const attempt of attempts) {
      const failure = await world.server.db.execute(attempt).then(
        () => null,
        (e: Error & { cause?: Error }) => e,
      );
      expect(failure).not.toBeNull();
      expect(String(failure?.cause?.message ?? failure?.message)).toMatch(/append-only/);
    }
    expect((await get(world.admin, c.id)).timeline).toEqual(c.timeline);
  });
});
