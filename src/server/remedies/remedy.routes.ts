import { z } from "zod";
import { actingOf, callerOf } from "../auth/caller.js";
import type { App } from "../http/app-types.js";
import { idParams } from "../http/input-fields.js";
import { showing } from "../http/showing.js";
import { askRemedy } from "./commands/ask-remedy.js";
import { decideRemedy } from "./commands/decide-remedy.js";
import { reverseRemedy } from "./commands/reverse-remedy.js";
import { ledgerCsv, readLedger } from "./ledger.js";
import { loadRemedy } from "./remedy.presenter.js";
import {
  askRemedyBody,
  decisionBodies,
  ledgerQuery,
  ledgerSchema,
  remedySchema,
  reverseBody,
} from "./remedy.schemas.js";

/** 补救: asked for on a case, decided by an approver when above authority, reversed, and the ledger. */
export async function remedyRoutes(app: App) {
  const timeZone = app.config.KESU_TIMEZONE;
  const remedy = showing((caller, id) => loadRemedy(app.db, id, caller));

  app.post(
    "/complaints/:id/remedies",
    {
      schema: {
        tags: ["remedies"],
        summary:
          "Give a remedy (补救): granted on the spot within the caller's authority, else pending for an approver",
        params: idParams,
        body: askRemedyBody,
        response: { 201: remedySchema },
      },
    },
    (request, reply) =>
      remedy.created(actingOf(request), reply, (acting) =>
        askRemedy(acting, request.params.id, request.body, timeZone),
      ),
  );

  for (const decision of ["approve", "reject"] as const) {
    app.post(
      `/remedies/:id/${decision}`,
      {
        schema: {
          tags: ["remedies"],
          summary:
            decision === "approve"
              ? "Approve a pending remedy (its approver's role or above, never the asker)"
              : "Reject a pending remedy with a note",
          params: idParams,
          body: decisionBodies[decision],
          response: { 200: remedySchema },
        },
      },
      (request) => {
        const note = (request.body as { note?: string }).note ?? null;
        const status = decision === "approve" ? "approved" : "rejected";
        return remedy.changed(actingOf(request), request.params.id, (acting) =>
          decideRemedy(acting, request.params.id, status, note),
        );
      },
    );
  }

  app.post(
    "/remedies/:id/reverse",
    {
      schema: {
        tags: ["remedies"],
        summary:
          "Reverse a granted remedy (冲正): a reversal row; the remedy's record never changes",
        params: idParams,
        body: reverseBody,
        response: { 200: remedySchema },
      },
    },
    (request) =>
      remedy.changed(actingOf(request), request.params.id, (acting) =>
        reverseRemedy(acting, request.params.id, request.body.reason),
      ),
  );

  app.get(
    "/remedies",
    {
      schema: {
        tags: ["remedies"],
        summary:
          "The remedies ledger with totals by type; `format=csv` for every matching row as CSV",
        querystring: ledgerQuery,
        response: {
          200: {
            content: {
              "application/json": { schema: ledgerSchema },
              "text/csv": { schema: z.string() },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      if (request.query.format === "json")
        return readLedger(app.db, caller, request.query, timeZone);
      // A link the workbench opens downloads it: a query parameter, since a link sends no Accept.
      const csv = ledgerCsv(app.db, caller, request.query, timeZone);
      return (
        reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", 'attachment; filename="remedies.csv"')
          // The text/csv string, streamed a batch at a time (Fastify sends streams as they are).
          .send(csv as unknown as string)
      );
    },
  );
}
