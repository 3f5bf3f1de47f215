import { and, count, eq, inArray, max, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Database, Tx } from "../../db/client.js";
import { savedViewPresets, savedViews } from "../../db/schema.js";
import {
  normaliseColumns,
  presetsFor,
  type ViewPreset,
  viewPresets,
} from "../../domain/saved-view/queue-columns.js";
import { mayChangeView, mayShareViews } from "../../domain/saved-view/saved-view-policy.js";
import { recordAudit } from "../audit/record-audit.js";
import { badRequest, versionConflict } from "../http/app-error.js";
import type { Caller } from "../http/app-types.js";
import { authorize } from "../http/authorize.js";
import type { Locale } from "../http/locale.js";
import { rejectingDuplicates } from "../http/unique-violation.js";
import {
  type createSavedViewBody,
  MAX_VIEWS,
  type SavedViewDto,
  type updateSavedViewBody,
} from "./saved-view.schemas.js";
import { lockVisibleView, ownerOf, presentView } from "./saved-view.store.js";

/** A second view of the same name by the same person answers 409 naming the field. */
const uniqueName = (name: string | undefined) => ({
  saved_views_owner_name_idx: { field: "view_name" as const, value: name ?? "" },
});

export async function createView(
  db: Database,
  caller: Caller,
  body: z.output<typeof createSavedViewBody>,
): Promise<SavedViewDto> {
  if (body.shared) authorize(mayShareViews(caller.role));
  const row = await rejectingDuplicates(
    () =>
      db.transaction(async (tx) => {
        // One person's saves queue behind each other, so two at once cannot pass the limit.
        await tx.execute(
          sql`select pg_advisory_xact_lock(hashtextextended(${`saved_views:${caller.id}`}, 0))`,
        );
        const [mine] = await tx
          .select({ views: count(), last: max(savedViews.position) })
          .from(savedViews)
          .where(eq(savedViews.ownerId, caller.id));
        if ((mine?.views ?? 0) >= MAX_VIEWS) throw badRequest("too_many_views");
        const [created] = await tx
          .insert(savedViews)
          .values({
            ownerId: caller.id,
            name: body.name,
            filters: body.filters,
            columns: normaliseColumns(body.columns),
            shared: body.shared,
            position: body.position ?? (mine?.last ?? -1) + 1,
          })
          .returning();
        await recordAudit(tx, caller, "create", "saved_view", created!.id, body);
        return created!;
      }),
    uniqueName(body.name),
  );
  return presentView(caller, row, ownerOf(caller));
}

export async function updateView(
  db: Database,
  caller: Caller,
  id: string,
  { version, ...changes }: z.output<typeof updateSavedViewBody>,
): Promise<SavedViewDto> {
  const row = await rejectingDuplicates(
    () =>
      db.transaction(async (tx) => {
        const view = await lockVisibleView(tx, caller, id);
        authorize(mayChangeView(caller, view));
        // Unsharing is always allowed: a former supervisor can still take their view back.
        if (changes.shared && !view.shared) authorize(mayShareViews(caller.role));
        assertVersion(view.version, version);
        const { columns, ...rest } = changes;
        const [updated] = await tx
          .update(savedViews)
          .set({
            ...rest,
            ...(columns !== undefined && { columns: normaliseColumns(columns) }),
            version: version + 1,
            updatedAt: new Date(),
          })
          .where(eq(savedViews.id, view.id))
          .returning();
        const before = Object.fromEntries(
          Object.keys(changes).map((k) => [k, view[k as keyof typeof view]]),
        );
        await recordAudit(tx, caller, "update", "saved_view", view.id, {
          version,
          before,
          after: changes,
        });
        return updated!;
      }),
    uniqueName(changes.name),
  );
  return presentView(caller, row, ownerOf(caller));
}

export async function deleteView(db: Database, caller: Caller, id: string, version: number) {
  await db.transaction(async (tx) => {
    const view = await lockVisibleView(tx, caller, id);
    authorize(mayChangeView(caller, view));
    assertVersion(view.version, version);
    await tx.delete(savedViews).where(eq(savedViews.id, view.id));
    await recordAudit(tx, caller, "delete", "saved_view", view.id, {
      version,
      name: view.name,
      filters: view.filters,
      shared: view.shared,
    });
  });
}

function assertVersion(current: number, seen: number) {
  if (current !== seen) throw versionConflict(current, "saved_view");
}

/**
 * The ready-made views of the caller's role (a supervisor's 团队超时与预警), made the first time
 * they open their views, named in the language they use, and given once: a view deleted or
 * renamed is not made again. A name the person already uses keeps their own view. One read
 * when everything was given; two callers at once give each preset once (the marker's key).
 */
export async function givePresets(db: Database, caller: Caller, locale: Locale) {
  const presets = presetsFor(caller.role);
  if (presets.length === 0) return;
  const given = await db
    .select({ preset: savedViewPresets.preset })
    .from(savedViewPresets)
    .where(and(eq(savedViewPresets.userId, caller.id), inArray(savedViewPresets.preset, presets)));
  const missing = presets.filter((p) => !given.some((g) => g.preset === p));
  if (missing.length === 0) return;
  await db.transaction(async (tx) => {
    for (const preset of missing)
      await givePreset(tx, caller, locale, preset, presets.indexOf(preset) - presets.length);
  });
}

async function givePreset(
  tx: Tx,
  caller: Caller,
  locale: Locale,
  preset: ViewPreset,
  /** Below the person's own views (0 up), the presets in their list's order. */
  position: number,
) {
  const [marked] = await tx
    .insert(savedViewPresets)
    .values({ userId: caller.id, preset })
    .onConflictDoNothing()
    .returning({ preset: savedViewPresets.preset });
  if (!marked) return;
  const { name, filters, columns } = viewPresets[preset];
  const [view] = await tx
    .insert(savedViews)
    .values({ ownerId: caller.id, name: name[locale], filters, columns, position })
    .onConflictDoNothing()
    .returning({ id: savedViews.id });
  if (view)
    await recordAudit(tx, caller, "create", "saved_view", view.id, {
      preset,
      name: name[locale],
      filters,
      columns,
    });
}
