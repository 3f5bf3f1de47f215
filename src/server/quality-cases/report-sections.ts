// What each discipline shows in the 8D report, as data: the drawing (quality-report.ts) only knows
// tables, labelled lines, root causes and the fishbone.

import type {
  D0Data,
  D1Data,
  D2Data,
  D3Data,
  D4Data,
  D5Data,
  D6Data,
  D7Data,
  D8Data,
  Discipline,
  RootCause,
} from "../../domain/quality/disciplines.js";

type Value = string | number | null | undefined;
/** A column's title and width in points (the page's text is 515 wide). */
export type Column = [title: string, width: number];

export type Section =
  | { kind: "table"; columns: Column[]; rows: Value[][] }
  | { kind: "line"; label: string; value: Value }
  | { kind: "causes"; causes: RootCause[] }
  | { kind: "fishbone"; d4: Partial<D4Data> };

const table = (columns: Column[], rows: Value[][]): Section => ({ kind: "table", columns, rows });
const line = (label: string, value: Value): Section => ({ kind: "line", label, value });
const yes = (b: boolean | undefined, said: string, unsaid: string) => (b ? said : unsaid);

const isIsNot = {
  what: "什么（What）",
  where: "哪里（Where）",
  when: "何时（When）",
  howMany: "多少（How many）",
} as const;

/** One discipline's record as report sections; `names` gives D1's members' display names. */
export function disciplineSections(
  d: Discipline,
  data: Record<string, unknown>,
  names: Map<string, string>,
  evidence: readonly { fileName: string; rootCause: "occurrence" | "escape" }[] = [],
): Section[] {
  const filesOf = (kind: "occurrence" | "escape") =>
    evidence
      .filter((e) => e.rootCause === kind)
      .map((e) => e.fileName)
      .join("、");
  switch (d) {
    case "d0": {
      const v = data as Partial<D0Data>;
      return [
        table(
          [
            ["紧急措施", 315],
            ["负责人", 100],
            ["完成时间", 100],
          ],
          (v.actions ?? []).map((a) => [a.action, a.owner, a.doneAt]),
        ),
        ...(v.note ? [line("说明", v.note)] : []),
      ];
    }
    case "d1": {
      const v = data as Partial<D1Data>;
      return [
        table(
          [
            ["成员", 200],
            ["职责", 215],
            ["组长", 100],
          ],
          (v.members ?? []).map((m) => [
            names.get(m.userId) ?? m.userId,
            m.role,
            m.userId === v.championId ? "组长" : "",
          ]),
        ),
      ];
    }
    case "d2": {
      const v = data as Partial<D2Data>;
      return [
        table(
          [
            ["维度", 115],
            ["是（Is）", 200],
            ["不是（Is not）", 200],
          ],
          (Object.keys(isIsNot) as (keyof typeof isIsNot)[]).map((k) => [
            isIsNot[k],
            v[k]?.is,
            v[k]?.isNot,
          ]),
        ),
        line("客户原话", v.customerWords),
        ...(v.statement ? [line("问题陈述", v.statement)] : []),
      ];
    }
    case "d3": {
      const v = data as Partial<D3Data>;
      return [
        table(
          [
            ["围堵措施", 195],
            ["负责人", 80],
            ["检查数量", 80],
            ["隔离数量", 80],
            ["完成", 80],
          ],
          (v.actions ?? []).map((a) => [
            a.action,
            a.owner,
            a.quantityChecked,
            a.quantityQuarantined,
            yes(a.done, "是", "否"),
          ]),
        ),
      ];
    }
    case "d4": {
      const v = data as Partial<D4Data>;
      return [
        { kind: "causes", causes: v.rootCauses ?? [] },
        line("发生原因证据", filesOf("occurrence")),
        line("流出原因证据", filesOf("escape")),
        { kind: "fishbone", d4: v },
      ];
    }
    case "d5": {
      const v = data as Partial<D5Data>;
      return [
        table(
          [
            ["方案", 175],
            ["效果", 60],
            ["见效快", 60],
            ["成本低", 60],
            ["方便操作", 70],
            ["选定", 90],
          ],
          (v.options ?? []).map((o, i) => [
            o.option,
            o.scores.effect,
            o.scores.speed,
            o.scores.cost,
            o.scores.ease,
            i === v.chosen ? "✓ 选定" : "",
          ]),
        ),
        line("选定理由", v.why),
      ];
    }
    case "d6": {
      const v = data as Partial<D6Data>;
      const confirmation = v.customerConfirmation ? `：${v.customerConfirmation}` : "";
      return [
        line("实施", v.implementation),
        line("实施日期", v.implementedAt),
        line("验证", v.verification),
        line("客户确认", yes(v.customerConfirmed, `已确认${confirmation}`, "未确认")),
        line("围堵措施撤除", yes(v.containmentWithdrawn, "已撤除", "未撤除")),
      ];
    }
    case "d7": {
      const v = data as Partial<D7Data>;
      return [
        table(
          [
            ["同类产品/机种", 215],
            ["排查结果", 300],
          ],
          (v.similarChecked ?? []).map((s) => [s.product, s.result]),
        ),
        line("文件更新", (v.documents ?? []).join("；")),
        line("流程变更", (v.processChanges ?? []).join("；")),
      ];
    }
    case "d8": {
      const v = data as Partial<D8Data>;
      return [line("经验教训", v.lessonsLearned), line("团队表彰", v.recognition)];
    }
  }
}
