import { eq } from "drizzle-orm";
import { chinaWorkCalendar } from "../../domain/sla/china-holidays.js";
import { seedPolicies } from "../../domain/sla/sla-policy.js";
import type { Database } from "../client.js";
import { calendarDays, slaPolicies, workCalendars } from "../schema.js";

export const slaProfiles = ["bank", "power", "hotline12345"] as const;
export type SlaProfile = (typeof slaProfiles)[number];
export const DEFAULT_CALENDAR = "default";
const CALENDAR = DEFAULT_CALENDAR;

/**
 * First start: the default calendar with China's holiday table, and every seeded policy, the
 * chosen profile's active. Seeds are written once, in one transaction, so later admin edits
 * (a holiday removed, a policy retired) are never undone by a restart.
 */
export async function ensureSlaSeeds(db: Database, profile: SlaProfile) {
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(workCalendars)
      .values({ id: CALENDAR, timeZone: "Asia/Shanghai", workingHours: [], workingWeekdays: [] })
      .onConflictDoNothing()
      .returning({ id: workCalendars.id });
    if (inserted.length === 0) return;
    const china = chinaWorkCalendar();
    await tx
      .update(workCalendars)
      .set({
        timeZone: china.timeZone,
        workingHours: china.workingHours,
        workingWeekdays: [...china.workingWeekdays],
      })
      .where(eq(workCalendars.id, CALENDAR));
    await tx
      .insert(calendarDays)
      .values([
        ...china.holidays.map((date) => ({ calendarId: CALENDAR, date, kind: "holiday" })),
        ...china.makeUpWorkdays.map((date) => ({ calendarId: CALENDAR, date, kind: "workday" })),
      ]);
    for (const [name, policies] of Object.entries(seedPolicies)) {
      for (const p of policies) {
        await tx.insert(slaPolicies).values({
          id: p.id,
          name: p.name,
          sortOrder: p.order,
          match: p.match,
          targets: p.targets,
          warnAtShare: p.warnAtShare,
          actionsOnBreach: p.actionsOnBreach ?? [],
          extension: p.extension ?? null,
          active: name === profile,
        });
      }
    }
  });
}
