import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueOutbox } from "../../jobs/deliver-outbox.js";
import { sweepDueClocks } from "../../jobs/sla-sweep/sweep.js";
import { makeComplaint, makeStaff } from "../../test/factories.js";
import { readable, receiver, smtpRecorder } from "../../test/loopback.js";
import type { Complaint } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";
import { realSenders } from "./senders.js";
import { signature } from "./signature.js";

const HOUR = 3_600_000;
let smtp: Awaited<ReturnType<typeof smtpRecorder>>;
let mails: string[];

beforeAll(async () => {
  smtp = await smtpRecorder();
  mails = smtp.mails;
});
afterAll(() => smtp.close());
const world = setupWorld(async ({ admin, staff }) => {
  const agent = await staff("agent");
  await admin.patch(`/users/${agent.user.id}`, { email: "agent@example.test", locale: "zh-CN" });
  return { agent };
});

const senders = () => realSenders(smtp.url, "kesu <kesu@example.test>");
async function deliverAt(at: Date) {
  while ((await deliverDueOutbox(world.server.db, senders(), at, 20)).claimed === 20);
}

describe("notification mail", () => {
  it("mails a missed callback to the owner through a real SMTP server, after the sweep committed", async () => {
    const c = await makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
    await world.agent.client.post<Complaint>(`/complaints/${c.id}/callback`, {
      dueAt: new Date(Date.now() + HOUR).toISOString(),
    });
    await sweepDueClocks(world.server.db, new Date(Date.now() + 2 * HOUR));
    expect(mails).toHaveLength(0); // written to the outbox, not sent inside the sweep
    await deliverAt(new Date(Date.now() + 2 * HOUR));
    const mail = mails
      .map(readable)
      .find((m) => m.includes(c.number) && m.includes("To: agent@example.test"));
    expect(mail).toContain("To: agent@example.test");
    expect(mail).toContain(`Subject: 【已超时】${c.number} 信用卡两个月未收到`);
    expect(mail).toContain("请登录 kesu 查看并处理");
    const [row] = (
      await world.server.db.$client.query(
        "select delivered_at, attempts from outbox where channel = 'email' and payload->>'number' = $1",
        [c.number],
      )
    ).rows;
    expect(row.attempts).toBe(1);
    expect(row.delivered_at).not.toBeNull();
  });

  it("mails each supervisor one digest of the sweep, naming the cases, in their language", async () => {
    const lead = await makeStaff(world.admin, "supervisor");
    await world.admin.patch(`/users/${lead.user.id}`, { email: "lead@example.test", locale: "en" });
    const cases = [
      await makeComplaint(world.agent.client, { ownerId: world.agent.user.id }),
      await makeComplaint(world.agent.client, { ownerId: world.agent.user.id }),
    ];
    for (const c of cases)
      await world.agent.client.post<Complaint>(`/complaints/${c.id}/callback`, {
        dueAt: new Date(Date.now() + HOUR).toISOString(),
      });
    await sweepDueClocks(world.server.db, new Date(Date.now() + 2 * HOUR));
    await deliverAt(new Date(Date.now() + 2 * HOUR));
    const digests = mails.map(readable).filter((m) => m.includes("To: lead@example.test"));
    expect(digests).toHaveLength(1);
    expect(digests[0]).toContain("Subject: [Deadline digest] 2 missed, 0 warned");
    for (const c of cases)
      expect(digests[0]).toContain(`- ${c.number} ${c.subject}: Deadline missed`);
  });

  it("logs mail it cannot send without SMTP_URL instead of retrying forever", async () => {
    const c = await makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
    await world.agent.client.post<Complaint>(`/complaints/${c.id}/callback`, {
      dueAt: new Date(Date.now() + HOUR).toISOString(),
    });
    await sweepDueClocks(world.server.db, new Date(Date.now() + 2 * HOUR));
    await deliverDueOutbox(
      world.server.db,
      { ...senders(), email: null },
      new Date(Date.now() + 2 * HOUR),
    );
    const [row] = (
      await world.server.db.$client.query(
        "select next_attempt_at, last_error from outbox where payload->>'number' = $1",
        [c.number],
      )
    ).rows;
    expect(row).toEqual({
      next_attempt_at: null,
      last_error: "SMTP_URL is not set: mail is not sent",
    });
  });
});

describe("webhooks", () => {
  it("delivers subscribed timeline events signed with HMAC-SHA256", async () => {
    const hook = receiver([]);
    const subscribed = await world.admin.post("/webhooks", {
      url: await hook.ready,
      events: ["created"],
    });
    expect(subscribed.status).toBe(201);
    const c = await makeComplaint(world.agent.client);
    await deliverAt(new Date());
    const got = hook.received.find((r) => JSON.parse(r.body).complaintId === c.id);
    expect(got).toBeDefined();
    expect(got!.headers["x-kesu-event"]).toBe("created");
    expect(got!.headers["x-kesu-signature"]).toBe(signature(subscribed.body.secret, got!.body));
    expect(JSON.parse(got!.body)).toMatchObject({
      event: "created",
      complaintId: c.id,
      data: { number: c.number },
    });
    await world.admin.patch(`/webhooks/${subscribed.body.id}`, { active: false });
    await hook.close();
  });

  it("keeps what an edit leaves out: a paused hook stays paused when its address changes", async () => {
    const made = await world.admin.post("/webhooks", {
      url: "http://127.0.0.1:9/a",
      events: ["note", "replied"],
      active: false,
    });
    const moved = await world.admin.patch(`/webhooks/${made.body.id}`, {
      url: "http://127.0.0.1:9/b",
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      url: "http://127.0.0.1:9/b",
      events: ["note", "replied"],
      active: false,
    });
  });

  it("retries a failing receiver with backoff, logs every attempt, and replays on request", async () => {
    const hook = receiver([500, 503]);
    const subscribed = (
      await world.admin.post("/webhooks", { url: await hook.ready, events: ["note"] })
    ).body;
    const c = await makeComplaint(world.agent.client);
    await world.agent.client.post<Complaint>(`/complaints/${c.id}/note`, { text: "内部备注" });
    const t0 = Date.now();
    await deliverAt(new Date(t0));
    await deliverAt(new Date(t0 + 10_000)); // not yet due again
    expect(hook.received).toHaveLength(1);
    await deliverAt(new Date(t0 + 31_000));
    await deliverAt(new Date(t0 + 92_000));
    expect(hook.received).toHaveLength(3);
    const log = (await world.admin.get(`/webhooks/${subscribed.id}/deliveries`)).body.items;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ eventType: "note", attempts: 3, lastError: null });
    expect(log[0].deliveredAt).not.toBeNull();

    expect((await world.admin.post(`/outbox/${log[0].id}/replay`)).status).toBe(204);
    await deliverAt(new Date());
    expect(hook.received).toHaveLength(4);
    await world.admin.patch(`/webhooks/${subscribed.id}`, { active: false });
    await hook.close();
  });
});
