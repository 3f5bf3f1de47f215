import { callerOf } from "../auth/caller.js";
import type { App } from "../http/app-types.js";
import { idParams } from "../http/input-fields.js";
import { countMatching } from "./count-views.js";
import { createView, deleteView, givePresets, updateView } from "./saved-view.commands.js";
import {
  countFiltersBody,
  createSavedViewBody,
  deleteSavedViewQuery,
  filterCounts,
  savedViewCounts,
  savedViewList,
  savedViewSchema,
  updateSavedViewBody,
} from "./saved-view.schemas.js";
import { listVisibleViews } from "./saved-view.store.js";

/** Saved views of the work queue (everyone keeps their own; supervisors share) and their counts. */
export async function savedViewRoutes(app: App) {
  app.get(
    "/saved-views",
    {
      schema: {
        tags: ["saved views"],
        summary:
          "The caller's saved views, then those shared with everyone (a supervisor's first visit makes their 团队超时与预警)",
        response: { 200: savedViewList },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await givePresets(app.db, caller, request.locale);
      return { items: await listVisibleViews(app.db, caller) };
    },
  );

  app.post(
    "/saved-views",
    {
      schema: {
        tags: ["saved views"],
        summary: "Save the queue's filters as a view; shared: true for supervisors and admins",
        body: createSavedViewBody,
        response: { 201: savedViewSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createView(app.db, callerOf(request), request.body)),
  );

  app.patch(
    "/saved-views/:id",
    {
      schema: {
        tags: ["saved views"],
        summary: "Rename, refilter, reorder, share or unshare one's own view",
        params: idParams,
        body: updateSavedViewBody,
        response: { 200: savedViewSchema },
      },
    },
    async (request) => updateView(app.db, callerOf(request), request.params.id, request.body),
  );

  app.delete(
    "/saved-views/:id",
    {
      schema: {
        tags: ["saved views"],
        summary: "Delete one's own view, at the version last seen",
        params: idParams,
        querystring: deleteSavedViewQuery,
      },
    },
    async (request, reply) => {
      await deleteView(app.db, callerOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );

  app.get(
    "/saved-views/counts",
    {
      schema: {
        tags: ["saved views"],
        summary: "How many complaints the caller may see in each of their views (1000+ beyond)",
        response: { 200: savedViewCounts },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const views = await listVisibleViews(app.db, caller);
      const counts = await countMatching(
        app.db,
        caller,
        views.map((view) => view.filters),
        app.config.KESU_TIMEZONE,
      );
      return { items: views.map((view, i) => ({ id: view.id, ...counts[i]! })) };
    },
  );

  app.post(
    "/saved-views/counts",
    {
      schema: {
        tags: ["saved views"],
        summary: "How many complaints the caller may see for each of up to 30 filter sets",
        body: countFiltersBody,
        response: { 200: filterCounts },
      },
    },
    async (request) => ({
      items: await countMatching(
        app.db,
        callerOf(request),
        request.body.filters,
        app.config.KESU_TIMEZONE,
      ),
    }),
  );
}
