import { z } from "zod";
import {
  customerLocales,
  customerMessageEvents,
} from "../../domain/customer-messages/templates.js";
import { text } from "../http/input-fields.js";

export const templateParams = z.object({
  event: z.enum(customerMessageEvents),
  locale: z.enum(customerLocales),
});

export const templateBody = z.object({ subject: text(200), body: text(1000) });

export const customerMessageTemplateSchema = z.object({
  event: z.enum(customerMessageEvents),
  locale: z.enum(customerLocales),
  subject: z.string(),
  body: z.string(),
  /** False while the built-in wording is in use. */
  custom: z.boolean(),
});
export type CustomerMessageTemplateDto = z.infer<typeof customerMessageTemplateSchema>;

export const customerMessageTemplateList = z.object({
  items: z.array(customerMessageTemplateSchema),
  /** The placeholders a template may use, e.g. `{number}`. */
  fields: z.array(z.string()),
});
