import { and, asc, eq, getTableColumns, or, sql } from "drizzle-orm";
import type { Database, Tx } from "../../db/client.js";
import { savedViews, users } from "../../db/schema.js";
import { textShownTo } from "../../domain/customer/masking.js";
import type { QueueColumn } from "../../domain/saved-view/queue-columns.js";
import { allowedViewActions } from "../../domain/saved-view/saved-view-policy.js";
import { notFound } from "../http/app-error.js";
import type { Caller } from "../http/app-types.js";
import type { SavedViewDto, ViewFilters } from "./saved-view.schemas.js";

type SavedViewRow = typeof savedViews.$inferSelect;
interface Owner {
  id: string;
  name: string;
  agentNo: string;
}

/** Scope inside the query: the caller's own views and those shared with everyone. */
const visibleTo = (caller: Caller) =>
  or(eq(savedViews.ownerId, caller.id), eq(savedViews.shared, true));

const ownerColumns = { id: users.id, name: users.displayName, agentNo: users.agentNo };

/** The caller's own views by position, then the shared ones of others. */
export async function listVisibleViews(db: Database, caller: Caller): Promise<SavedViewDto[]> {
  const rows = await db
    .select({ view: getTableColumns(savedViews), owner: ownerColumns })
    .from(savedViews)
    .innerJoin(users, eq(users.id, savedViews.ownerId))
    .where(visibleTo(caller))
    .orderBy(
      sql`${savedViews.ownerId} <> ${caller.id}`,
      asc(savedViews.position),
      asc(savedViews.name),
      asc(savedViews.id),
    );
  return rows.map(({ view, owner }) => presentView(caller, view, owner));
}

/** The view, locked for the rest of the transaction, or 404 when the caller may not see it. */
export async function lockVisibleView(tx: Tx, caller: Caller, id: string): Promise<SavedViewRow> {
  const [row] = await tx
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.id, id), visibleTo(caller)))
    .for("update");
  if (!row) throw notFound("saved_view");
  return row;
}

/** Only owners change views, so after a change the owner is the caller. */
export const ownerOf = (caller: Caller): Owner => ({
  id: caller.id,
  name: caller.displayName,
  agentNo: caller.agentNo,
});

export function presentView(caller: Caller, view: SavedViewRow, owner: Owner): SavedViewDto {
  // A shared view's name and search were typed by someone who may see what this caller may not.
  const shown = textShownTo(caller.role);
  return {
    id: view.id,
    name: shown(view.name),
    // Written only through viewFilters (the create and update bodies).
    filters: shown(view.filters as ViewFilters),
    // Written only through normaliseColumns (the create and update commands, the presets).
    columns: (view.columns as QueueColumn[] | null) ?? null,
    shared: view.shared,
    position: view.position,
    version: view.version,
    owner,
    allowedActions: allowedViewActions(caller, view),
    updatedAt: view.updatedAt,
  };
}
