import { asc, eq, sql } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.js";
import { rowFromJson, rowsFromJson } from "../../db/json-rows.js";
import { calendarDays, type slaClocks, slaPolicies, workCalendars } from "../../db/schema.js";
import { DEFAULT_CALENDAR as CALENDAR } from "../../db/seeds/sla.js";
import { type WorkCalendar, type WorkingHours, workCalendar } from "../../domain/sla/calendar.js";
import type { ClockExtension, ClockPause, SlaClock } from "../../domain/sla/clock.js";
import type { SlaPolicy } from "../../domain/sla/sla-policy.js";
import type { SlaTarget } from "../../domain/sla/sla-target.js";

/** The calendar and its days in one statement: every clock computation starts here. */
export async function loadCalendar(db: Database | Tx): Promise<WorkCalendar> {
  const [row] = await db
    .select({ calendar: workCalendars, days: calendarDaysJson })
    .from(workCalendars)
    .where(eq(workCalendars.id, CALENDAR));
  return calendarOf(row?.calendar ?? null, rowsFromJson(calendarDays, row?.days));
}

/** The default calendar's days as a JSON list, for statements that load a calendar alongside. */
export const calendarDaysJson = sql<unknown>`(select coalesce(json_agg(json_build_object('date', d.date, 'kind', d.kind)), '[]') from ${calendarDays} d where d.calendar_id = ${CALENDAR})`;

/** The default calendar's row as JSON, alongside `calendarDaysJson`. */
export const calendarJson = sql<unknown>`(select to_jsonb(wc) from ${workCalendars} wc where wc.id = ${CALENDAR})`;

/** The calendar a statement read as `calendarJson` and `calendarDaysJson`. */
export function calendarFromJson(calendar: unknown, days: unknown): WorkCalendar {
  const row = calendar ? rowFromJson(workCalendars, calendar as Record<string, unknown>) : null;
  return calendarOf(row, rowsFromJson(calendarDays, days));
}

export function calendarOf(
  row: typeof workCalendars.$inferSelect | null,
  days: Pick<typeof calendarDays.$inferSelect, "date" | "kind">[],
): WorkCalendar {
  if (!row) return workCalendar();
  return workCalendar({
    timeZone: row.timeZone,
    workingHours: row.workingHours as WorkingHours[],
    workingWeekdays: row.workingWeekdays,
    holidays: days.filter((d) => d.kind === "holiday").map((d) => d.date),
    makeUpWorkdays: days.filter((d) => d.kind === "workday").map((d) => d.date),
  });
}

export async function loadActivePolicies(db: Database | Tx): Promise<SlaPolicy[]> {
  const rows = await db
    .select()
    .from(slaPolicies)
    .where(eq(slaPolicies.active, true))
    .orderBy(asc(slaPolicies.sortOrder));
  return rows.map(policyOf);
}

/** The stored policy as the domain's. */
export const policyOf = (r: typeof slaPolicies.$inferSelect): SlaPolicy => ({
  id: r.id,
  name: r.name,
  order: r.sortOrder,
  match: r.match as SlaPolicy["match"],
  targets: r.targets as SlaPolicy["targets"],
  warnAtShare: r.warnAtShare,
  actionsOnBreach: r.actionsOnBreach as SlaPolicy["actionsOnBreach"],
});

export type ClockRow = typeof slaClocks.$inferSelect;

/** JSON keeps dates as strings: revive the named ones. */
function withDates<T>(items: unknown, keys: readonly string[]): T[] {
  return (items as Record<string, unknown>[]).map((item) => {
    const copy = { ...item };
    for (const key of keys) if (copy[key]) copy[key] = new Date(copy[key] as string);
    return copy as T;
  });
}

/** The stored record as the domain's clock (JSON keeps dates as strings). */
export function clockOf(row: ClockRow): SlaClock {
  return {
    startedAt: row.startedAt,
    target: row.target as SlaTarget,
    dueAt: row.dueAt,
    warnAtShare: row.warnAtShare,
    pauses: withDates<ClockPause>(row.pauses, ["from", "to"]),
    extensions: withDates<ClockExtension>(row.extensions, ["newDueAt", "approvedAt"]),
    stoppedAt: row.stoppedAt,
    warnedAt: row.warnedAt,
    breachedAt: row.breachedAt,
  };
}
