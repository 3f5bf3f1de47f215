import { describe, expect, it } from "vitest";
import { makeComplaint } from "../../test/factories.js";
import type { ValidationProblem } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => ({ agent: await w.staff("agent") }));

describe("the work calendar", () => {
  it("ships China's holidays and make-up working days for 2026", async () => {
    const calendar = (await world.agent.client.get("/sla/calendar")).body;
    expect(calendar).toMatchObject({ timeZone: "Asia/Shanghai", workingWeekdays: [1, 2, 3, 4, 5] });
    const day = (date: string) => calendar.days.find((d: any) => d.date === date)?.kind;
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
    const items = (await world.agent.client.get("/sla/policies")).body.items;
    const active = items.filter((p: any) => p.active).map((p: any) => p.id);
    expect(active).toEqual(["bank-complex", "bank-standard"]);
    expect(items.map((p: any) => p.id)).toEqual(
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
      (await world.admin.patch("/sla/policies/billing-7wd", { active: false })).body.active,
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
    });
    expect(category.body.errors).toEqual([
      expect.objectContaining({ field: "body.match.categories", code: "unknown_term" }),
    ]);
    expect((await world.admin.get("/sla/policies")).body.items.map((p: any) => p.id)).not.toContain(
      "pigeon-post",
    );
  });
});
