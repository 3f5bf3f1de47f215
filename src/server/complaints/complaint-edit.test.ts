import { count, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { timelineEvents } from "../../db/schema.js";
import { getComplaint as get, HAN, eventTypes as types } from "../../test/complaint-kit.js";
import { makeComplaint } from "../../test/factories.js";
import { agentsAndSupervisors } from "../../test/staffings.js";
import type { Complaint, Problem, ValidationProblem } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(agentsAndSupervisors);

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
    const forged = await world.agent.client.patch<ValidationProblem>(`/complaints/${c.id}`, {
      version: cleared.body.version,
      flags: ["merged"],
    });
    expect(forged.status).toBe(400);
    expect(forged.body.errors.map((e) => e.field)).toEqual(["body.flags.0"]);
    expect((await world.agent.client.get<Complaint>(`/complaints/${c.id}`)).body.flags).toEqual([
      "repeat",
    ]);
  });

  it("refuses unknown and read-only fields, naming each, and keeps the record", async () => {
    const c = await makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
    const body = { version: c.version, subject: "改", status: "closed", reopenCount: 5 };
    const zh = await world.agent.client.patch<ValidationProblem>(`/complaints/${c.id}`, body);
    expect(zh.status).toBe(400);
    expect(zh.body.code).toBe("validation_failed");
    expect(zh.body.errors.map((e) => e.field)).toEqual(["body.status", "body.reopenCount"]);
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
