import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../../db/client.js";
import { calendarDays, slaPolicies, workCalendars } from "../../db/schema.js";
import { DEFAULT_CALENDAR } from "../../db/seeds/sla.js";
import { canManageStaff } from "../../domain/access/roles.js";
import { calendarProblems, workCalendar } from "../../domain/sla/calendar.js";
import { policyProblems, type SlaPolicy } from "../../domain/sla/sla-policy.js";
import { recordAudit } from "../audit/record-audit.js";
import { callerOf, callerWith } from "../auth/caller.js";
import { AppError, notFound, versionConflict } from "../http/app-error.js";
import type { App } from "../http/app-types.js";
import { rejectingDuplicates } from "../http/unique-violation.js";
import { assertTerms } from "../taxonomy/active-terms.js";
import {
  calendarBody,
  calendarSchema,
  dayBody,
  localDate,
  policyBody,
  policyChanges,
  policySchema,
} from "./sla-admin.schemas.js";
import { loadCalendar } from "./sla-store.js";

type PolicyMatch = z.infer<typeof policyBody>["match"];

/**
 * A policy matches on list codes as complaints carry them: each must be an active entry, as on a
 * complaint. Codes the policy already had (perhaps retired since) stay acceptable.
 */
function assertMatchTerms(tx: Tx, match: PolicyMatch | undefined, had: PolicyMatch = {}) {
  const added = (given?: readonly string[], before?: readonly string[]) =>
    (given ?? []).filter((code) => !before?.includes(code));
  return assertTerms(tx, [
    {
      list: "category",
      field: "body.match.categories",
      codes: added(match?.categories, had.categories),
    },
    { list: "channel", field: "body.match.channels", codes: added(match?.channels, had.channels) },
  ]);
}

/** A calendar that fails the domain's own check: 400 naming what is wrong. */
function refuseCalendar(problems: string[]) {
  if (problems.length > 0)
    throw new AppError(
      "validation_failed",
      {},
      { errors: problems.map((detail) => ({ field: "body", code: "invalid_calendar", detail })) },
    );
}

/** A policy that fails the domain's own check: 400 naming each field, in the caller's language. */
function refusePolicy(policy: SlaPolicy) {
  const problems = policyProblems(policy);
  if (problems.length > 0)
    throw new AppError(
      "validation_failed",
      {},
      { errors: problems.map(({ field, code }) => ({ field: `body.${field}`, code })) },
    );
}

const presentPolicy = (r: typeof slaPolicies.$inferSelect) =>
  ({ ...r, order: r.sortOrder, extension: r.extension ?? null }) as unknown as z.infer<
    typeof policySchema
  >;

