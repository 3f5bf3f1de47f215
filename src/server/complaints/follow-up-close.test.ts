// The follow-up visit that is independent of the owner, and closing a replied case without one
// (issue 13): the center's settings (GET|PUT /service-settings), the owner's 403, the reason
// codes and the failed tries "customer unreachable" needs.

import { desc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema.js";
import { eventTypes, recordFinding } from "../../test/complaint-kit.js";
import { makeComplaint } from "../../test/factories.js";
import type { Complaint, Problem, ValidationProblem } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => ({
  owner: await w.staff("agent", { agentNo: "1041" }),
  colleague: await w.staff("agent"),
}));

const defaults = { followUpByOwner: false, unreachableAttempts: 3 };
afterEach(async () => {
  await world.admin.request("PUT", "/service-settings", defaults);
});

/** A case of the owner's, answered and found: where a follow-up or a close may come. */
async function repliedCase() {
  const c = await makeComplaint(world.owner.client, { ownerId: world.owner.user.id });
  const replied = await world.owner.client.command(c.id, "reply", {
    version: c.version,
    message: "经核查，已为您处理。",
  });
  return recordFinding(world.owner.client, replied);
}

const tryCall = (c: Complaint, outcome?: "reached" | "unreachable", direction = "outbound") =>
  world.colleague.client.command(c.id, "contact", {
    direction: direction as "outbound",
    channel: "phone",
    summary: "回访电话无人接听",
    ...(outcome && { outcome }),
  });

const close = (c: Complaint, body: object, language?: string) =>
  world.owner.client.request<Problem>(
    "POST",
    `/complaints/${c.id}/close`,
    { version: c.version, reason: "三次回访未接通，办结", ...body },
    language ? { "accept-language": language } : {},
  );

describe("the service settings", () => {
  it("start with independent follow-up and three tries, and only an admin changes them (audited)", async () => {
    expect((await world.owner.client.get("/service-settings")).body).toEqual(defaults);
    const set = await world.admin.request("PUT", "/service-settings", {
      followUpByOwner: true,
      unreachableAttempts: 2,
    });
    expect(set.body).toEqual({ followUpByOwner: true, unreachableAttempts: 2 });
    expect((await world.owner.client.request("PUT", "/service-settings", defaults)).status).toBe(
      403,
    );
    const [audit] = await world.server.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entity, "service_settings"))
      .orderBy(desc(auditLog.id));
    expect(audit?.data).toEqual({
      before: defaults,
      after: { followUpByOwner: true, unreachableAttempts: 2 },
    });
  });

  it("refuses a number of tries outside 1–20, naming the field", async () => {
    const res = await world.admin.request<ValidationProblem>("PUT", "/service-settings", {
      followUpByOwner: false,
      unreachableAttempts: 0,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]!.field).toBe("body.unreachableAttempts");
  });
});

describe("the follow-up visit", () => {
  it("is refused to the case's owner with 403 follow_up_not_independent, in both languages", async () => {
    const c = await repliedCase();
    const page = (await world.owner.client.get<Complaint>(`/complaints/${c.id}`)).body;
    expect(page.allowedActions).not.toContain("follow-up");
    expect(page.followUp).toEqual({
      ownerMayRecord: false,
      failedAttempts: 0,
      requiredAttempts: 3,
    });
    const body = { version: c.version, satisfaction: "satisfied" };
    const refused = await world.owner.client.post(`/complaints/${c.id}/follow-up`, body);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: "follow_up_not_independent",
      title: "回访须由负责人以外的人员记录：本中心未允许负责人回访自己的工单。",
    });
    const inEnglish = await world.owner.client.post(`/complaints/${c.id}/follow-up`, body, {
      "accept-language": "en",
    });
    expect(inEnglish.body.title).toMatch(/someone other than the case owner/);
    const theirs = (await world.colleague.client.get<Complaint>(`/complaints/${c.id}`)).body;
    expect(theirs.allowedActions).toContain("follow-up");
    const visited = await world.colleague.client.command(c.id, "follow-up", body as never);
    expect(visited.status).toBe("followed_up");
  });

  it("is the owner's too when the center allows it", async () => {
    await world.admin.request("PUT", "/service-settings", { ...defaults, followUpByOwner: true });
    const c = await repliedCase();
    const page = (await world.owner.client.get<Complaint>(`/complaints/${c.id}`)).body;
    expect(page.allowedActions).toContain("follow-up");
    const visited = await world.owner.client.command(c.id, "follow-up", {
      version: c.version,
      satisfaction: "satisfied",
    });
    expect(visited.status).toBe("followed_up");
  });
});

describe("closing a replied case without a follow-up visit", () => {
  it("needs a reason code: 409 close_reason_required", async () => {
    const c = await repliedCase();
    const refused = await close(c, {});
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: "close_reason_required" });
    expect(refused.body.title).toMatch(/须选择办结原因/);
  });

  it("as unreachable only after three failed tries since the reply, each a contact", async () => {
    let c = await repliedCase();
    await tryCall(c, "unreachable");
    await tryCall(c, "reached");
    await tryCall(c, "unreachable", "inbound");
    c = await tryCall(c, "unreachable");
    const refused = await close(c, { reasonCode: "customer_unreachable" });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: "follow_up_attempts_required",
      attempts: 2,
      required: 3,
      title: "以“客户无法联系”办结，须在答复后记录至少 3 次未接通的回访尝试（已记录 2 次）。",
    });
    const inEnglish = await close(c, { reasonCode: "customer_unreachable" }, "en");
    expect(inEnglish.body.title).toMatch(/at least 3 failed follow-up attempts/);
    c = await tryCall(c, "unreachable");
    expect(c.followUp.failedAttempts).toBe(3);
    const closed = await close(c, { reasonCode: "customer_unreachable" });
    expect(closed.status).toBe(200);
    const page = (await world.owner.client.get<Complaint>(`/complaints/${c.id}`)).body;
    expect(page.status).toBe("closed");
    expect(page.closeReasonCode).toBe("customer_unreachable");
    expect(page.timeline.at(-1)).toMatchObject({
      type: "closed",
      data: { reasonCode: "customer_unreachable", attempts: 3 },
    });
  });

  it("counts only tries after the latest reply, and takes the center's number", async () => {
    let c = await makeComplaint(world.owner.client, { ownerId: world.owner.user.id });
    c = await tryCall(c, "unreachable");
    c = await world.owner.client.command(c.id, "reply", { version: c.version, message: "已处理" });
    c = await recordFinding(world.owner.client, c);
    expect(c.followUp.failedAttempts).toBe(0);
    await world.admin.request("PUT", "/service-settings", { ...defaults, unreachableAttempts: 1 });
    expect((await close(c, { reasonCode: "customer_unreachable" })).body.code).toBe(
      "follow_up_attempts_required",
    );
    c = await tryCall(c, "unreachable");
    expect((await close(c, { reasonCode: "customer_unreachable" })).status).toBe(200);
  });

  it("takes the other reasons at once, and none after a follow-up visit", async () => {
    const declined = await repliedCase();
    expect((await close(declined, { reasonCode: "customer_declined_follow_up" })).status).toBe(200);
    let visited = await repliedCase();
    visited = await world.colleague.client.command(visited.id, "follow-up", {
      version: visited.version,
      satisfaction: "satisfied",
    });
    const closed = await world.owner.client.command(visited.id, "close", {
      version: visited.version,
      reason: "客户满意",
    });
    expect(closed.closeReasonCode).toBeNull();
    expect(eventTypes(closed)).toContain("followed_up");
  });
});
