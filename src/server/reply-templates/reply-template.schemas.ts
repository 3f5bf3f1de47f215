import { z } from "zod";
import { changesTo, queryFlag } from "../http/input-fields.js";

export const replyTemplateSchema = z.object({
  id: z.uuid(),
  /** Short name shown in the “insert template” menu, e.g. 致歉. */
  title: z.string(),
  /** The text inserted into the reply; Chinese, since the customer reads Chinese. */
  body: z.string(),
  /** A category code (taxonomy list `category`): offered first on complaints of that category; null for all. */
  category: z.string().nullable(),
  /** Lower comes first within the same rank. */
  sortOrder: z.number(),
  /** Retired templates stay for the record but are no longer offered. */
  active: z.boolean(),
  /** Optimistic lock: send it back with an edit; a stale one answers 409 version_conflict. */
  version: z.number(),
  updatedAt: z.date(),
});
export type ReplyTemplateDto = z.infer<typeof replyTemplateSchema>;

export const listReplyTemplatesQuery = z.object({
  /** Templates of this category code come first, then those for every category, then the rest. */
  category: z.string().trim().min(1).max(64).optional(),
  /** `true`: retired templates too (admin only, for the admin screen). */
  includeInactive: queryFlag,
});

const fields = {
  title: z.string().trim().min(1).max(100),
  body: z.string().trim().min(1).max(4000),
  category: z.string().trim().min(1).max(64).nullable(),
  sortOrder: z.number().int().min(-100_000).max(100_000),
};

export const createReplyTemplateBody = z.object({
  title: fields.title,
  body: fields.body,
  category: fields.category.default(null),
  sortOrder: fields.sortOrder.default(0),
});

export const updateReplyTemplateBody = changesTo(fields).extend({
  /** `false` retires the template (never deleted: the audit log refers to it). */
  active: z.boolean().optional(),
});

export const replyTemplateList = z.object({ items: z.array(replyTemplateSchema) });
