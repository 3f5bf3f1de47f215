import { sql } from "drizzle-orm";
import type { Database } from "../client.js";
import { replyTemplates } from "../schema.js";

/**
 * 话术 a fresh installation starts with; admins edit, add and retire them afterwards. Chinese only,
 * since the customer hears Chinese whatever language the agent's screen is in. For every category.
 */
export const builtInReplyTemplates = [
  {
    title: "致歉",
    body: "非常抱歉给您带来不便，您反映的问题我们已经详细记录，我们会尽快为您处理。",
  },
  {
    title: "进度告知",
    body: "您好，您反映的问题已转交相关部门核实处理，我们会在承诺时限内给您答复，请您保持电话畅通。",
  },
  {
    title: "处理结果",
    body: "您好，经核实，您反映的问题已处理完毕。处理结果如下：",
  },
  {
    title: "救济途径",
    body: "如您对处理结果仍不满意，可申请复核，或向相关监管机构反映。",
  },
  {
    title: "感谢",
    body: "感谢您对我们工作的理解与支持，您的意见是我们改进服务的动力。",
  },
] as const;

/**
 * First start: the built-in templates, written only while the table is empty. Templates are never
 * deleted (only retired), so later admin edits are never undone by a restart. The table lock makes
 * two instances starting together seed once.
 */
export async function ensureReplyTemplateSeeds(db: Database) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${replyTemplates} in share row exclusive mode`);
    const [any] = await tx.select({ id: replyTemplates.id }).from(replyTemplates).limit(1);
    if (any) return;
    await tx
      .insert(replyTemplates)
      .values(builtInReplyTemplates.map((t, i) => ({ ...t, sortOrder: (i + 1) * 10 })));
  });
}
