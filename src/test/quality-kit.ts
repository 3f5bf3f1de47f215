// An 8D made the way the quality tests need it: complaints about one product, the case opened from
// them, and each discipline filled, submitted and approved with a record that passes its checks.

import { expect } from "vitest";
import { makeComplaint, type Staff } from "./factories.js";
import type { QualityCase, QualityStep } from "./wire.js";

/** The people a whole 8D walk needs on its team. */
export interface EightDTeam {
  agent: Staff;
  specialist: Staff;
  colleague: Staff;
  quality: Staff;
}

export async function complaintsAbout(agent: Staff, n: number) {
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

export async function openEightD(by: Staff, complaintIds: string[] = []): Promise<QualityCase> {
  const res = await by.client.post<QualityCase>("/quality-cases", {
    title: "X200 外壳开裂",
    product: "空调",
    model: "X200",
    batch: "2026-10",
    complaintIds,
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body;
}

/** The discipline d of an 8D as last read. */
export const stepOf = (c: QualityCase, d: string): QualityStep => {
  const found = c.steps.find((s) => s.discipline === d);
  if (!found) throw new Error(`no step ${d}`);
  return found;
};

/** Saves, submits and approves one discipline; returns the case after. */
export async function passStep(
  c: QualityCase,
  d: string,
  data: object,
  by: Staff,
  approver: Staff,
): Promise<QualityCase> {
  let res = await by.client.put<QualityCase>(`/quality-cases/${c.id}/steps/${d}`, {
    version: stepOf(c, d).version,
    data,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  res = await by.client.post<QualityCase>(`/quality-cases/${c.id}/steps/${d}/submit`, {
    version: stepOf(res.body, d).version,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  res = await approver.client.post<QualityCase>(`/quality-cases/${c.id}/steps/${d}/approve`, {
    version: stepOf(res.body, d).version,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

export const eightDRecords = (team: EightDTeam) => ({
  d0: { actions: [{ action: "暂停 X200 发货" }] },
  d1: {
    members: [
      { userId: team.specialist.user.id, role: "客服专员" },
      { userId: team.colleague.user.id, role: "质量工程师" },
      { userId: team.agent.user.id, role: "坐席" },
      { userId: team.quality.user.id, role: "组长" },
    ],
    championId: team.quality.user.id,
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
