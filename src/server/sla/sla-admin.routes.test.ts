import { describe, expect, it } from "vitest";
import { makeComplaint } from "../../test/factories.js";
import type {
  Items,
  Problem,
  SlaPolicy,
  ValidationProblem,
  WorkCalendar,
} from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => ({ agent: await w.staff("agent") }));

describe("the work calendar", () => {
  it("ships China's holidays and make-up working days for 2026", async () => {
    const calendar = (await world.agent.client.get<WorkCalendar>("/sla/calendar")).body;
    expect(calendar).toMatchObject({ timeZone: "Asia/Shanghai", workingWeekdays: [1, 2, 3, 4, 5] });
    const day = (date: string) => calendar.days.find((d) => d.date === date)?.kind;
    expect(day("2026-10-01")).toBe("holiday");
    expect(day("2026-10-10")).toBe("workday");
  });

  it("lets an admin add and remove a holiday, and refuses an unusable calendar", async () => {
    expect(
      (
        await world.admin.request("PUT", "/sla/calendar/days/2026-12-24", {
          kind: "holiday",
          name: "公司假日",
        })
      ).status,
    ).toBe(204);
    expect((await world.agent.client.get("/sla/calendar")).body.days).toContainEqual({
      date: "2026-12-24",
      kind: "holiday",
      name: "公司假日",
    });
    expect((await world.admin.delete("/sla/calendar/days/2026-12-24")).status).toBe(204);
    const wrong = await world.admin.request<ValidationProblem>("PUT", "/sla/calendar", {
      timeZone: "Mars/Olympus",
      workingHours: [{ start: "18:00", end: "09:00" }],
      workingWeekdays: [1],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e) => e.code)).toEqual(["invalid_calendar", "invalid_calendar"]);
  });
});

describe("SLA policies", () => {
  it("lists the seeded policies with the bank's active", async () => {
    const items = (await world.agent.client.get<Items<SlaPolicy>>("/sla/policies")).body.items;
    const active = items.filter((p) => p.active).map((p) => p.id);
    expect(active).toEqual(["bank-complex", "bank-standard"]);
    expect(items.map((p) => p.id)).toEqual(
      expect.arrayContaining(["power-standard", "12345-inquiry"]),
    );
  });

  it("applies a policy an admin adds ahead of the others to new complaints it matches", async () => {
    const created = await world.admin.post("/sla/policies", {
      id: "billing-7wd",
      name: "计费投诉 7 个工作日",
      order: 1,
      match: { categories: ["billing"] },
      targets: {
        customerReply: { amount: 7, unit: "working_days" },
        firstResponse: { amount: 4, unit: "working_minutes" },
      },
      warnAtShare: 0.8,
    });
    expect(created.status).toBe(201);
    const billing = await makeComplaint(world.agent.client, { category: "billing" });
    expect(billing.clocks.map((c) => c.name).sort()).toEqual(["customerReply", "firstResponse"]);
    const other = await makeComplaint(world.agent.client, { category: "service" });
    expect(other.clocks.map((c) => c.name)).toEqual(["customerReply"]);
    expect(
      (
        await world.admin.patch("/sla/policies/billing-7wd", {
          active: false,
          version: created.body.version,
        })
      ).body.active,
    ).toBe(false);
    expect(
      (await makeComplaint(world.agent.client, { category: "billing" })).clocks.map((c) => c.name),
    ).toEqual(["customerReply"]);
  });

  it("refuses a policy whose warning share is not a share", async () => {
    const res = await world.admin.post("/sla/policies", {
      id: "bad",
      name: "坏",
      order: 5,
      match: {},
      targets: {},
      warnAtShare: 1.5,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        field: "body.warnAtShare",
        code: "warn_share_range",
        message: "预警比例须在 0 与 1 之间（如 0.75 表示用去四分之三时预警）",
      },
    ]);
  });

  it("names each unusable target by its field, in the caller's language", async () => {
    const res = await world.admin.request<ValidationProblem>(
      "PATCH",
      "/sla/policies/power-standard",
      {
        version: 1,
        targets: { customerReply: { amount: 7.5, unit: "working_days" } },
        extension: { max: { amount: 1.5, unit: "calendar_days" }, approver: "supervisor" },
      },
      { "accept-language": "en" },
    );
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        field: "body.targets.customerReply.amount",
        code: "whole_days",
        message: "Working or calendar days are whole numbers",
      },
      {
        field: "body.extension.max.amount",
        code: "whole_days",
        message: "Working or calendar days are whole numbers",
      },
    ]);
  });

  it("refuses a policy matching a channel or category that is not on its list, as a complaint would", async () => {
    const policy = {
      id: "pigeon-post",
      name: "飞鸽",
      order: 6,
      match: { channels: ["pigeon"] },
      targets: {},
      warnAtShare: null,
    };
    const res = await world.admin.post("/sla/policies", policy);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: "body.match.channels", code: "unknown_term", message: "不是有效的字典项" },
    ]);
    const category = await world.admin.patch("/sla/policies/power-standard", {
      match: { categories: ["no_such"] },
      version: 1,
    });
    expect(category.body.errors).toEqual([
      expect.objectContaining({ field: "body.match.categories", code: "unknown_term" }),
    ]);
    expect(
      (await world.admin.get<Items<SlaPolicy>>("/sla/policies")).body.items.map((p) => p.id),
    ).not.toContain("pigeon-post");
  });

  it("refuses an edit made on a version someone else has since changed, naming the policy", async () => {
    const policy = async () =>
      (await world.admin.get<Items<SlaPolicy>>("/sla/policies")).body.items.find(
        (p) => p.id === "12345-inquiry",
      )!;
    const read = await policy();
    const first = await world.admin.patch<SlaPolicy>("/sla/policies/12345-inquiry", {
      name: "12345 咨询（新）",
      version: read.version,
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(read.version + 1);
    const stale = { warnAtShare: 0.5, version: read.version };
    const en = await world.admin.request<Problem>("PATCH", "/sla/policies/12345-inquiry", stale, {
      "accept-language": "en",
    });
    expect(en.status).toBe(409);
    expect(en.body).toMatchObject({
      code: "version_conflict",
      currentVersion: read.version + 1,
      title: `SLA policy was changed meanwhile (now version ${read.version + 1}); reload and try again.`,
    });
    const zh = await world.admin.patch<Problem>("/sla/policies/12345-inquiry", stale);
    expect(zh.body.title).toBe(
      `该时限政策已被修改（当前版本 ${read.version + 1}），请刷新后重试。`,
    );
    expect(await policy()).toMatchObject({
      name: "12345 咨询（新）",
      warnAtShare: read.warnAtShare,
    });
    const unnamed = await world.admin.patch("/sla/policies/12345-inquiry", { warnAtShare: 0.5 });
    expect(unnamed.status).toBe(400);
  });
});
