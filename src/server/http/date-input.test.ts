import { describe, expect, it } from "vitest";
import type { ApiResponse } from "../../test/api-client.js";
import { complaintInput, makeComplaint } from "../../test/factories.js";
import type {
  Complaint,
  ComplaintListItem,
  FieldProblem,
  Page,
  ValidationProblem,
  WorkCalendar,
} from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

// Issue 10: every date or time a client sends is held to one rule (see date-input.ts): a deadline
// lies after now and at most five years ahead; any other date lies between 2000-01-01 and five
// years ahead. Refused with 400 naming the field and the bounds, in the caller's language.

const HAN = /[\u4e00-\u9fff]/;
const EPOCH = "1970-01-01T00:00:00.000Z";
const FAR = "9999-12-31T00:00:00.000Z";
/** The last date accepted: five years from today (UTC). */
const latest = () => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + 5);
  return d.toISOString().slice(0, 10);
};

const world = setupWorld(async (w) => ({
  agent: await w.staff("agent"),
  supervisor: await w.staff("supervisor"),
}));

const en = { "accept-language": "en" };

/** The one field problem a 400 names, after checking the answer is a localised validation_failed. */
function problemOf(res: ApiResponse<unknown>, field: string) {
  expect(res.status).toBe(400);
  const problem = res.body as ValidationProblem;
  expect(problem.code).toBe("validation_failed");
  expect(problem.errors).toHaveLength(1);
  expect(problem.errors[0]).toMatchObject({ field, code: "date_out_of_range" });
  return problem.errors[0] as FieldProblem & { min: string; max: string };
}

describe("an upper-level transfer's deadline (source.externalDueAt)", () => {
  const transfer = (externalDueAt: string) =>
    complaintInput({ source: { type: "transfer", hotline: "12345", externalDueAt } });
  const countCases = async () =>
    (await world.admin.get<Page<ComplaintListItem>>("/complaints?limit=200")).body.items.length;

  it.each([
    ["1970", EPOCH],
    ["9999", FAR],
    ["yesterday", new Date(Date.now() - 86_400_000).toISOString()],
  ])(
    "refuses one in %s and creates nothing, naming the bounds in Chinese and English",
    async (_, at) => {
      const before = await countCases();
      const zh = problemOf(
        await world.agent.client.post("/complaints", transfer(at)),
        "body.source.externalDueAt",
      );
      expect(zh.message).toMatch(HAN);
      expect(zh.message).toContain("现在");
      expect(zh.message).toContain(latest());
      expect(zh).toMatchObject({ min: "now", max: latest() });

      const english = problemOf(
        await world.agent.client.request("POST", "/complaints", transfer(at), en),
        "body.source.externalDueAt",
      );
      expect(english.message).toBe(`Must be between now and ${latest()}`);
      expect(await countCases()).toBe(before);
    },
  );

  it("still takes a deadline three days ahead", async () => {
    const at = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const res = await world.agent.client.post("/complaints", transfer(at));
    expect(res.status).toBe(201);
    expect(res.body.source.externalDueAt).toBe(at);
    expect(res.body.severity).toBe("normal");
  });
});

describe("the same rule on the other deadlines", () => {
  it.each([EPOCH, FAR])("refuses a callback promised for %s", async (dueAt) => {
    const c = await makeComplaint(world.agent.client);
    problemOf(
      await world.agent.client.post<Complaint>(`/complaints/${c.id}/callback`, { dueAt }),
      "body.dueAt",
    );
    expect((await world.admin.get<Complaint>(`/complaints/${c.id}`)).body.callbacks).toEqual([]);
  });

  it.each([EPOCH, FAR])("refuses an extension to %s", async (newDueAt) => {
    const c = await makeComplaint(world.agent.client, { ownerId: world.agent.user.id });
    problemOf(
      await world.agent.client.post(`/complaints/${c.id}/extension-requests`, {
        newDueAt,
        reason: "需调取外部鉴定",
      }),
      "body.newDueAt",
    );
  });

  it.each([EPOCH, FAR])("refuses a supervision order due %s", async (dueAt) => {
    const c = await makeComplaint(world.agent.client);
    problemOf(
      await world.supervisor.client.post(`/complaints/${c.id}/supervise`, { note: "督办", dueAt }),
      "body.dueAt",
    );
    expect((await world.admin.get<Complaint>(`/complaints/${c.id}`)).body.flags).not.toContain(
      "supervised",
    );
  });
});

describe("calendar days", () => {
  it.each([
    ["1999-12-31", "before 2000"],
    ["9999-01-01", "too far ahead"],
  ])("refuses %s (%s), naming the bounds", async (date) => {
    const zh = problemOf(
      await world.admin.request("PUT", `/sla/calendar/days/${date}`, { kind: "holiday" }),
      "params.date",
    );
    expect(zh.message).toBe(`日期须在 2000-01-01 至 ${latest()} 之间`);
    const english = problemOf(
      await world.admin.request("PUT", `/sla/calendar/days/${date}`, { kind: "holiday" }, en),
      "params.date",
    );
    expect(english.message).toBe(`Must be between 2000-01-01 and ${latest()}`);
    const days = (await world.admin.get<WorkCalendar>("/sla/calendar")).body.days.map(
      (d) => d.date,
    );
    expect(days).not.toContain(date);
  });

  it("refuses a day that does not exist with 400 naming the field, not a database error", async () => {
    const res = await world.admin.request<ValidationProblem>(
      "PUT",
      "/sla/calendar/days/2027-02-30",
      {
        kind: "holiday",
      },
    );
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e) => e.field)).toEqual(["params.date"]);
  });
});