/** Working time, holidays and SLA policies: read by everyone, changed by admins. Running clocks keep their deadlines. */
export async function slaAdminRoutes(app: App) {
  app.get(
    "/sla/calendar",
    {
      schema: {
        tags: ["sla settings"],
        summary: "Working hours, holidays and make-up working days (调休)",
        response: {
          200: calendarSchema,
        },
      },
    },
    async (request) => {
      callerOf(request);
      const calendar = await loadCalendar(app.db);
      const days = await app.db
        .select()
        .from(calendarDays)
        .where(eq(calendarDays.calendarId, DEFAULT_CALENDAR))
        .orderBy(asc(calendarDays.date));
      return {
        timeZone: calendar.timeZone,
        workingHours: [...calendar.workingHours],
        workingWeekdays: [...calendar.workingWeekdays],
        days: days.map((d) => ({
          date: d.date,
          kind: d.kind as "holiday",
          name: d.name ?? undefined,
        })),
      };
    },
  );

  app.put(
    "/sla/calendar",
    {
      schema: {
        tags: ["sla settings"],
        summary: "Set working hours and days (admin)",
        body: calendarBody,
      },
    },
    async (request, reply) => {
      const caller = callerWith(request, canManageStaff);
      refuseCalendar(calendarProblems(workCalendar(request.body)));
      await app.db.transaction(async (tx) => {
        await tx
          .update(workCalendars)
          .set({ ...request.body, updatedAt: app.clock.now() })
          .where(eq(workCalendars.id, DEFAULT_CALENDAR));
        await recordAudit(tx, caller, "update", "work_calendar", DEFAULT_CALENDAR, request.body);
      });
      return reply.code(204).send();
    },
  );

  app.put(
    "/sla/calendar/days/:date",
    {
      schema: {
        tags: ["sla settings"],
        summary: "Mark a date a holiday or a make-up working day (admin)",
        params: z.object({ date: localDate }),
        body: dayBody,
      },
    },
    async (request, reply) => {
      const caller = callerWith(request, canManageStaff);
      const values = {
        calendarId: DEFAULT_CALENDAR,
        date: request.params.date,
        kind: request.body.kind,
        name: request.body.name ?? null,
      };
      await app.db.transaction(async (tx) => {
        await tx
          .insert(calendarDays)
          .values(values)
          .onConflictDoUpdate({
            target: [calendarDays.calendarId, calendarDays.date],
            set: { kind: values.kind, name: values.name },
          });
        await recordAudit(tx, caller, "set", "calendar_day", request.params.date, request.body);
      });
      return reply.code(204).send();
    },
  );

  app.delete(
    "/sla/calendar/days/:date",
    {
      schema: {
        tags: ["sla settings"],
        summary: "Make a date an ordinary day again (admin)",
        params: z.object({ date: localDate }),
      },
    },
    async (request, reply) => {
      const caller = callerWith(request, canManageStaff);
      await app.db.transaction(async (tx) => {
        const removed = await tx
          .delete(calendarDays)
          .where(
            and(
              eq(calendarDays.calendarId, DEFAULT_CALENDAR),
              eq(calendarDays.date, request.params.date),
            ),
          )
          .returning();
        if (removed.length === 0) throw notFound("term");
        await recordAudit(tx, caller, "remove", "calendar_day", request.params.date);
      });
      return reply.code(204).send();
    },
  );

  app.get(
    "/sla/policies",
    {
      schema: {
        tags: ["sla settings"],
        summary: "SLA policies in matching order (first active match wins)",
        response: { 200: z.object({ items: z.array(policySchema) }) },
      },
    },
    async (request) => {
      callerOf(request);
      const rows = await app.db
        .select()
        .from(slaPolicies)
        .orderBy(asc(slaPolicies.sortOrder), asc(slaPolicies.id));
      return { items: rows.map(presentPolicy) };
    },
  );

  app.post(
    "/sla/policies",
    {
      schema: {
        tags: ["sla settings"],
        summary: "Add a policy (admin)",
        body: policyBody.extend({
          id: z
            .string()
            .trim()
            .min(1)
            .max(64)
            .regex(/^[\w-]+$/),
        }),
        response: { 201: policySchema },
      },
    },
    async (request, reply) => {
      const caller = callerWith(request, canManageStaff);
      const { order, ...policy } = request.body;
      refusePolicy({ ...policy, order } as SlaPolicy);
      const row = await rejectingDuplicates(
        () =>
          app.db.transaction(async (tx) => {
            await assertMatchTerms(tx, policy.match);
            const [created] = await tx
              .insert(slaPolicies)
              .values({ ...policy, sortOrder: order })
              .returning();
            await recordAudit(tx, caller, "create", "sla_policy", policy.id, request.body);
            return created!;
          }),
        { sla_policies_pkey: { field: "code", value: policy.id } },
      );
      return reply.code(201).send(presentPolicy(row));
    },
  );

  app.patch(
    "/sla/policies/:id",
    {
      schema: {
        tags: ["sla settings"],
        summary: "Change, reorder or retire a policy, on the version last read (admin)",
        params: z.object({ id: z.string() }),
        body: policyChanges,
        response: { 200: policySchema },
      },
    },
    async (request) => {
      const caller = callerWith(request, canManageStaff);
      return app.db.transaction(async (tx) => {
        const [current] = await tx
          .select()
          .from(slaPolicies)
          .where(eq(slaPolicies.id, request.params.id))
          .for("update");
        if (!current) throw notFound("term");
        const { order, version, ...changes } = request.body;
        if (current.version !== version) throw versionConflict(current.version, "sla_policy");
        const merged = {
          ...presentPolicy(current),
          ...changes,
          ...(order !== undefined && { order }),
        };
        refusePolicy(merged as SlaPolicy);
        await assertMatchTerms(tx, changes.match, presentPolicy(current).match);
        const [row] = await tx
          .update(slaPolicies)
          .set({
            ...changes,
            ...(order !== undefined && { sortOrder: order }),
            version: version + 1,
          })
          .where(eq(slaPolicies.id, current.id))
          .returning();
        await recordAudit(tx, caller, "update", "sla_policy", current.id, { ...changes, order });
        return presentPolicy(row!);
      });
    },
  );
}
