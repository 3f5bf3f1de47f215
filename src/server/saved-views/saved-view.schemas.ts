import { z } from "zod";
import { queueColumns } from "../../domain/saved-view/queue-columns.js";
import { savedViewActions } from "../../domain/saved-view/saved-view-policy.js";
import { listComplaintsQuery } from "../complaints/complaint.schemas.js";

/** At most this many views per person, and filter sets per counts request. */
export const MAX_VIEWS = 30;
/** Counts stop here: a view with more shows "1000+" (see count-views.ts for why). */
export const COUNT_CAP = 1000;

/**
 * What a view remembers: the complaint list's own filters, taken from its query schema so a view
 * and the list cannot disagree, spelt as JSON rather than as a query string. Sort, size and
 * cursor belong to the page, not to the view.
 */
export const viewFilters = listComplaintsQuery
  .pick({
    status: true,
    kind: true,
    ownerId: true,
    departmentId: true,
    category: true,
    customerId: true,
    sla: true,
    riskLevel: true,
    q: true,
    receivedFrom: true,
    receivedTo: true,
    cause: true,
    leadDepartmentId: true,
    satisfaction: true,
  })
  .extend({
    /** `true`: only cases still being worked; `false`: only finished ones (the list's `open`). */
    open: z.boolean().optional(),
    /** The viewer's team's cases (owners in the viewer's department), as the list's `team`. */
    team: z.boolean().optional(),
    /** The viewer's own cases: the list's ownerId becomes whoever opens the view. */
    mine: z.boolean().optional(),
  })
  .strict()
  .refine((f) => !(f.mine && f.ownerId), {
    message: "give either mine or ownerId",
    path: ["ownerId"],
  });
export type ViewFilters = z.output<typeof viewFilters>;

const name = z.string().trim().min(1).max(60);
const position = z.number().int().min(0).max(10_000);
/**
 * The queue's columns the view shows, in the queue's order (domain/saved-view/queue-columns.ts);
 * null or left out: the default ones. The case number is always among them.
 */
const columns = z.array(z.enum(queueColumns)).max(queueColumns.length);

export const savedViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  filters: viewFilters,
  /** The queue's columns, in order; null: the default ones. */
  columns: z.array(z.enum(queueColumns)).nullable(),
  /** Shown to everyone; only supervisors and admins may share. */
  shared: z.boolean(),
  /** Order among the owner's views, smallest first. */
  position: z.number(),
  version: z.number(),
  owner: z.object({ id: z.uuid(), name: z.string(), agentNo: z.string() }),
  /** What this caller may do with the view; the workbench offers exactly these. */
  allowedActions: z.array(z.enum(savedViewActions)),
  updatedAt: z.date(),
});
export type SavedViewDto = z.infer<typeof savedViewSchema>;

export const savedViewList = z.object({
  /** The caller's own views (by position), then the views others share. */
  items: z.array(savedViewSchema),
});

export const createSavedViewBody = z.object({
  name,
  filters: viewFilters,
  columns: columns.nullish(),
  shared: z.boolean().default(false),
  /** Defaults to after the caller's last view. */
  position: position.optional(),
});

export const updateSavedViewBody = z.strictObject({
  /** The view's version the caller last saw; another change in between answers 409. */
  version: z.number().int().positive(),
  name: name.optional(),
  filters: viewFilters.optional(),
  columns: columns.nullable().optional(),
  shared: z.boolean().optional(),
  position: position.optional(),
});

export const deleteSavedViewQuery = z.object({
  version: z.coerce.number().int().positive(),
});

export const viewCountSchema = z.object({
  /** Complaints the caller may see that match, up to COUNT_CAP. */
  count: z.number(),
  /** More than `count` match: show "1000+". */
  capped: z.boolean(),
});
export type ViewCount = z.infer<typeof viewCountSchema>;

export const savedViewCounts = z.object({
  items: z.array(viewCountSchema.extend({ id: z.uuid() })),
});

export const countFiltersBody = z.object({
  filters: z.array(viewFilters).min(1).max(MAX_VIEWS),
});
export const filterCounts = z.object({
  /** One per filter set, in the order given. */
  items: z.array(viewCountSchema),
});
