// 8D: a product-quality problem solved by a team in eight disciplines and a preparatory D0
// (../shared/standards.md, 8D). Each discipline is a structured record; these are its fields.

export const disciplines = ["d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8"] as const;
export type Discipline = (typeof disciplines)[number];

export const isDiscipline = (value: string): value is Discipline =>
  (disciplines as readonly string[]).includes(value);

/** The headings of the report and the stepper, in Chinese and English. */
export const disciplineTitles: Record<Discipline, { zh: string; en: string }> = {
  d0: { zh: "D0 紧急响应", en: "D0 Emergency response" },
  d1: { zh: "D1 成立小组", en: "D1 Team" },
  d2: { zh: "D2 问题描述", en: "D2 Problem description" },
  d3: { zh: "D3 临时围堵措施", en: "D3 Containment" },
  d4: { zh: "D4 根本原因分析", en: "D4 Root causes" },
  d5: { zh: "D5 永久纠正措施", en: "D5 Permanent corrective actions" },
  d6: { zh: "D6 实施与验证", en: "D6 Implementation and verification" },
  d7: { zh: "D7 预防再发生", en: "D7 Prevention" },
  d8: { zh: "D8 结案与表彰", en: "D8 Closure and recognition" },
};

export interface D0Data {
  /** What was done at once (stop shipping, warn customers…). */
  actions: { action: string; owner?: string; doneAt?: string }[];
  note?: string;
}

export interface TeamMember {
  userId: string;
  /** e.g. 质量工程师, 生产, 客服 */
  role: string;
}

export interface D1Data {
  members: TeamMember[];
  /** The champion (组长): a member; approves the steps and chases (催办) late ones. */
  championId?: string;
}

/** One row of the is / is-not table. */
export interface IsIsNot {
  is: string;
  isNot: string;
}

export interface D2Data {
  what?: IsIsNot;
  where?: IsIsNot;
  when?: IsIsNot;
  howMany?: IsIsNot;
  /** The customer's own words. */
  customerWords?: string;
  statement?: string;
}

export interface ContainmentAction {
  action: string;
  owner?: string;
  quantityChecked?: number;
  quantityQuarantined?: number;
  done: boolean;
}

export interface D3Data {
  actions: ContainmentAction[];
}

/** 人 机 料 法 环 测: the fishbone's six bones. */
export const fishboneCategories = [
  "man",
  "machine",
  "material",
  "method",
  "environment",
  "measurement",
] as const;
export type FishboneCategory = (typeof fishboneCategories)[number];

export const fishboneLabels: Record<FishboneCategory, string> = {
  man: "人",
  machine: "机",
  material: "料",
  method: "法",
  environment: "环",
  measurement: "测",
};

export interface RootCause {
  /** Why it occurred, or why it escaped detection. */
  kind: "occurrence" | "escape";
  statement: string;
  category?: FishboneCategory;
  /** The 5-whys chain, first why first. */
  whys: string[];
  /** Attachment ids of the evidence. */
  evidence: string[];
}

export interface D4Data {
  rootCauses: RootCause[];
  /** Candidate causes on the fishbone, by category (the root causes are drawn on it too). */
  fishbone: Partial<Record<FishboneCategory, string[]>>;
}

/** How an option scores, 1 (poor) to 5 (good): 见效快, 成本低, 方便操作… */
export interface OptionScores {
  effect: number;
  speed: number;
  cost: number;
  ease: number;
}

export interface PermanentOption {
  option: string;
  scores: OptionScores;
  note?: string;
}

export interface D5Data {
  options: PermanentOption[];
  /** Index into `options`. */
  chosen?: number;
  why?: string;
}

export interface D6Data {
  implementation?: string;
  implementedAt?: string;
  verification?: string;
  /** The customer confirmed the fix. */
  customerConfirmed?: boolean;
  customerConfirmation?: string;
  /** The D3 containment is withdrawn now the fix holds. */
  containmentWithdrawn?: boolean;
}

export interface D7Data {
  /** 同类机种: similar products and models checked. */
  similarChecked: { product: string; result: string }[];
  documents: string[];
  processChanges: string[];
}

export interface D8Data {
  lessonsLearned?: string;
  recognition?: string;
  closedAt?: string;
}

export interface DisciplineData {
  d0: D0Data;
  d1: D1Data;
  d2: D2Data;
  d3: D3Data;
  d4: D4Data;
  d5: D5Data;
  d6: D6Data;
  d7: D7Data;
  d8: D8Data;
}

/** A fresh case's records. */
export const emptyData: DisciplineData = {
  d0: { actions: [] },
  d1: { members: [] },
  d2: {},
  d3: { actions: [] },
  d4: { rootCauses: [], fishbone: {} },
  d5: { options: [] },
  d6: {},
  d7: { similarChecked: [], documents: [], processChanges: [] },
  d8: {},
};

/** What a record lacks before it may be submitted; empty when it is complete enough. */
export function missingFields(discipline: Discipline, data: unknown): string[] {
  // biome-ignore lint/suspicious/noExplicitAny: a record as stored (JSON); each field is checked where read
  const d = (data ?? {}) as Record<string, any>;
  const missing: string[] = [];
  const need = (ok: unknown, field: string) => {
    if (!ok) missing.push(field);
  };
  switch (discipline) {
    case "d0":
      need(d.actions?.length, "actions");
      break;
    case "d1":
      need(d.members?.length, "members");
      need(d.championId, "championId");
      need(
        !d.championId || d.members?.some((m: TeamMember) => m.userId === d.championId),
        "championId",
      );
      break;
    case "d2":
      for (const row of ["what", "where", "when", "howMany"]) need(d[row]?.is, row);
      break;
    case "d3":
      need(d.actions?.length, "actions");
      break;
    case "d4":
      need(
        d.rootCauses?.some((c: RootCause) => c.kind === "occurrence"),
        "rootCauses.occurrence",
      );
      need(
        d.rootCauses?.some((c: RootCause) => c.kind === "escape"),
        "rootCauses.escape",
      );
      break;
    case "d5":
      need(d.options?.length, "options");
      need(Number.isInteger(d.chosen) && d.options?.[d.chosen], "chosen");
      need(d.why, "why");
      break;
    case "d6":
      need(d.implementation, "implementation");
      need(d.verification, "verification");
      need(d.customerConfirmed === true, "customerConfirmed");
      need(d.containmentWithdrawn === true, "containmentWithdrawn");
      break;
    case "d7":
      need(d.similarChecked?.length, "similarChecked");
      break;
    case "d8":
      need(d.lessonsLearned, "lessonsLearned");
      need(d.recognition, "recognition");
      break;
  }
  return [...new Set(missing)];
}
