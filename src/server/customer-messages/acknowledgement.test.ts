import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueOutbox } from "../../jobs/deliver-outbox.js";
import { sweepDueClocks } from "../../jobs/sla-sweep/sweep.js";
import { DAY, extensionAsked } from "../../test/complaint-kit.js";
import { makeComplaint, mobile } from "../../test/factories.js";
import { readable, receiver, smtpRecorder } from "../../test/loopback.js";
import { later } from "../../test/sweep-at.js";
import type { Complaint } from "../../test/wire.js";
import { startWorld, type World } from "../../test/world.js";
import { realSenders, type Senders } from "../notifications/senders.js";
import { signature } from "../notifications/signature.js";

const MTA_TOKEN = "mta-token-mta-token-mta-token";
let world: World;
let smtp: Awaited<ReturnType<typeof smtpRecorder>>;
const gateway = receiver([]);
let senders: Senders;
let agent: Awaited<ReturnType<World["staff"]>>;

beforeAll(async () => {
  smtp = await smtpRecorder();
  const url = await gateway.ready;
  const sms = { url, body: '{"mobile":"{to}","content":"{text}"}', format: "json" as const };
  world = await startWorld({
    KESU_CUSTOMER_MESSAGES: "sms,email",
    SMS_URL: url,
    SMS_BODY: sms.body,
    KESU_PUBLIC_URL: "https://kesu.example.test",
    KESU_INBOUND_EMAIL_TOKEN: MTA_TOKEN,
  });
  senders = realSenders(smtp.url, "kesu <kesu@example.test>", sms);
  agent = await world.staff("agent");
});
afterAll(async () => {
  await world.close();
  await smtp.close();
  await gateway.close();
});

const deliver = (at = new Date(), using = senders) =>
  deliverDueOutbox(world.server.db, using, at, 100);
const outboxOf = async (complaintId: string) =>
  (
    await world.server.db.$client.query(
      "select channel, attempts, delivered_at, next_attempt_at, last_error from outbox where payload->>'complaintId' = $1 order by id",
      [complaintId],
    )
  ).rows;

