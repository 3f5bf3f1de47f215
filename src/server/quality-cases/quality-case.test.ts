import { describe, expect, it } from "vitest";
import { makeComplaint } from "../../test/factories.js";
import {
  complaintsAbout,
  eightDRecords,
  openEightD,
  passStep,
  stepOf,
} from "../../test/quality-kit.js";
import type { Items, NotificationList, QualityCase, QualityCaseListItem } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => ({
  agent: await w.staff("agent", { displayName: "李娜", agentNo: "1023" }),
  otherAgent: await w.staff("agent"),
  specialist: await w.staff("specialist", { displayName: "王工", agentNo: "3001" }),
  colleague: await w.staff("specialist", { displayName: "赵工", agentNo: "3002" }),
  outsider: await w.staff("specialist"),
  supervisor: await w.staff("supervisor"),
  quality: await w.staff("quality", { displayName: "质量-陈", agentNo: "5001" }),
}));

describe("opening an 8D and linking complaints", () => {
  it("opens from three customers' complaints; each complaint shows the 8D's number and step", async () => {
    const made = await complaintsAbout(world.agent, 3);
    const c = await openEightD(
      world.specialist,
      made.map((m) => m.id),
    );
    expect(c.number).toMatch(/^8D-\d{4}-\d{4}$/);
    expect(c.currentStep).toBe("d0");
    expect(c.complaints.map((x) => x.number).sort()).toEqual(made.map((m) => m.number).sort());
    expect(c.complaints[0]!.customerName).toBe("王女士");
    expect(c.steps.map((s) => s.status)).toEqual(Array(9).fill("draft"));
    expect(c.openedBy).toMatchObject({ agentNo: "3001", name: "王工" });
    const page = await world.agent.client.get(`/complaints/${made[0]!.id}`);
    expect(page.body.qualityCase).toMatchObject({ id: c.id, number: c.number, currentStep: "d0" });
    expect(page.body.timeline.at(-1)).toMatchObject({
      type: "quality_case_linked",
      data: { number: c.number },
    });
    // Quality sees the problem, not the person.
    const seen = await world.quality.client.get(`/quality-cases/${c.id}`);
    expect(seen.body.complaints[0].customerName).toBeNull();
  });

  it("links more complaints later; a complaint belongs to one 8D only", async () => {
    const [first, second] = await complaintsAbout(world.agent, 2);
    const c = await openEightD(world.specialist, [first!.id]);
    const res = await world.specialist.client.post<QualityCase>(
      `/quality-cases/${c.id}/complaints`,
      {
        complaintIds: [second!.id],
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.complaints).toHaveLength(2);
    expect(res.body.timeline.map((e) => e.type)).toEqual([
      "opened",
      "complaints_linked",
      "complaints_linked",
    ]);
    expect(
      (await world.agent.client.get(`/complaints/${second!.id}`)).body.qualityCase.number,
    ).toBe(c.number);
    const other = await openEightD(world.supervisor);
    const taken = await world.supervisor.client.post(`/quality-cases/${other.id}/complaints`, {
      complaintIds: [second!.id],
    });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe("complaint_in_quality_case");
  });

  it("numbers cases one after another within the year", async () => {
    const a = await openEightD(world.quality);
    const b = await openEightD(world.quality);
    const seq = (n: string) => Number(n.split("-")[2]);
    expect(seq(b.number)).toBe(seq(a.number) + 1);
    const list = await world.agent.client.get<Items<QualityCaseListItem>>("/quality-cases");
    expect(list.body.items.map((i) => i.number)).toEqual(
      expect.arrayContaining([a.number, b.number]),
    );
  });
});

describe("who may do what", () => {
  it("keeps an 8D read-only to agents, even those on its team", async () => {
    const c = await openEightD(world.specialist);
    const withAgent = await passStep(
      c,
      "d0",
      eightDRecords(world).d0,
      world.specialist,
      world.supervisor,
    );
    const team = await world.specialist.client.put(`/quality-cases/${c.id}/steps/d1`, {
      version: stepOf(withAgent, "d1").version,
      data: eightDRecords(world).d1,
    });
    expect(team.status).toBe(200);
    expect(
      (await world.agent.client.post("/quality-cases", { title: "x", product: "y" })).status,
    ).toBe(403);
    const put = await world.agent.client.put(`/quality-cases/${c.id}/steps/d2`, {
      version: 1,
      data: {},
    });
    expect(put.status).toBe(403);
    const read = await world.agent.client.get(`/quality-cases/${c.id}`);
    expect(read.status).toBe(200);
    expect(read.body.allowed).toEqual({ edit: false, decide: false, link: false });
    expect(stepOf(read.body, "d2").allowedActions).toEqual([]);
  });

  it("lets the team edit, and only the champion (or quality, supervisors) approve", async () => {
    const c = await openEightD(world.specialist);
    const outsider = await world.outsider.client.put(`/quality-cases/${c.id}/steps/d0`, {
      version: 1,
      data: eightDRecords(world).d0,
    });
    expect(outsider.status).toBe(403);
    const saved = await world.specialist.client.put(`/quality-cases/${c.id}/steps/d0`, {
      version: 1,
      data: eightDRecords(world).d0,
    });
    const submitted = await world.specialist.client.post(`/quality-cases/${c.id}/steps/d0/submit`, {
      version: stepOf(saved.body, "d0").version,
    });
    const own = await world.specialist.client.post(`/quality-cases/${c.id}/steps/d0/approve`, {
      version: stepOf(submitted.body, "d0").version,
    });
    expect(own.status).toBe(403);
    const approved = await world.quality.client.post(`/quality-cases/${c.id}/steps/d0/approve`, {
      version: stepOf(submitted.body, "d0").version,
    });
    expect(approved.status).toBe(200);
    expect(stepOf(approved.body, "d0")).toMatchObject({
      status: "approved",
      approvedBy: { agentNo: "5001" },
    });
  });
});

describe("working the disciplines", () => {
  it("refuses to submit a step before the one it depends on is approved, but lets containment run", async () => {
    const c = await openEightD(world.specialist);
    const early = await world.specialist.client.post(`/quality-cases/${c.id}/steps/d1/submit`, {
      version: 1,
    });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: "step_waiting", waitingFor: ["d0"] });
    const d3 = await passStep(c, "d3", eightDRecords(world).d3, world.specialist, world.supervisor);
    expect(stepOf(d3, "d3").status).toBe("approved");
    expect(d3.currentStep).toBe("d0");
  });

  it("sends a step back with a comment, to be edited and submitted again", async () => {
    const c = await openEightD(world.specialist);
    const saved = await world.specialist.client.put(`/quality-cases/${c.id}/steps/d0`, {
      version: 1,
      data: eightDRecords(world).d0,
    });
    const sub = await world.specialist.client.post(`/quality-cases/${c.id}/steps/d0/submit`, {
      version: stepOf(saved.body, "d0").version,
    });
    const frozen = await world.specialist.client.put(`/quality-cases/${c.id}/steps/d0`, {
      version: stepOf(sub.body, "d0").version,
      data: {},
    });
    expect(frozen.body.code).toBe("step_not_editable");
    const back = await world.supervisor.client.post(`/quality-cases/${c.id}/steps/d0/send-back`, {
      version: stepOf(sub.body, "d0").version,
      comment: "请写明负责人",
    });
    expect(stepOf(back.body, "d0")).toMatchObject({
      status: "sent_back",
      sentBackComment: "请写明负责人",
    });
    expect(back.body.timeline.at(-1)).toMatchObject({
      type: "step_sent_back",
      discipline: "d0",
      actor: { agentNo: expect.any(String) },
    });
  });

  it("lets one of two members editing the same step win; the other gets 409 version_conflict", async () => {
    const c = await openEightD(world.specialist);
    const withTeam = await passStep(
      c,
      "d0",
      eightDRecords(world).d0,
      world.specialist,
      world.quality,
    );
    const d1 = await world.specialist.client.put(`/quality-cases/${c.id}/steps/d1`, {
      version: stepOf(withTeam, "d1").version,
      data: eightDRecords(world).d1,
    });
    const version = stepOf(d1.body, "d2").version;
    const [a, b] = await Promise.all([
      world.specialist.client.put(`/quality-cases/${c.id}/steps/d2`, {
        version,
        data: { customerWords: "王工写的" },
      }),
      world.colleague.client.put(`/quality-cases/${c.id}/steps/d2`, {
        version,
        data: { customerWords: "赵工写的" },
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const lost = a.status === 409 ? a : b;
    expect(lost.body).toMatchObject({ code: "version_conflict", currentVersion: version + 1 });
  });

  it("walks seed 001's case to closure; D6 approved tells the linked open complaints' owners to reply", async () => {
    const made = await complaintsAbout(world.agent, 2);
    const third = await makeComplaint(world.otherAgent.client, { subject: "X200 外壳裂了" });
    let c = await openEightD(world.specialist, [...made.map((m) => m.id), third.id]);
    const r = eightDRecords(world);
    for (const d of ["d0", "d1", "d2", "d3", "d4", "d5", "d6"] as const)
      c = await passStep(c, d, r[d], world.specialist, world.quality);
    const bell = await world.agent.client.get<NotificationList>("/notifications");
    const told = bell.body.items.filter((n) => n.type === "quality_fix_verified");
    expect(told).toHaveLength(2);
    expect(told[0]!.data).toMatchObject({ qualityCaseNumber: c.number });
    expect(told[0]!.data.replyTemplate).toContain("模温控制器加报警");
    const other = await world.otherAgent.client.get<NotificationList>("/notifications");
    expect(
      other.body.items.some((n) => n.type === "quality_fix_verified" && n.complaintId === third.id),
    ).toBe(true);
    expect(c.timeline.some((e) => e.type === "owners_told_to_reply")).toBe(true);
    c = await passStep(c, "d7", r.d7, world.colleague, world.quality);
    c = await passStep(c, "d8", r.d8, world.colleague, world.quality);
    expect(c).toMatchObject({ status: "closed", currentStep: null, closedAt: expect.any(String) });
    const page = await world.agent.client.get(`/complaints/${made[0]!.id}`);
    expect(page.body.qualityCase).toMatchObject({ status: "closed", currentStep: null });
  });
});
