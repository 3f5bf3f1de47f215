import { describe, expect, it } from "vitest";
import { makeComplaint, type Staff } from "../../test/factories.js";
import { DAY, HOUR, later, sweepAt } from "../../test/sweep-at.js";
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

type Dto = Record<string, any>;

async function complaintsAbout(agent: Staff, n: number) {
  const made = [];
  for (let i = 0; i < n; i++)
    made.push(
      await makeComplaint(agent.client, {
        subject: `X200 空调外壳开裂 ${i + 1}`,
        description: "客户称新买的 X200 空调两天后外壳开裂。",
      }),
    );
  return made;
}

async function open(by: Staff, complaintIds: string[] = []): Promise<Dto> {
  const res = await by.client.post("/quality-cases", {
    title: "X200 外壳开裂",
    product: "空调",
    model: "X200",
    batch: "2026-10",
    complaintIds,
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body;
}

const step = (c: Dto, d: string) => c.steps.find((s: Dto) => s.discipline === d);

/** Saves, submits and approves one discipline; returns the case after. */
async function pass(c: Dto, d: string, data: object, by: Staff, approver: Staff): Promise<Dto> {
  let res = await by.client.put(`/quality-cases/${c.id}/steps/${d}`, {
    version: step(c, d).version,
    data,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  res = await by.client.post(`/quality-cases/${c.id}/steps/${d}/submit`, {
    version: step(res.body, d).version,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  res = await approver.client.post(`/quality-cases/${c.id}/steps/${d}/approve`, {
    version: step(res.body, d).version,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const records = () => ({
  d0: { actions: [{ action: "暂停 X200 发货" }] },
  d1: {
    members: [
      { userId: world.specialist.user.id, role: "客服专员" },
      { userId: world.colleague.user.id, role: "质量工程师" },
      { userId: world.agent.user.id, role: "坐席" },
      { userId: world.quality.user.id, role: "组长" },
    ],
    championId: world.quality.user.id,
  },
  d2: {
    what: { is: "X200 外壳开裂", isNot: "X100 无此问题" },
    where: { is: "华东区", isNot: "华北区" },
    when: { is: "10月批次", isNot: "9月批次" },
    howMany: { is: "3台", isNot: "—" },
    customerWords: "用了两天外壳就裂了",
  },
  d3: {
    actions: [
      { action: "隔离10月批次库存", quantityChecked: 500, quantityQuarantined: 40, done: true },
    ],
  },
  d4: {
    rootCauses: [
      {
        kind: "occurrence",
        statement: "注塑模温偏低导致内应力",
        category: "machine",
        whys: ["为何开裂", "为何应力大", "为何模温低", "为何未报警", "为何未校准"],
        evidence: [],
      },
      {
        kind: "escape",
        statement: "出厂检验未做低温冲击测试",
        category: "measurement",
        whys: ["为何漏检"],
        evidence: [],
      },
    ],
    fishbone: { machine: ["模温偏低"], measurement: ["缺低温冲击测试"], material: ["料批次"] },
  },
  d5: {
    options: [
      { option: "模温控制器加报警", scores: { effect: 5, speed: 5, cost: 4, ease: 5 } },
      { option: "更换原料", scores: { effect: 4, speed: 2, cost: 2, ease: 3 } },
      { option: "加厚外壳", scores: { effect: 4, speed: 1, cost: 1, ease: 2 } },
    ],
    chosen: 0,
    why: "见效快，成本低，方便操作",
  },
  d6: {
    implementation: "已加装报警",
    verification: "连续三批低温冲击测试合格",
    customerConfirmed: true,
    customerConfirmation: "客户确认更换后无问题",
    containmentWithdrawn: true,
  },
  d7: {
    similarChecked: [{ product: "X300", result: "同类机种已排查" }],
    documents: ["作业指导书 v2"],
    processChanges: ["模温点检"],
  },
  d8: { lessonsLearned: "模温须纳入点检", recognition: "表彰8D小组" },
});

describe("opening an 8D and linking complaints", () => {
  it("opens from three customers' complaints; each complaint shows the 8D's number and step", async () => {
    const made = await complaintsAbout(world.agent, 3);
    const c = await open(
      world.specialist,
      made.map((m) => m.id),
    );
    expect(c.number).toMatch(/^8D-\d{4}-\d{4}$/);
    expect(c.currentStep).toBe("d0");
    expect(c.complaints.map((x: Dto) => x.number).sort()).toEqual(made.map((m) => m.number).sort());
    expect(c.complaints[0].customerName).toBe("王女士");
    expect(c.steps.map((s: Dto) => s.status)).toEqual(Array(9).fill("draft"));
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
    const c = await open(world.specialist, [first!.id]);
    const res = await world.specialist.client.post(`/quality-cases/${c.id}/complaints`, {
      complaintIds: [second!.id],
    });
    expect(res.status).toBe(200);
    expect(res.body.complaints).toHaveLength(2);
    expect(res.body.timeline.map((e: Dto) => e.type)).toEqual([
      "opened",
      "complaints_linked",
      "complaints_linked",
    ]);
    expect(
      (await world.agent.client.get(`/complaints/${second!.id}`)).body.qualityCase.number,
    ).toBe(c.number);
    const other = await open(world.supervisor);
    const taken = await world.supervisor.client.post(`/quality-cases/${other.id}/complaints`, {
      complaintIds: [second!.id],
    });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe("complaint_in_quality_case");
  });

  it("numbers cases one after another within the year", async () => {
    const a = await open(world.quality);
    const b = await open(world.quality);
    const seq = (n: string) => Number(n.split("-")[2]);
    expect(seq(b.number)).toBe(seq(a.number) + 1);
    const list = await world.agent.client.get("/quality-cases");
    expect(list.body.items.map((i: Dto) => i.number)).toEqual(
      expect.arrayContaining([a.number, b.number]),
    );
  });
});

describe("who may do what", () => {
  it("keeps an 8D read-only to agents, even those on its team", async () => {
    const c = await open(world.specialist);
    const withAgent = await pass(c, "d0", records().d0, world.specialist, world.supervisor);
    const team = await world.specialist.client.put(`/quality-cases/${c.id}/steps/d1`, {
      version: step(withAgent, "d1").version,
      data: records().d1,
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
    expect(step(read.body, "d2").allowedActions).toEqual([]);
  });

  it("lets the team edit, and only the champion (or quality, supervisors) approve", async () => {
    const c = await open(world.specialist);
    const outsider = await world.outsider.client.put(`/quality-cases/${c.id}/steps/d0`, {
      version: 1,
      data: records().d0,
    });
    expect(outsider.status).toBe(403);
    const saved = await world.specialist.client.put(`/quality-cases/${c.id}/steps/d0`, {
      version: 1,
      data: records().d0,
    });
    const submitted = await world.specialist.client.post(`/quality-cases/${c.id}/steps/d0/submit`, {
      version: step(saved.body, "d0").version,
    });
    const own = await world.specialist.client.post(`/quality-cases/${c.id}/steps/d0/approve`, {
      version: step(submitted.body, "d0").version,
    });
    expect(own.status).toBe(403);
    const approved = await world.quality.client.post(`/quality-cases/${c.id}/steps/d0/approve`, {
      version: step(submitted.body, "d0").version,
    });
    expect(approved.status).toBe(200);
    expect(step(approved.body, "d0")).toMatchObject({
      status: "approved",
      approvedBy: { agentNo: "5001" },
    });
  });
});

describe("working the disciplines", () => {
  it("refuses to submit a step before the one it depends on is approved, but lets containment run", async () => {
    const c = await open(world.specialist);
    const early = await world.specialist.client.post(`/quality-cases/${c.id}/steps/d1/submit`, {
      version: 1,
    });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: "step_waiting", waitingFor: ["d0"] });
    const d3 = await pass(c, "d3", records().d3, world.specialist, world.supervisor);
    expect(step(d3, "d3").status).toBe("approved");
    expect(d3.currentStep).toBe("d0");
  });

  it("sends a step back with a comment, to be edited and submitted again", async () => {
    const c = await open(world.specialist);
    const saved = await world.specialist.client.put(`/quality-cases/${c.id}/steps/d0`, {
      version: 1,
      data: records().d0,
    });
    const sub = await world.specialist.client.post(`/quality-cases/${c.id}/steps/d0/submit`, {
      version: step(saved.body, "d0").version,
    });
    const frozen = await world.specialist.client.put(`/quality-cases/${c.id}/steps/d0`, {
      version: step(sub.body, "d0").version,
      data: {},
    });
    expect(frozen.body.code).toBe("step_not_editable");
    const back = await world.supervisor.client.post(`/quality-cases/${c.id}/steps/d0/send-back`, {
      version: step(sub.body, "d0").version,
      comment: "请写明负责人",
    });
    expect(step(back.body, "d0")).toMatchObject({
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
    const c = await open(world.specialist);
    const withTeam = await pass(c, "d0", records().d0, world.specialist, world.quality);
    const d1 = await world.specialist.client.put(`/quality-cases/${c.id}/steps/d1`, {
      version: step(withTeam, "d1").version,
      data: records().d1,
    });
    const version = step(d1.body, "d2").version;
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
    let c = await open(world.specialist, [...made.map((m) => m.id), third.id]);
    const r = records();
    for (const d of ["d0", "d1", "d2", "d3", "d4", "d5", "d6"] as const)
      c = await pass(c, d, r[d], world.specialist, world.quality);
    const bell = await world.agent.client.get("/notifications");
    const told = bell.body.items.filter((n: Dto) => n.type === "quality_fix_verified");
    expect(told).toHaveLength(2);
    expect(told[0].data).toMatchObject({ qualityCaseNumber: c.number });
    expect(told[0].data.replyTemplate).toContain("模温控制器加报警");
    const other = await world.otherAgent.client.get("/notifications");
    expect(
      other.body.items.some(
        (n: Dto) => n.type === "quality_fix_verified" && n.complaintId === third.id,
      ),
    ).toBe(true);
    expect(c.timeline.some((e: Dto) => e.type === "owners_told_to_reply")).toBe(true);
    c = await pass(c, "d7", r.d7, world.colleague, world.quality);
    c = await pass(c, "d8", r.d8, world.colleague, world.quality);
    expect(c).toMatchObject({ status: "closed", currentStep: null, closedAt: expect.any(String) });
    const page = await world.agent.client.get(`/complaints/${made[0]!.id}`);
    expect(page.body.qualityCase).toMatchObject({ status: "closed", currentStep: null });
  });
});

describe("discipline clocks in the SLA sweep", () => {
  it("warns and breaches a discipline's clock; approving a discipline stops its clock", async () => {
    const c = await open(world.specialist);
    await pass(c, "d0", records().d0, world.specialist, world.quality);
    const clocks = async () =>
      (
        await world.server.db.$client.query(
          "select name, warned_at, breached_at, stopped_at from sla_clocks where quality_case_id = $1 order by name",
          [c.id],
        )
      ).rows;
    expect((await clocks()).map((k) => k.name)).toEqual(
      ["d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8"].map((d) => `quality_${d}`),
    );
    // 20 hours on: D3's 24 hours are past their 75% warning, not yet due.
    await sweepAt(world.server.db, later(20 * HOUR));
    // 30 hours on: D3 is breached.
    await sweepAt(world.server.db, later(30 * HOUR));
    const byName = Object.fromEntries((await clocks()).map((k) => [k.name, k]));
    expect(byName.quality_d0.stopped_at).not.toBeNull();
    expect(byName.quality_d0.warned_at).toBeNull();
    expect(byName.quality_d3.warned_at).not.toBeNull();
    expect(byName.quality_d3.breached_at).not.toBeNull();
    expect(byName.quality_d8.warned_at).toBeNull();
    const seen = await world.specialist.client.get(`/quality-cases/${c.id}`);
    const swept = seen.body.timeline.filter((e: Dto) => e.type.startsWith("sla_"));
    expect(swept.map((e: Dto) => [e.type, e.discipline])).toEqual(
      expect.arrayContaining([
        ["sla_warning", "d3"],
        ["sla_breached", "d3"],
      ]),
    );
    expect(swept.every((e: Dto) => e.discipline !== "d0")).toBe(true);
    const bell = await world.specialist.client.get("/notifications");
    expect(
      bell.body.items.some((n: Dto) => n.type === "sla_breached" && n.data.qualityCaseId === c.id),
    ).toBe(true);
    // Two months on, D8 too.
    await sweepAt(world.server.db, later(61 * DAY));
    const end = Object.fromEntries((await clocks()).map((k) => [k.name, k]));
    expect(end.quality_d8.breached_at).not.toBeNull();
  });
});

describe("催办 on a discipline", () => {
  it("reaches the step's owner in the bell with the note, is kept on the 8D, and stops once the step is approved", async () => {
    const c = await open(world.specialist);
    const res = await world.quality.client.post(`/quality-cases/${c.id}/steps/d0/remind`, {
      note: "今天下班前完成应急措施",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.timeline.at(-1)).toMatchObject({
      type: "reminded",
      discipline: "d0",
      actor: { agentNo: "5001" },
    });
    const bell = await world.specialist.client.get("/notifications?limit=5");
    expect(bell.body.items[0]).toMatchObject({
      type: "quality_reminded",
      complaintId: null,
      data: {
        qualityCaseId: c.id,
        number: c.number,
        discipline: "d0",
        note: "今天下班前完成应急措施",
      },
    });

    expect(
      (await world.agent.client.post(`/quality-cases/${c.id}/steps/d0/remind`, {})).status,
    ).toBe(403);
    const approved = await pass(c, "d0", records().d0, world.specialist, world.quality);
    const late = await world.quality.client.post(
      `/quality-cases/${approved.id}/steps/d0/remind`,
      {},
    );
    expect([late.status, late.body.code]).toEqual([409, "invalid_transition"]);
  });
});
