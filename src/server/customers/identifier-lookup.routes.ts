import { canLookUpCustomers } from "../../domain/access/roles.js";
import { callerWith } from "../auth/caller.js";
import type { App } from "../http/app-types.js";
import { identifierLookupQuery, identifierLookupSchema } from "./customer.schemas.js";
import { lookUpIdentifier, lookUpMobileEndings } from "./identifier-lookup.js";

export async function identifierLookupRoutes(app: App) {
  app.get(
    "/lookup",
    {
      schema: {
        tags: ["customers"],
        summary:
          "Find the caller by whatever they give: phone, ID, account/card/meter number, email, case or hotline number",
        querystring: identifierLookupQuery,
        response: { 200: identifierLookupSchema },
      },
    },
    async (request) => {
      const caller = callerWith(request, canLookUpCustomers);
      const { q, completing } = request.query;
      return completing
        ? lookUpMobileEndings(app.db, q, caller.role)
        : lookUpIdentifier(app.db, q, caller.role);
    },
  );
}
