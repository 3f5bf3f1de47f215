import { describe, expect, it } from "vitest";
import { trainSuggestionsWhenDue } from "../../jobs/train-suggestions.js";
import { closeThemedCases } from "../../test/suggestion-kit.js";
import type { ModelSummary, Suggestions } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => ({
  agent: await w.staff("agent"),
  card: await w.department({ name: "信用卡中心" }),
  branch: await w.department({ name: "营业部" }),
}));

const schedule = {
  KESU_SUGGESTION_MONTHS: 12,
  KESU_SUGGESTION_CASES: 1000,
  KESU_SUGGESTION_HOUR: 3,
  KESU_TIMEZONE: "Asia/Shanghai",
};
const suggest = (text: string, locale = "zh-CN") =>
  world.agent.client.request<Suggestions>(
    "POST",
    "/suggestions",
    { text },
    {
      "accept-language": locale,
    },
  );

describe("suggestions at intake", () => {
  it("answers empty lists, not an error, before any model is trained", async () => {
    const res = await suggest("信用卡一直没有寄到");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ category: [], cause: [], businessType: [], department: [] });
    expect(await world.admin.ok<ModelSummary>("GET", "/suggestions/model")).toEqual({
      current: null,
      history: [],
    });
    // A new installation trains at once, whatever the hour, and learns nothing yet.
    expect((await trainSuggestionsWhenDue(world.server.db, new Date(), schedule)).claimed).toBe(1);
    const model = await world.admin.ok<ModelSummary>("GET", "/suggestions/model");
    expect(model.current).toMatchObject({ trigger: "job", casesUsed: 0, heldOut: 0 });
    expect(model.current!.accuracy.category).toEqual({
      cases: 0,
      top1: null,
      top3: null,
      baseline: null,
    });
    expect((await suggest("信用卡一直没有寄到")).body.category).toEqual([]);
    // Nothing closed since: no second empty training.
    expect((await trainSuggestionsWhenDue(world.server.db, new Date(), schedule)).claimed).toBe(0);
  });

  it("learns from the first closed cases at once, labelled in the caller's language", async () => {
    await closeThemedCases(world.admin, [world.card.id, world.branch.id], 30);
    // An open case says nothing yet: only closed ones are learned from.
    await world.agent.client.createComplaint({
      kind: "complaint",
      channel: "phone",
      customer: { name: "赵先生", phone: "13900001111" },
      subject: "信用卡没收到",
      description: "信用卡没有寄到",
      category: "quality",
    });
    const first = await trainSuggestionsWhenDue(world.server.db, new Date(), schedule);
    expect(first.claimed).toBe(1);

    const s = (await suggest("我申请的信用卡二十天了还没有寄到")).body;
    expect(s.category[0]).toMatchObject({ id: "delivery", label: "交付" });
    expect(s.businessType[0]).toMatchObject({ id: "credit_card" });
    expect(s.department[0]).toEqual(
      expect.objectContaining({ id: world.card.id, label: "信用卡中心" }),
    );
    expect(s.cause[0]).toMatchObject({ id: "time_delayed" });
    for (const list of Object.values(s)) {
      expect(list.length).toBeLessThanOrEqual(3);
      expect(list[0]!.confidence).toBeGreaterThan(0.5);
    }
    const service = (await suggest("网点柜员态度很恶劣", "en")).body;
    expect(service.category[0]).toMatchObject({ id: "service", label: "Service" });
    expect(service.department[0]!.id).toBe(world.branch.id);
  });

  it("shows admins each field's held-out accuracy beside the baseline, and retrains on request", async () => {
    const before = await world.admin.ok<ModelSummary>("GET", "/suggestions/model");
    expect(before.current).toMatchObject({ trigger: "job", casesUsed: 30 });
    expect(before.current!.heldOut).toBeGreaterThan(0);
    const category = before.current!.accuracy.category;
    expect(category.top1).toBeGreaterThan(category.baseline!);

    // The job trains once a night: not again an hour later.
    const later = new Date(Date.now() + 3_600_000);
    expect((await trainSuggestionsWhenDue(world.server.db, later, schedule)).claimed).toBe(0);

    const res = await world.admin.post<ModelSummary>("/suggestions/model");
    expect(res.status).toBe(201);
    expect(res.body.current).toMatchObject({ trigger: "admin", casesUsed: 30 });
    expect(res.body.history.map((h) => h.casesUsed)).toEqual([30, 0]);
    const { rows } = await world.server.db.$client.query(
      "select action from audit_log where entity = 'suggestion_model'",
    );
    expect(rows).toEqual([{ action: "train" }]);
  });

  it("trains at night only in the configured hour, a day after the last", async () => {
    const night = new Date(Date.now() + 2 * 86_400_000);
    night.setUTCHours(19, 10); // 03:10 in Shanghai
    const noon = new Date(night.getTime() + 9 * 3_600_000);
    expect((await trainSuggestionsWhenDue(world.server.db, noon, schedule)).claimed).toBe(0);
    expect((await trainSuggestionsWhenDue(world.server.db, night, schedule)).claimed).toBe(1);
  });
});
