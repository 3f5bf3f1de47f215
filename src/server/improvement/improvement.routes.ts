import { actingOf, callerOf } from "../auth/caller.js";
import type { App } from "../http/app-types.js";
import { idParams } from "../http/input-fields.js";
import { showing } from "../http/showing.js";
import { createAction } from "./commands/create-action.js";
import { updateAction } from "./commands/update-action.js";
import { verifyAction } from "./commands/verify-action.js";
import {
  actionListSchema,
  actionSchema,
  createActionBody,
  listActionsQuery,
  patchActionBody,
  verifyActionBody,
} from "./improvement.schemas.js";
import { listActions, loadAction } from "./improvement.store.js";

/** 整改措施: improvement actions on a cause or category, tracked until verified. */
export async function improvementRoutes(app: App) {
  const tags = ["improvement actions"];
  const timeZone = app.config.KESU_TIMEZONE;
  const action = showing((caller, id) => loadAction(app.db, caller, id, timeZone));

  app.get(
    "/improvement-actions",
    {
      schema: {
        tags,
        summary:
          "The improvement actions the caller may see (a department handler: their department's)",
        querystring: listActionsQuery,
        response: { 200: actionListSchema },
      },
    },
    (request) => listActions(app.db, callerOf(request), request.query, timeZone),
  );

  app.post(
    "/improvement-actions",
    {
      schema: {
        tags,
        summary: "Set up an improvement action (supervisors, quality, admins)",
        body: createActionBody,
        response: { 201: actionSchema },
      },
    },
    (request, reply) =>
      action.created(actingOf(request), reply, (acting) => createAction(acting, request.body)),
  );

  app.get(
    "/improvement-actions/:id",
    {
      schema: {
        tags,
        summary: "One improvement action with its history",
        params: idParams,
        response: { 200: actionSchema },
      },
    },
    (request) => loadAction(app.db, callerOf(request), request.params.id, timeZone),
  );

  app.patch(
    "/improvement-actions/:id",
    {
      schema: {
        tags,
        summary:
          "Change an action on the version read (409 when stale): managers any field, the owner its status and progress note",
        params: idParams,
        body: patchActionBody,
        response: { 200: actionSchema },
      },
    },
    (request) =>
      action.changed(actingOf(request), request.params.id, (acting) =>
        updateAction(acting, request.params.id, request.body),
      ),
  );

  app.post(
    "/improvement-actions/:id/verify",
    {
      schema: {
        tags,
        summary:
          "Verify a done action: effective → verified; not effective → back in progress (reopened)",
        params: idParams,
        body: verifyActionBody,
        response: { 200: actionSchema },
      },
    },
    (request) =>
      action.changed(actingOf(request), request.params.id, (acting) =>
        verifyAction(acting, request.params.id, request.body),
      ),
  );
}
