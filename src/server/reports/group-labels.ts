// What a report's group keys read as: department names, agents with their 工号, and the labels
// of the admin-edited lists, in both languages. Read after the figures, for the few keys shown.

import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { departments, taxonomyTerms, users } from "../../db/schema.js";
import type { TaxonomyList } from "../taxonomy/taxonomy.schemas.js";
import type { Grouping } from "./report.schemas.js";

export interface Label {
  zh: string;
  en: string;
}

const listOf: Partial<Record<Grouping, TaxonomyList>> = {
  category: "category",
  cause: "cause",
  channel: "channel",
  businessType: "business_type",
};

/** A group without a key: never dispatched, no owner, the field left empty. */
const missing: Record<Grouping, Label> = {
  department: { zh: "未派单", en: "Not dispatched" },
  agent: { zh: "未分配", en: "Unassigned" },
  category: { zh: "未分类", en: "No category" },
  cause: { zh: "未填原因", en: "No cause" },
  channel: { zh: "未填渠道", en: "No channel" },
  businessType: { zh: "未填业务类型", en: "No business type" },
  product: { zh: "未填产品", en: "No product" },
  source: { zh: "未填来源", en: "No source" },
};

export const totalLabel: Label = { zh: "合计", en: "Total" };

async function known(db: Database, grouping: Grouping, keys: string[]) {
  const list = listOf[grouping];
  if (list) {
    const terms = await db
      .select({ key: taxonomyTerms.code, zh: taxonomyTerms.labelZh, en: taxonomyTerms.labelEn })
      .from(taxonomyTerms)
      .where(and(eq(taxonomyTerms.list, list), inArray(taxonomyTerms.code, keys)));
    return terms;
  }
  if (grouping === "department") {
    const rows = await db
      .select({ key: departments.id, name: departments.name })
      .from(departments)
      .where(inArray(departments.id, keys));
    return rows.map((r) => ({ key: r.key, zh: r.name, en: r.name }));
  }
  if (grouping === "agent") {
    const rows = await db
      .select({ key: users.id, name: users.displayName, agentNo: users.agentNo })
      .from(users)
      .where(inArray(users.id, keys));
    return rows.map((r) => ({
      key: r.key,
      zh: `${r.name}（${r.agentNo}）`,
      en: `${r.name} (${r.agentNo})`,
    }));
  }
  return [];
}

/** A label for every key; a code without a label (a product, a hotline) reads as itself. */
export async function groupLabels(
  db: Database,
  grouping: Grouping,
  keys: readonly (string | null)[],
): Promise<(key: string | null) => Label> {
  const present = keys.filter((k): k is string => k !== null);
  const found = present.length ? await known(db, grouping, present) : [];
  const byKey = new Map(found.map((f) => [f.key, { zh: f.zh, en: f.en }]));
  return (key) => (key === null ? missing[grouping] : (byKey.get(key) ?? { zh: key, en: key }));
}
