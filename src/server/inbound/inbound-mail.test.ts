import { sql } from "drizzle-orm";
import nodemailer, { type SendMailOptions } from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownMailHeaders } from "../../domain/inbound-mail/mail-kind.js";
import type { Complaint } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";
import { messagingOf } from "../customer-messages/customer-messaging.js";
import { type InboundSmtp, startInboundSmtp } from "./smtp-listener.js";

const TOKEN = "mta-token-0123456789abcdefghij";
const world = setupWorld({ env: { KESU_INBOUND_EMAIL_TOKEN: TOKEN } });
let listener: InboundSmtp;

beforeAll(async () => {
  listener = await startInboundSmtp(
    {
      db: world.server.db,
      clock: world.server.app.clock,
      timezone: "Asia/Shanghai",
      maxAttachmentBytes: 1_048_576,
      messaging: messagingOf(world.server.app.config),
    },
    { port: 0, host: "127.0.0.1", log: world.server.app.log },
  );
});
afterAll(() => listener.close());

const pdf = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/** Sends through the real listener over SMTP, as a customer's mail server would. */
async function send(mail: SendMailOptions) {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: listener.port,
    secure: false,
    ignoreTLS: true,
  });
  const info = await transport.sendMail({ to: "tousu@kesu.example", ...mail });
  transport.close();
  return info.messageId;
}

const emailCases = async (from: string) => {
  const { rows } = await world.server.db.execute(
    sql`select c.id from complaints c join customers cu on cu.id = c.customer_id
        where lower(cu.email) = ${from} and c.channel = 'email'`,
  );
  return rows.map((r) => r.id as string);
};
const outcomeOf = async (messageId: string) => {
  const { rows } = await world.server.db.execute(
    sql`select outcome from inbound_mails where message_id = ${messageId}`,
  );
  return rows[0]?.outcome;
};

describe("mail through the SMTP listener", () => {
  const customer = "li.na@example.cn";
  let first: Complaint;
  let firstMessageId: string;

  it("opens a case on channel email for a new sender, with a new customer and her attachment", async () => {
    firstMessageId = await send({
      from: "李娜 <Li.Na@example.cn>",
      subject: "电费账单重复扣款",
      text: "十一月电费被扣了两次，请退回多扣的费用。",
      attachments: [{ filename: "扣款截图.pdf", content: pdf }],
    });
    const [id] = await emailCases(customer);
    expect(id).toBeDefined();
    first = await world.admin.complaint(id!);
    expect(first).toMatchObject({
      channel: "email",
      subject: "电费账单重复扣款",
      description: "十一月电费被扣了两次，请退回多扣的费用。",
      status: "received",
      owner: null,
    });
    expect(first.customer).toMatchObject({ name: "李娜", email: customer });
    expect(first.attachments.map((a) => a.fileName)).toEqual(["扣款截图.pdf"]);
    expect(await outcomeOf(firstMessageId)).toBe("opened");
  });

  it("joins the case a reply names by number, as a contact on its timeline", async () => {
    await send({
      from: customer,
      subject: `Re: 您的投诉 ${first.number} 已受理`,
      text: "补充：银行流水显示 11 月 3 日两笔扣款。",
    });
    expect(await emailCases(customer)).toEqual([first.id]);
    const after = await world.admin.complaint(first.id);
    const contact = after.timeline.filter((e) => e.type === "contact").at(-1);
    expect(contact?.data).toMatchObject({ direction: "inbound", channel: "email" });
    expect(String(contact?.data.summary)).toContain("两笔扣款");
  });

  it("joins the case a reply answers by In-Reply-To, without the number", async () => {
    await send({
      from: customer,
      subject: "回复：电费",
      text: "请尽快处理。",
      inReplyTo: firstMessageId,
      references: [firstMessageId],
    });
    expect(await emailCases(customer)).toEqual([first.id]);
    const after = await world.admin.complaint(first.id);
    expect(after.timeline.filter((e) => e.type === "contact")).toHaveLength(2);
  });

  it("opens no case for an auto-reply", async () => {
    const id = await send({
      from: "zhang.wei@example.cn",
      subject: "自动回复：休假中",
      text: "我正在休假，12 月 10 日回来。",
      headers: { "Auto-Submitted": "auto-replied", "X-Autoreply": "yes" },
    });
    expect(await emailCases("zhang.wei@example.cn")).toEqual([]);
    expect(await outcomeOf(id)).toBe("auto_reply");
  });

  it("opens no case for a bounce (multipart/report from MAILER-DAEMON)", async () => {
    const raw = [
      "From: Mail Delivery System <MAILER-DAEMON@mx.example.cn>",
      "To: kesu@kesu.example",
      "Subject: Undelivered Mail Returned to Sender",
      "Message-ID: <bounce-1@mx.example.cn>",
      "MIME-Version: 1.0",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain",
      "",
      "The mail to li.na@example.cn could not be delivered.",
      "--b1",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mx.example.cn",
      "",
      "Final-Recipient: rfc822; nobody@example.cn",
      "Action: failed",
      "Status: 5.1.1",
      "--b1--",
      "",
    ].join("\r\n");
    await send({ envelope: { from: "", to: "tousu@kesu.example" }, raw });
    expect(await outcomeOf("<bounce-1@mx.example.cn>")).toBe("bounce");
    expect(await emailCases("mailer-daemon@mx.example.cn")).toEqual([]);
  });

  it("recognises kesu's own mail coming back, so no loop can start", async () => {
    const id = await send({
      from: "kesu@kesu.example",
      subject: `工单 ${first.number} 即将超时`,
      text: "提醒",
      headers: { ...ownMailHeaders },
    });
    expect(await outcomeOf(id)).toBe("own_mail");
    expect(await emailCases(customer)).toEqual([first.id]);
  });

  it("opens a new case when a stranger names someone else's case number", async () => {
    await send({
      from: "stranger@example.org",
      subject: `${first.number} 我也有问题`,
      text: "同样被重复扣费。",
    });
    const theirs = await emailCases("stranger@example.org");
    expect(theirs).toHaveLength(1);
    expect(theirs[0]).not.toBe(first.id);
  });
});

describe("POST /inbound/email for an MTA", () => {
  const raw = (id: string) =>
    [
      "From: Wang Fang <wang.fang@example.cn>",
      "To: tousu@kesu.example",
      "Subject: 营业厅排队两小时",
      `Message-ID: <${id}@example.cn>`,
      "Content-Type: text/plain; charset=utf-8",
      "",
      "周六上午在营业厅排队两个小时无人处理。",
      "",
    ].join("\r\n");
  const post = (body: string, token: string) =>
    fetch(`${world.server.api}/inbound/email`, {
      method: "POST",
      headers: { "content-type": "message/rfc822", authorization: `Bearer ${token}` },
      body,
    });

  it("refuses a wrong token and takes a mail once with the right one", async () => {
    expect((await post(raw("m1"), "wrong-token-wrong-token-wrong")).status).toBe(401);
    const res = await post(raw("m1"), TOKEN);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ outcome: "opened", repeated: false });
    const again = await post(raw("m1"), TOKEN);
    expect(await again.json()).toMatchObject({ outcome: "opened", repeated: true });
    expect(await emailCases("wang.fang@example.cn")).toHaveLength(1);
  });
});
