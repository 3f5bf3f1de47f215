import { describe, expect, it } from "vitest";
import { type Discipline, type DisciplineData, disciplines, emptyData } from "./disciplines.js";
import { checkStep, currentStep, type StepStatus, type StepView } from "./steps.js";

const complete: DisciplineData = {
  d0: { actions: [{ action: "暂停发货" }] },
  d1: { members: [{ userId: "u1", role: "质量工程师" }], championId: "u1" },
  d2: {
    what: { is: "X200 面板开裂", isNot: "X100" },
    where: { is: "上海仓", isNot: "北京仓" },
    when: { is: "2026年10月批次", isNot: "9月批次" },
    howMany: { is: "3台", isNot: "—" },
    customerWords: "用了两天面板就裂了",
  },
  d3: {
    actions: [{ action: "隔离库存", quantityChecked: 120, quantityQuarantined: 8, done: true }],
  },
  d4: {
    rootCauses: [
      { kind: "occurrence", statement: "注塑温度偏低", whys: ["为何裂"], evidence: [] },
      { kind: "escape", statement: "出厂未做跌落测试", whys: ["为何漏检"], evidence: [] },
    ],
    fishbone: {},
  },
  d5: {
    options: [{ option: "调温", scores: { effect: 5, speed: 5, cost: 4, ease: 5 } }],
    chosen: 0,
    why: "见效快，成本低，方便操作",
  },
  d6: {
    implementation: "调温",
    verification: "抽检合格",
    customerConfirmed: true,
    containmentWithdrawn: true,
  },
  d7: {
    similarChecked: [{ product: "X300", result: "无此问题" }],
    documents: [],
    processChanges: [],
  },
  d8: { lessonsLearned: "来料检验", recognition: "表彰小组" },
};

function steps(
  statuses: Partial<Record<Discipline, StepStatus>>,
  data: DisciplineData = complete,
): Record<Discipline, StepView> {
  return Object.fromEntries(
    disciplines.map((d) => [d, { status: statuses[d] ?? "draft", data: data[d] }]),
  ) as Record<Discipline, StepView>;
}

const approvedUpTo = (last: Discipline) =>
  Object.fromEntries(
    disciplines.slice(0, disciplines.indexOf(last) + 1).map((d) => [d, "approved"]),
  );

describe("the step status machine", () => {
  it("goes draft → submitted → approved", () => {
    expect(checkStep("d0", "submit", steps({}))).toEqual({ ok: true, status: "submitted" });
    expect(checkStep("d0", "approve", steps({ d0: "submitted" }))).toEqual({
      ok: true,
      status: "approved",
    });
  });

  it("sends a submitted step back only with a comment, and it is editable again", () => {
    const submitted = steps({ d0: "submitted" });
    expect(checkStep("d0", "send_back", submitted, " ")).toMatchObject({
      reason: "comment_required",
    });
    expect(checkStep("d0", "send_back", submitted, "补充负责人")).toEqual({
      ok: true,
      status: "sent_back",
    });
    const back = steps({ d0: "sent_back" });
    expect(checkStep("d0", "edit", back).ok).toBe(true);
    expect(checkStep("d0", "submit", back)).toEqual({ ok: true, status: "submitted" });
  });

  it("freezes submitted and approved steps against edits", () => {
    for (const status of ["submitted", "approved"] as const)
      expect(checkStep("d2", "edit", steps({ d2: status }))).toMatchObject({
        reason: "step_not_editable",
      });
    expect(checkStep("d2", "approve", steps({}))).toMatchObject({ reason: "step_not_submitted" });
    expect(checkStep("d2", "send_back", steps({ d2: "approved" }), "x")).toMatchObject({
      reason: "step_not_submitted",
    });
  });

  it("refuses an incomplete record, naming what is missing", () => {
    const data = { ...complete, d4: { rootCauses: [], fishbone: {} } };
    expect(checkStep("d4", "submit", steps(approvedUpTo("d3"), data))).toEqual({
      ok: false,
      reason: "step_incomplete",
      missing: ["rootCauses.occurrence", "rootCauses.escape"],
    });
    const noChampion = {
      ...complete,
      d1: { members: [{ userId: "u1", role: "QE" }], championId: "u9" },
    };
    expect(checkStep("d1", "submit", steps({ d0: "approved" }, noChampion))).toMatchObject({
      missing: ["championId"],
    });
  });
});

describe("gating", () => {
  it("makes each step wait for the one before to be approved", () => {
    expect(checkStep("d1", "submit", steps({ d0: "submitted" }))).toEqual({
      ok: false,
      reason: "step_waiting",
      waitingFor: ["d0"],
    });
    expect(checkStep("d2", "submit", steps({ d0: "approved", d1: "approved" })).ok).toBe(true);
    expect(checkStep("d6", "submit", steps(approvedUpTo("d4")))).toMatchObject({
      waitingFor: ["d5"],
    });
  });

  it("lets containment (D3) run before the problem description (D2) is approved", () => {
    expect(checkStep("d3", "submit", steps({})).ok).toBe(true);
    expect(checkStep("d3", "approve", steps({ d3: "submitted" })).ok).toBe(true);
  });

  it("makes D4 wait for both D2 and D3", () => {
    expect(checkStep("d4", "submit", steps(approvedUpTo("d2")))).toMatchObject({
      waitingFor: ["d3"],
    });
    expect(checkStep("d4", "submit", steps({ d3: "approved" }))).toMatchObject({
      waitingFor: ["d2"],
    });
  });

  it("closes (D8) only after D6's verification is approved", () => {
    const noVerification = { ...approvedUpTo("d7"), d6: "submitted" as const };
    expect(checkStep("d8", "submit", steps(noVerification))).toMatchObject({
      reason: "step_waiting",
      waitingFor: ["d6"],
    });
    expect(checkStep("d8", "submit", steps(approvedUpTo("d7"))).ok).toBe(true);
  });

  it("requires D6 to record the customer's confirmation and the containment withdrawn", () => {
    const data = { ...complete, d6: { implementation: "调温", verification: "合格" } };
    expect(checkStep("d6", "submit", steps(approvedUpTo("d5"), data))).toMatchObject({
      missing: ["customerConfirmed", "containmentWithdrawn"],
    });
  });
});

describe("the current step", () => {
  const all = (s: StepStatus) =>
    Object.fromEntries(disciplines.map((d) => [d, s])) as Record<Discipline, StepStatus>;
  it("is the first discipline not approved; containment running ahead does not move it", () => {
    expect(currentStep(all("draft"))).toBe("d0");
    expect(currentStep({ ...all("draft"), d0: "approved", d1: "approved", d3: "approved" })).toBe(
      "d2",
    );
    expect(currentStep({ ...all("approved"), d4: "submitted" })).toBe("d4");
    expect(currentStep(all("approved"))).toBeNull();
  });
});

it("starts a case with an empty record for every discipline", () => {
  expect(Object.keys(emptyData)).toEqual([...disciplines]);
});
