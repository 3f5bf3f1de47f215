// 月度投诉分析 by mail: in the first days of a month, last month's analysis is made once and
// mailed (PDF attached) to the staff who subscribed; and owners hear once of an action gone overdue.

import { sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { roles } from "../domain/access/roles.js";
import { canReadMonthlyAnalysis } from "../domain/improvement/improvement-actions.js";
import { dueAnalysisMonth } from "../domain/improvement/monthly-period.js";
import { localDateOf } from "../domain/sla/zoned-time.js";
import type { Caller } from "../server/http/app-types.js";
import { analysisPdf } from "../server/improvement/analysis-files.js";
import { analysisMail } from "../server/improvement/analysis-mail.js";
import { readMonthlyAnalysis } from "../server/improvement/monthly-analysis.js";
import { notifyMany } from "../server/notifications/notify.js";

/** How many days into a month last month's analysis may still be made (a server down on the 1st). */
export const ANALYSIS_DAYS = 3;

/** The analysis as the center sees it whole, for the job (no person reads as this). */
const center: Caller = {
  id: "00000000-0000-0000-0000-000000000000",
  role: "admin",
  departmentId: null,
  username: "kesu",
  displayName: "kesu",
  agentNo: "",
  via: "token",
};

/**
 * Makes and mails last month's analysis when it is due and not yet made. Every server runs the
 * job: the month's row in `monthly_analyses` is inserted first, so a second server waits on its
 * key, finds it taken once the first commits, and does nothing.
 */
export async function mailMonthlyAnalysisWhenDue(
  db: Database,
  now: Date,
  timeZone: string,
): Promise<{ claimed: number }> {
  const month = dueAnalysisMonth(localDateOf(now, timeZone), ANALYSIS_DAYS);
  if (!month) return { claimed: 0 };
  const made = await db.transaction(async (tx) => {
    const claimed = await tx.execute(
      sql`insert into monthly_analyses (month, generated_at) values (${month}, ${now})
          on conflict do nothing returning month`,
    );
    if (claimed.rows.length === 0) return false;
    const analysis = await readMonthlyAnalysis(
      { primary: db, replica: null },
      center,
      month,
      timeZone,
    );
    const pdf = (await analysisPdf(analysis)).toString("base64");
    const readers = roles.filter(canReadMonthlyAnalysis);
    const { rows } = await tx.execute<{ email: string; name: string; locale: string | null }>(sql`
      select u.email, u.display_name as name, u.locale from analysis_subscriptions s
        join users u on u.id = s.user_id
       where u.active and u.email is not null and u.role = any(${sql.param(readers)}::text[])`);
    for (const r of rows)
      await tx.execute(sql`insert into outbox (channel, event_type, payload) values ('email',
        'monthly_analysis', ${JSON.stringify({
          to: r.email,
          ...analysisMail(analysis, r.name, r.locale === "en" ? "en" : "zh-CN"),
          attachments: [
            { filename: `月度投诉分析-${month}.pdf`, contentType: "application/pdf", base64: pdf },
          ],
        })}::jsonb)`);
    await tx.execute(
      sql`update monthly_analyses set recipients = ${rows.length} where month = ${month}`,
    );
    return true;
  });
  return { claimed: made ? 1 : 0 };
}

/**
 * An action past its due day, not done: its owner is told once (bell and mail); a new due date
 * or a failed verification lets it be told again.
 */
export async function tellOverdueOwners(
  db: Database,
  now: Date,
  timeZone: string,
  batchSize: number,
): Promise<{ claimed: number }> {
  const today = localDateOf(now, timeZone);
  return db.transaction(async (tx) => {
    const { rows } = await tx.execute<{
      id: string;
      owner_id: string;
      title: string;
      due_date: string;
    }>(sql`
      update improvement_actions set overdue_notified_at = ${now}
       where id in (select id from improvement_actions
                     where status in ('open', 'in_progress') and due_date < ${today}::date
                       and overdue_notified_at is null
                     limit ${batchSize} for update skip locked)
      returning id, owner_id, title, due_date::text`);
    await notifyMany(
      tx,
      rows.map((r) => ({
        userIds: [r.owner_id],
        complaint: null,
        types: ["improvement_overdue"],
        data: { actionId: r.id, title: r.title, dueDate: r.due_date },
      })),
    );
    return { claimed: rows.length };
  });
}
