import { z } from "zod";

export const taxonomyLists = ["channel", "category", "business_type", "cause"] as const;
export type TaxonomyList = (typeof taxonomyLists)[number];

export const termSchema = z.object({
  list: z.enum(taxonomyLists),
  code: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  sortOrder: z.number(),
  active: z.boolean(),
});
export const termInput = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[\w-]+$/),
  labelZh: z.string().trim().min(1).max(100),
  labelEn: z.string().trim().min(1).max(100),
  sortOrder: z.number().int().default(0),
});
export const listParams = z.object({ list: z.enum(taxonomyLists) });
export type TermDto = z.infer<typeof termSchema>;
