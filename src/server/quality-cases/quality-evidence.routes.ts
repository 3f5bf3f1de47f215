import { readUpload } from "../attachments/read-upload.js";
import { actingOf, callerOf } from "../auth/caller.js";
import type { App } from "../http/app-types.js";
import { idParams } from "../http/input-fields.js";
import {
  evidenceItemParams,
  evidenceListSchema,
  evidenceParams,
  evidenceSchema,
  similarComplaintsSchema,
  similarQuery,
} from "./quality-case.schemas.js";
import { caseWithSteps } from "./quality-case.store.js";
import { addEvidence, evidenceOf, removeEvidence } from "./quality-evidence.js";
import { similarComplaints } from "./similar-complaints.js";

/** D4's evidence files and the search for complaints an 8D may answer too. */
export async function qualityEvidenceRoutes(app: App) {
  const tags = ["quality cases (8D)"];

  app.post(
    "/quality-cases/:id/root-causes/:cause/evidence",
    {
      schema: {
        tags,
        summary:
          "Add evidence to a root cause of occurrence or escape (multipart, field `file`; the team, while D4 is open)",
        consumes: ["multipart/form-data"],
        params: evidenceParams,
        response: { 201: evidenceSchema },
      },
    },
    async (request, reply) => {
      const acting = actingOf(request);
      // Refused before the upload is read: a stranger's file never reaches the store.
      await caseWithSteps(app.db, request.params.id, false);
      const file = await readUpload(app, request);
      const created = await addEvidence(acting, request.params.id, request.params.cause, file);
      const listed = await evidenceOf(app.db, request.params.id, acting.caller);
      return reply.code(201).send(listed.find((e) => e.id === created.id)!);
    },
  );

  app.get(
    "/quality-cases/:id/evidence",
    {
      schema: {
        tags,
        summary: "D4's evidence files (download each at /attachments/{id})",
        params: idParams,
        response: { 200: evidenceListSchema },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      await caseWithSteps(app.db, request.params.id, false);
      return { items: await evidenceOf(app.db, request.params.id, caller) };
    },
  );

  app.delete(
    "/quality-cases/:id/evidence/:attachmentId",
    {
      schema: {
        tags,
        summary: "Take back evidence: its uploader, while D4 is a draft",
        params: evidenceItemParams,
      },
    },
    async (request, reply) => {
      await removeEvidence(actingOf(request), request.params.id, request.params.attachmentId);
      return reply.code(204).send();
    },
  );

  app.get(
    "/quality-cases/:id/similar-complaints",
    {
      schema: {
        tags,
        summary:
          "Complaints like the 8D's (same product, model, batch or similar text), open first, not yet on an 8D",
        params: idParams,
        response: { 200: similarComplaintsSchema },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const { row } = await caseWithSteps(app.db, request.params.id, false);
      return similarComplaints(app.db, caller, {
        product: row.product,
        model: row.model ?? undefined,
        batch: row.batch ?? undefined,
        text: row.title,
      });
    },
  );

  app.get(
    "/quality-cases/similar-complaints",
    {
      schema: {
        tags,
        summary:
          "Complaints like the 8D about to be opened (product, model, batch, text), open first, not yet on an 8D",
        querystring: similarQuery,
        response: { 200: similarComplaintsSchema },
      },
    },
    (request) => similarComplaints(app.db, callerOf(request), request.query),
  );
}
