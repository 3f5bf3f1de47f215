// 月度投诉分析: a month's figures beside the month before, read through the reports' own readers
// (the KPI table by department, the causes' Pareto), so the analysis counts the same cases as the
// reports do; then the repeat customers, the open 8D cases and the improvement actions.

import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import {
  type ActionEvent,
  actionAsOf,
  actionTally,
} from "../../domain/improvement/improvement-actions.js";
import { monthDays, previousMonth } from "../../domain/improvement/monthly-period.js";
import { addDaysToDate, fromLocal, localDateOf } from "../../domain/sla/zoned-time.js";
import type { Caller } from "../http/app-types.js";
import { readCauses } from "../reports/causes-report.js";
import { type Figure, readKpis } from "../reports/kpi-report.js";
import { midnight } from "../reports/report-cases.js";
import type { ReportSource } from "../reports/report-source.js";
import { listActions } from "./improvement.store.js";

/** The figures the analysis puts side by side with the month before. */
export const headlineKpis = [
  "accepted",
  "closedRate",
  "onTimeRate",
  "returnRate",
  "repeatRate",
  "satisfactionRate",
] as const;

const TOP = 10;

const value = (f: Figure | undefined) => f?.value ?? null;

async function kpisOf(source: ReportSource, caller: Caller, month: string, timeZone: string) {
  const days = monthDays(month);
  return readKpis(
    source,
    caller,
    { ...days, groupBy: "department", format: "json" } as never,
    timeZone,
  );
}

/** A customer's name as the analysis shows it: the family name only (it is about patterns, not people). */
const initial = (name: string) => `${[...name][0] ?? ""}**`;

/** The actions' status and due date at `instant`, from their history (a past month's, not today's). */
async function asTheyStood<A extends { id: string; status: string; dueDate: string }>(
  db: Database,
  actions: A[],
  instant: Date,
) {
  const { rows } = await db.execute<{
    action_id: string;
    type: string;
    at: string;
    data: ActionEvent["data"];
  }>(sql`
    select action_id, type, at, data from improvement_action_events
     where action_id = any(${sql.param(actions.map((a) => a.id))}::uuid[]) and at < ${instant.toISOString()}
     order by action_id, id`);
  const history = new Map<string, ActionEvent[]>();
  for (const r of rows) {
    const events = history.get(r.action_id) ?? [];
    events.push({ type: r.type, at: new Date(r.at), data: r.data });
    history.set(r.action_id, events);
  }
  return actions.map((a) => ({ ...a, ...actionAsOf(history.get(a.id) ?? [], instant) }));
}

export async function readMonthlyAnalysis(
  source: ReportSource,
  caller: Caller,
  month: string,
  timeZone: string,
) {
  const before = previousMonth(month);
  const days = monthDays(month);
  const [now, then, causes, causesBefore] = await Promise.all([
    kpisOf(source, caller, month, timeZone),
    kpisOf(source, caller, before, timeZone),
    readCauses(source, caller, { ...days, format: "json" }, timeZone),
    readCauses(source, caller, { ...monthDays(before), format: "json" }, timeZone),
  ]);
  const previousCount = new Map(causesBefore.causes.map((c) => [c.key, c.count]));
  const db: Database = source.primary;
  const start = midnight(days.from, timeZone);
  const end = midnight(addDaysToDate(days.to, 1), timeZone);
  const repeat = await db.execute<{ name: string; count: number }>(sql`
    select cu.name, count(*)::int as count
      from complaints c join customers cu on cu.id = c.customer_id
     where c.received_at >= ${start} and c.received_at < ${end}
       and c.status not in ('merged', 'withdrawn')
     group by cu.id, cu.name having count(*) >= 2
     order by count(*) desc, cu.name limit ${TOP}`);
  const repeatCount = await db.execute<{ customers: number }>(sql`
    select count(*)::int as customers from (
      select c.customer_id from complaints c
       where c.received_at >= ${start} and c.received_at < ${end}
         and c.status not in ('merged', 'withdrawn')
       group by c.customer_id having count(*) >= 2) r`);
  const openQuality = await db.execute<{
    id: string;
    number: string;
    title: string;
    created_at: string;
  }>(sql`
    select id, number, title, created_at from quality_cases
     where status = 'open' and created_at < ${end} order by created_at`);
  // The actions as they stand: set up before the month ended, and not verified before it began.
  const today = localDateOf(new Date(), timeZone);
  // Overdue as of the month's end (or today, for the month still running); days sort as text.
  const asOf = [addDaysToDate(days.to, 1), today].sort()[0]!;
  const monthEnd = fromLocal(timeZone, addDaysToDate(days.to, 1));
  const listed = (await listActions(db, caller, {}, timeZone)).items.filter(
    (a) =>
      new Date(a.createdAt) < monthEnd &&
      !(a.verifiedAt && localDateOf(new Date(a.verifiedAt), timeZone) < days.from),
  );
  // The month still running shows the actions as they are; a past one, as they stood at its end.
  const actions = +monthEnd > Date.now() ? listed : await asTheyStood(db, listed, monthEnd);
  const departments = now.rows
    .map((r) => {
      const closed = r.figures.closedRate?.count ?? 0;
      const onTime = r.figures.onTimeRate?.count ?? 0;
      return {
        key: r.key,
        label: r.label,
        accepted: r.figures.accepted?.count ?? 0,
        returned: r.figures.returnRate?.count ?? 0,
        returnRate: value(r.figures.returnRate),
        late: closed - onTime,
        onTimeRate: value(r.figures.onTimeRate),
      };
    })
    .filter((d) => d.key !== null)
    .sort((a, b) => b.returned + b.late - (a.returned + a.late))
    .slice(0, TOP);
  return {
    month,
    previousMonth: before,
    from: days.from,
    to: days.to,
    kpis: headlineKpis.map((id) => {
      const info = now.kpis.find((k) => k.id === id)!;
      return {
        id,
        name: info.name,
        unit: info.unit,
        value: value(now.total.figures[id]),
        previous: value(then.total.figures[id]),
      };
    }),
    causes: causes.causes.slice(0, TOP).map((c) => ({
      key: c.key,
      label: c.label,
      count: c.count,
      share: c.share,
      previous: previousCount.get(c.key) ?? 0,
      change: c.count - (previousCount.get(c.key) ?? 0),
    })),
    repeatCustomers: {
      customers: repeatCount.rows[0]?.customers ?? 0,
      top: repeat.rows.map((r) => ({ name: initial(r.name), complaints: r.count })),
    },
    departments,
    qualityCases: openQuality.rows.map((q) => ({
      id: q.id,
      number: q.number,
      title: q.title,
      openedAt: new Date(q.created_at).toISOString(),
    })),
    actions: {
      tally: actionTally(actions, asOf),
      items: actions,
    },
  };
}

export type MonthlyAnalysis = Awaited<ReturnType<typeof readMonthlyAnalysis>>;