describe("受理回执 (acknowledgement)", () => {
  it("texts and mails a new complaint's customer its number, the agent number, the deadline and how to track it", async () => {
    const phone = mobile();
    const c = await makeComplaint(agent.client, {
      customer: { name: "王女士", phone, email: "wang@example.test" },
    });
    await deliver();
    const sms = gateway.received.map((r) => JSON.parse(r.body) as Record<string, string>);
    const text = sms.find((m) => m.mobile === phone)?.content;
    expect(text).toContain(`编号${c.number}`);
    expect(text).toContain(`受理工号${agent.user.agentNo}`);
    expect(text).toContain("https://kesu.example.test/portal");
    expect(text).toMatch(/查询码[2-9A-Z]{8}/);
    const mail = smtp.mails.map(readable).find((m) => m.includes("To: wang@example.test"));
    expect(mail).toContain(`Subject: 【受理回执】${c.number}`);
    expect(mail).toContain(`受理工号${agent.user.agentNo}`);
    const rows = await outboxOf(c.id);
    expect(rows.map((r) => [r.channel, r.attempts, r.delivered_at !== null])).toEqual([
      ["sms", 1, true],
      ["email", 1, true],
    ]);
    // Each message is a contact on the case, told as sent to the customer.
    const detail = (await agent.client.get<Complaint>(`/complaints/${c.id}`)).body;
    const sent = detail.timeline.filter((e) => e.type === "contact");
    expect(sent.map((e) => [e.data.channel, e.data.direction, e.data.customerMessage])).toEqual([
      ["sms", "outbound", "acknowledgement"],
      ["email", "outbound", "acknowledgement"],
    ]);
  });

  it("answers a customer's first mail with the 受理回执 by mail, in the same step that opens the case", async () => {
    const mail = [
      "From: Zhou Min <zhou.min@example.test>",
      "To: tousu@kesu.example",
      "Subject: 电费账单翻倍",
      "Message-ID: <ack-1@example.test>",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "本月电费是上月的两倍，请核查。",
      "",
    ].join("\r\n");
    const res = await fetch(`${world.server.api}/inbound/email`, {
      method: "POST",
      headers: { "content-type": "message/rfc822", authorization: `Bearer ${MTA_TOKEN}` },
      body: mail,
    });
    const { complaintId } = (await res.json()) as { complaintId: string };
    const c = (await agent.client.get<Complaint>(`/complaints/${complaintId}`)).body;
    await deliver();
    const sent = smtp.mails.map(readable).find((m) => m.includes("To: zhou.min@example.test"));
    expect(sent).toContain(`Subject: 【受理回执】${c.number}`);
    // kesu's own answer is marked, so the customer's auto-reply cannot start a loop.
    expect(sent).toContain("Auto-Submitted: auto-generated");
  });

  it("sends nothing about a confidential case", async () => {
    const c = await makeComplaint(agent.client, { flags: ["confidential"] });
    expect(await outboxOf(c.id)).toEqual([]);
    const detail = (await agent.client.get<Complaint>(`/complaints/${c.id}`)).body;
    expect(detail.timeline.some((e) => e.type === "contact")).toBe(false);
  });

  it("retries a failing SMS gateway with backoff and keeps the delivery status", async () => {
    const c = await makeComplaint(agent.client);
    gateway.received.length = 0;
    const failing = receiver([503]);
    const url = await failing.ready;
    const using = realSenders(undefined, "kesu", {
      url,
      body: "to={to}&msg={text}",
      format: "form",
    });
    await deliver(new Date(), using);
    let [row] = await outboxOf(c.id);
    expect([row.attempts, row.delivered_at, row.last_error]).toEqual([1, null, "HTTP 503"]);
    await deliver(new Date(Date.now() + DAY), using);
    [row] = await outboxOf(c.id);
    expect([row.attempts, row.delivered_at !== null, row.next_attempt_at]).toEqual([2, true, null]);
    const form = new URLSearchParams(failing.received[1]!.body);
    expect(form.get("msg")).toContain(c.number);
    expect(failing.received[1]!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    await failing.close();
  });

  it("logs a text message as unsent, without retrying, when no gateway is set", async () => {
    const c = await makeComplaint(agent.client);
    await deliver(new Date(), { ...senders, sms: null });
    const [row] = await outboxOf(c.id);
    expect(row.next_attempt_at).toBeNull();
    expect(row.delivered_at).toBeNull();
    expect(row.last_error).toBe("SMS_URL is not set: the text message is not sent");
  });

  it("acknowledges a work order a hotline pushed, to the caller it names, with our number", async () => {
    const SECRET = "hotline-95598-shared-secret";
    const source = await world.admin.ok<{ id: string }>("POST", "/transfer-sources", {
      name: "95598供电服务热线",
      hotline: "95598",
      mapping: {
        externalNo: "工单编号",
        externalDueAt: "办结时限",
        description: "诉求内容",
        callerPhone: "来电号码",
      },
      webhookSecret: SECRET,
    });
    const phone = mobile();
    const body = JSON.stringify({
      工单编号: "GD-ACK-1",
      办结时限: new Date(Date.now() + 3 * DAY).toISOString(),
      诉求内容: "小区停电一整天无人处理",
      来电号码: phone,
    });
    const pushed = await fetch(`${world.admin.base}/transfer-sources/${source.id}/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-kesu-signature": signature(SECRET, body) },
      body,
    });
    const { taken } = (await pushed.json()) as { taken: { number: string }[] };
    expect(taken).toHaveLength(1);
    const { rows } = await world.server.db.$client.query(
      "select payload->>'text' as text from outbox where channel = 'sms' and payload->>'to' = $1",
      [phone],
    );
    expect(rows.map((r) => r.text)).toEqual([expect.stringContaining(`编号${taken[0]!.number}`)]);
  });

  it("tells the customer of an approved extension, which is the notice its clock waits for", async () => {
    const { c, asked } = await extensionAsked(agent);
    const lead = await world.staff("supervisor");
    const approved = await lead.client.post<Complaint>(
      `/extension-requests/${asked.body.id}/approve`,
      {},
    );
    expect(approved.status).toBe(200);
    const detail = approved.body;
    const notice = detail.timeline.find(
      (e) => e.type === "contact" && e.data.customerMessage === "extension_approved",
    );
    expect(notice?.data.summary).toContain(c.number);
    const { rows } = await world.server.db.$client.query(
      "select stopped_at from sla_clocks where complaint_id = $1 and name = 'extensionNotice'",
      [c.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].stopped_at).not.toBeNull();
  });

  it("writes in the customer's own language once it is known, and in the center's before", async () => {
    const phone = mobile();
    const first = await makeComplaint(agent.client, { customer: { name: "Ms Li", phone } });
    const text = async (c: Complaint) =>
      String(
        (await agent.client.get<Complaint>(`/complaints/${c.id}`)).body.timeline.find(
          (e) => e.type === "contact" && e.data.customerMessage === "acknowledgement",
        )?.data.summary,
      );
    expect(await text(first)).toMatch(/^您的投诉已于/);
    const changed = await agent.client.patch(`/customers/${first.customer.id}`, {
      version: first.customer.version,
      locale: "en",
    });
    expect([changed.status, changed.body.locale]).toEqual([200, "en"]);
    const second = await makeComplaint(agent.client, { customer: { name: "Ms Li", phone } });
    expect(await text(second)).toMatch(/^Your complaint was received on .+ by agent /);
  });

  it("tells the customer when the follow-up visit is near, once, as a contact on the case", async () => {
    const policy = await world.admin.post("/sla/policies", {
      id: "billing-follow-up",
      name: "计费投诉 回访 2 日",
      order: 1,
      match: { categories: ["billing"] },
      targets: {
        customerReply: { amount: 15, unit: "calendar_days" },
        followUp: { amount: 2, unit: "calendar_days" },
      },
      warnAtShare: 0.5,
    });
    expect(policy.status).toBe(201);
    const phone = mobile();
    const c = await makeComplaint(agent.client, {
      category: "billing",
      customer: { name: "陈先生", phone },
    });
    const replied = await agent.client.post<Complaint>(`/complaints/${c.id}/reply`, {
      version: c.version,
      message: "多收的电费已退回。",
    });
    expect(replied.status).toBe(200);
    const messaging = {
      channels: ["sms", "email"] as const,
      publicUrl: "https://kesu.example.test",
      timezone: "Asia/Shanghai",
    };
    const notices = async () =>
      (await agent.client.get<Complaint>(`/complaints/${c.id}`)).body.timeline.filter(
        (e) => e.type === "contact" && e.data.customerMessage === "follow_up_notice",
      );
    await sweepDueClocks(world.server.db, later(DAY / 2), { messaging });
    expect(await notices()).toHaveLength(0);
    await sweepDueClocks(world.server.db, later(DAY + DAY / 4), { messaging });
    await sweepDueClocks(world.server.db, later(DAY + DAY / 2), { messaging });
    const [notice, ...more] = await notices();
    expect(more).toHaveLength(0);
    expect(notice?.data.channel).toBe("sms");
    expect(String(notice?.data.summary)).toMatch(
      new RegExp(`^您的投诉${c.number}已答复，我们将在\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}前回访您`),
    );
    await world.admin.patch("/sla/policies/billing-follow-up", {
      active: false,
      version: policy.body.version,
    });
  });

  it("uses the wording an admin gives, and the built-in one again once reset", async () => {
    const path = "/customer-message-templates/acknowledgement/zh-CN";
    const edited = await world.admin.put(path, {
      subject: "【已收到】{number}",
      body: "已收到您的投诉{number}，工号{agentNo}，{dueAt}前答复。",
    });
    expect([edited.status, edited.body.custom]).toEqual([200, true]);
    expect((await agent.client.put(path, { subject: "x", body: "y" })).status).toBe(403);
    const phone = mobile();
    const c = await makeComplaint(agent.client, { customer: { name: "周", phone } });
    const detail = (await agent.client.get<Complaint>(`/complaints/${c.id}`)).body;
    const sent = detail.timeline.find((e) => e.type === "contact");
    expect(String(sent?.data.summary)).toMatch(
      new RegExp(`^已收到您的投诉${c.number}，工号${agent.user.agentNo}，.+前答复。$`),
    );
    const list = await world.admin.get("/customer-message-templates");
    expect(list.body.items).toHaveLength(10);
    expect((await world.admin.delete(path)).body.custom).toBe(false);
  });
});
