import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realSenders } from "../server/notifications/senders.js";
import { readable, smtpRecorder } from "../test/loopback.js";
import { pdfText } from "../test/pdf-text.js";
import { setupWorld } from "../test/world.js";
import { deliverDueOutbox } from "./deliver-outbox.js";
import { mailMonthlyAnalysisWhenDue, tellOverdueOwners } from "./monthly-analysis.js";

const TZ = "Asia/Shanghai";
let smtp: Awaited<ReturnType<typeof smtpRecorder>>;
beforeAll(async () => {
  smtp = await smtpRecorder();
});
afterAll(() => smtp.close());

const world = setupWorld(async ({ admin, staff }) => {
  const lead = await staff("supervisor", { displayName: "王主管" });
  await admin.patch(`/users/${lead.user.id}`, { email: "lead@example.test", locale: "zh-CN" });
  const owner = await staff("specialist", { displayName: "李整改" });
  await admin.patch(`/users/${owner.user.id}`, { email: "owner@example.test", locale: "en" });
  const agent = await staff("agent");
  return { lead, owner, agent };
});

const count = async (query: string) =>
  Number((await world.server.db.$client.query(query)).rows[0].n);

describe("the monthly analysis job", () => {
  it("lets subscribers opt in (not agents), then makes last month's analysis once for two servers and mails it with its PDF", async () => {
    expect(
      (await world.lead.client.put("/me/subscriptions", { monthlyAnalysis: true })).status,
    ).toBe(200);
    expect((await world.lead.client.get("/me/subscriptions")).body).toEqual({
      monthlyAnalysis: true,
    });
    expect(
      (await world.agent.client.put("/me/subscriptions", { monthlyAnalysis: true })).status,
    ).toBe(403);
    await world.lead.client.post("/improvement-actions", {
      title: "缩短退单复核时间",
      ownerId: world.owner.user.id,
      dueDate: "2026-11-20",
      category: "billing",
    });
    // Set up in November: the analysis of November shows it (overdue by the month's end).
    await world.server.db.$client.query(
      "update improvement_actions set created_at = '2026-11-10T02:00:00Z' where title = '缩短退单复核时间'",
    );

    // Mid-month nothing is due.
    expect(
      await mailMonthlyAnalysisWhenDue(world.server.db, new Date("2026-12-10T02:00:00Z"), TZ),
    ).toEqual({ claimed: 0 });
    // Two servers run the job at the same moment on the 1st (Beijing time).
    const firstDay = new Date("2026-12-01T01:00:00Z");
    const runs = await Promise.all([
      mailMonthlyAnalysisWhenDue(world.server.db, firstDay, TZ),
      mailMonthlyAnalysisWhenDue(world.server.db, firstDay, TZ),
    ]);
    expect(runs.map((r) => r.claimed).sort()).toEqual([0, 1]);
    // And again the next day: it was made already.
    expect(
      (await mailMonthlyAnalysisWhenDue(world.server.db, new Date("2026-12-02T01:00:00Z"), TZ))
        .claimed,
    ).toBe(0);
    expect(await count("select count(*) as n from monthly_analyses where month = '2026-11'")).toBe(
      1,
    );
    expect(
      await count("select count(*) as n from outbox where event_type = 'monthly_analysis'"),
    ).toBe(1);

    await deliverDueOutbox(
      world.server.db,
      realSenders(smtp.url, "kesu <kesu@example.test>"),
      new Date(Date.now() + 60_000),
    );
    const raw = smtp.mails.find((m) => readable(m).includes("To: lead@example.test"));
    expect(raw).toBeDefined();
    const mail = await simpleParser(raw!);
    expect(mail.subject).toBe("【月度投诉分析】2026-11");
    expect(mail.text).toContain("王主管，您好");
    expect(mail.text).toContain("逾期 1 项");
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]!.filename).toBe("月度投诉分析-2026-11.pdf");
    const text = pdfText(mail.attachments[0]!.content);
    expect(text).toContain("月度投诉分析 2026-11");
    expect(text).toContain("缩短退单复核时间");
  });

  it("tells an overdue action's owner once, in their language, by bell and mail", async () => {
    const now = new Date();
    const first = await tellOverdueOwners(world.server.db, now, TZ, 100);
    expect(first.claimed).toBeGreaterThanOrEqual(1);
    expect((await tellOverdueOwners(world.server.db, now, TZ, 100)).claimed).toBe(0);
    const bell = await world.owner.client.get("/notifications");
    const notice = bell.body.items.find((n: { type: string }) => n.type === "improvement_overdue");
    expect(notice.data).toMatchObject({ title: "缩短退单复核时间", dueDate: "2026-11-20" });
    await deliverDueOutbox(
      world.server.db,
      realSenders(smtp.url, "kesu <kesu@example.test>"),
      new Date(Date.now() + 60_000),
    );
    const raw = smtp.mails.find((m) => readable(m).includes("To: owner@example.test"));
    const mail = await simpleParser(raw!);
    expect(mail.subject).toBe("[Improvement action overdue] 缩短退单复核时间");
    expect(mail.text).toContain("was due on 2026-11-20");
  });
});
