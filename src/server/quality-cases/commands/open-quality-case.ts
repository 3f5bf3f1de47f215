import { sql } from "drizzle-orm";
import {
  qualityCaseCounters,
  qualityCaseSteps,
  qualityCases,
  slaClocks,
} from "../../../db/schema.js";
import { disciplines, emptyData } from "../../../domain/quality/disciplines.js";
import {
  disciplineDueDates,
  QUALITY_WARN_AT_SHARE,
  qualityClockName,
} from "../../../domain/quality/due-dates.js";
import { qualityCaseNumber } from "../../../domain/quality/numbering.js";
import { canOpenQualityCases } from "../../../domain/quality/quality-policy.js";
import { nextEventAt as clockNextEventAt, startClock } from "../../../domain/sla/clock.js";
import { forbidden } from "../../http/app-error.js";
import type { Acting } from "../../http/app-types.js";
import { loadCalendar } from "../../sla/sla-store.js";
import type { OpenBody } from "../quality-case.schemas.js";
import { addEvents, duePolicy, link } from "../quality-case.store.js";

/** 8D-2026-0001: a new quality case, its nine disciplines due by the policy, its complaints linked. */
export async function openQualityCase(acting: Acting, body: OpenBody): Promise<string> {
  const { db, caller } = acting;
  if (!canOpenQualityCases(caller.role)) throw forbidden();
  return db.transaction(async (tx) => {
    const now = acting.clock.now();
    const calendar = await loadCalendar(tx);
    // The number's year is the center's, as its working calendar reads the date.
    const year = Number(
      new Intl.DateTimeFormat("en", { timeZone: calendar.timeZone, year: "numeric" }).format(now),
    );
    const [counter] = await tx
      .insert(qualityCaseCounters)
      .values({ year, last: 1 })
      .onConflictDoUpdate({
        target: qualityCaseCounters.year,
        set: { last: sql`${qualityCaseCounters.last} + 1` },
      })
      .returning();
    const [row] = await tx
      .insert(qualityCases)
      .values({
        number: qualityCaseNumber(year, counter!.last),
        title: body.title,
        product: body.product,
        model: body.model ?? null,
        batch: body.batch ?? null,
        serials: body.serials,
        openedById: caller.id,
        createdAt: now,
      })
      .returning();
    const policy = await duePolicy(tx);
    const due = disciplineDueDates(calendar, now, policy);
    await tx.insert(qualityCaseSteps).values(
      disciplines.map((d) => ({
        caseId: row!.id,
        discipline: d,
        data: emptyData[d],
        ownerId: caller.id,
        dueAt: due[d],
        updatedAt: now,
      })),
    );
    await tx.insert(slaClocks).values(
      disciplines.map((d) => {
        const clock = startClock(calendar, now, policy[d], { warnAtShare: QUALITY_WARN_AT_SHARE });
        return {
          qualityCaseId: row!.id,
          name: qualityClockName(d),
          startedAt: now,
          target: policy[d],
          dueAt: clock.dueAt,
          warnAtShare: QUALITY_WARN_AT_SHARE,
          nextEventAt: clockNextEventAt(calendar, clock, now),
        };
      }),
    );
    await addEvents(tx, caller, row!.id, [{ type: "opened", data: { number: row!.number } }]);
    await link({ ...acting, tx }, row!, body.complaintIds);
    return row!.id;
  });
}
