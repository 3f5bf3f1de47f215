import { and, eq } from "drizzle-orm";
import { customerMessageTemplates } from "../../db/schema.js";
import { canManageStaff } from "../../domain/access/roles.js";
import {
  builtInTemplates,
  customerLocales,
  customerMessageEvents,
  templateFields,
} from "../../domain/customer-messages/templates.js";
import { recordAudit } from "../audit/record-audit.js";
import { callerWith } from "../auth/caller.js";
import type { App } from "../http/app-types.js";
import {
  type CustomerMessageTemplateDto,
  customerMessageTemplateList,
  customerMessageTemplateSchema,
  templateBody,
  templateParams,
} from "./customer-message-template.schemas.js";

const tags = ["customer messages"];

/** The wording of what kesu sends customers, per event and language: an admin's, else built in. */
export async function customerMessageTemplateRoutes(app: App) {
  app.get(
    "/customer-message-templates",
    {
      schema: {
        tags,
        summary: "Messages to customers (受理回执, reply, extension, closing) in zh-CN and en",
        response: { 200: customerMessageTemplateList },
      },
    },
    async (request) => {
      callerWith(request, canManageStaff);
      const custom = await app.db.select().from(customerMessageTemplates);
      const items: CustomerMessageTemplateDto[] = customerMessageEvents.flatMap((event) =>
        customerLocales.map((locale) => {
          const own = custom.find((c) => c.event === event && c.locale === locale);
          const { subject, body } = own ?? builtInTemplates[event][locale];
          return { event, locale, subject, body, custom: own !== undefined };
        }),
      );
      return { items, fields: [...templateFields] };
    },
  );

  app.put(
    "/customer-message-templates/:event/:locale",
    {
      schema: {
        tags,
        summary: "Word one message to customers; later messages use it",
        params: templateParams,
        body: templateBody,
        response: { 200: customerMessageTemplateSchema },
      },
    },
    async (request) => {
      const caller = callerWith(request, canManageStaff);
      const { event, locale } = request.params;
      const values = { ...request.body, updatedById: caller.id, updatedAt: app.clock.now() };
      await app.db.transaction(async (tx) => {
        await tx
          .insert(customerMessageTemplates)
          .values({ event, locale, ...values })
          .onConflictDoUpdate({
            target: [customerMessageTemplates.event, customerMessageTemplates.locale],
            set: values,
          });
        await recordAudit(tx, caller, "update", "customer_message_template", `${event}:${locale}`, {
          ...request.body,
        });
      });
      return { event, locale, ...request.body, custom: true };
    },
  );

  app.delete(
    "/customer-message-templates/:event/:locale",
    {
      schema: {
        tags,
        summary: "Go back to the built-in wording",
        params: templateParams,
        response: { 200: customerMessageTemplateSchema },
      },
    },
    async (request) => {
      const caller = callerWith(request, canManageStaff);
      const { event, locale } = request.params;
      await app.db.transaction(async (tx) => {
        await tx
          .delete(customerMessageTemplates)
          .where(
            and(
              eq(customerMessageTemplates.event, event),
              eq(customerMessageTemplates.locale, locale),
            ),
          );
        await recordAudit(tx, caller, "reset", "customer_message_template", `${event}:${locale}`);
      });
      return { event, locale, ...builtInTemplates[event][locale], custom: false };
    },
  );
}
