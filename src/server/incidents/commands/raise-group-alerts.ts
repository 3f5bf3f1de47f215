import { and, eq, gt, isNotNull, lte, sql } from "drizzle-orm";
import type { Database } from "../../../db/client.js";
import { complaints, groupComplaintAlerts, taxonomyTerms, users } from "../../../db/schema.js";
import { type GroupPolicy, groupAlertsDue } from "../../../domain/incident/group-complaint.js";
import { areaKey } from "../../../domain/incident/incident.js";
import { notifyMany } from "../../notifications/notify.js";

/** How many of an alert's cases the bell and the mail name; the rest are counted. */
const NAMED = 20;

/**
 * Raises the 群体性投诉 alerts due at `now`: the complaints received in the policy's window,
 * grouped by category and area (`complained_branch`) by the domain rule, each new group recorded
 * and told to every active supervisor in the bell (and by mail), once per group and window. One
 * transaction under an advisory lock, so servers running it together raise each alert once.
 */
export async function raiseGroupAlerts(db: Database, now: Date, policy: GroupPolicy) {
  const since = new Date(now.getTime() - policy.windowMinutes * 60_000);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('kesu_group_complaint_alerts'))`);
    const rows = await tx
      .select({
        complaintId: complaints.id,
        number: complaints.number,
        customerId: complaints.customerId,
        category: complaints.category,
        branch: complaints.complainedBranch,
        at: complaints.receivedAt,
      })
      .from(complaints)
      .where(
        and(
          gt(complaints.receivedAt, since),
          lte(complaints.receivedAt, now),
          isNotNull(complaints.category),
        ),
      );
    const alerted = await tx
      .select()
      .from(groupComplaintAlerts)
      .where(gt(groupComplaintAlerts.raisedAt, since));
    const members = rows.map((r) => ({ ...r, category: r.category!, area: areaKey(r.branch) }));
    const due = groupAlertsDue(
      members,
      alerted.map((a) => ({ ...a, area: a.area || null })),
      policy,
      now,
    );
    if (due.length === 0) return { claimed: 0 };
    await tx.insert(groupComplaintAlerts).values(
      due.map((alert) => ({
        ...alert,
        area: alert.area ?? "",
        raisedAt: now,
      })),
    );
    const supervisors = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "supervisor"), eq(users.active, true)));
    const labels = await tx
      .select({ code: taxonomyTerms.code, zh: taxonomyTerms.labelZh, en: taxonomyTerms.labelEn })
      .from(taxonomyTerms)
      .where(eq(taxonomyTerms.list, "category"));
    const byId = new Map(members.map((m) => [m.complaintId, m]));
    await notifyMany(
      tx,
      due.map((alert) => {
        const cases = alert.complaintIds.map((id) => byId.get(id)!);
        const label = labels.find((l) => l.code === alert.category);
        // The area as the first complaint spelt it; none named is said so in each language.
        const named = cases.map((c) => c.branch?.trim()).find(Boolean);
        return {
          userIds: supervisors.map((s) => s.id),
          complaint: null,
          types: ["group_complaint"],
          data: {
            category: alert.category,
            categoryZh: label?.zh ?? alert.category,
            categoryEn: label?.en ?? alert.category,
            area: named ?? "",
            areaZh: named ?? "未注明区域",
            areaEn: named ?? "no area named",
            customers: alert.customers,
            windowMinutes: policy.windowMinutes,
            firstAt: alert.firstAt.toISOString(),
            lastAt: alert.lastAt.toISOString(),
            cases: cases.slice(0, NAMED).map((c) => ({
              complaintId: c.complaintId,
              number: c.number,
              type: "group_complaint",
            })),
            more: Math.max(0, cases.length - NAMED),
          },
        };
      }),
    );
    return { claimed: due.length };
  });
}
