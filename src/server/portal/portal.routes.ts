import { eq } from "drizzle-orm";
import { complaints } from "../../db/schema.js";
import { isOpen } from "../../domain/complaint/complaint-lifecycle.js";
import {
  messagingOf,
  newAccessCode,
  portalCaller,
} from "../customer-messages/customer-messaging.js";
import { AppError } from "../http/app-error.js";
import type { App } from "../http/app-types.js";
import { addInformation, addPortalAttachment } from "./add-information.js";
import { fileComplaint } from "./file-complaint.js";
import {
  acceptedSchema,
  addInformationBody,
  codeRequestBody,
  fileComplaintBody,
  filedSchema,
  trackBody,
  trackedCaseSchema,
} from "./portal.schemas.js";
import { countHit, customerCase, portalPhone, sendCode, spendOneTimeCode } from "./portal-guard.js";
import { trackedCase } from "./tracked-case.js";

/**
 * The customer portal's API (/portal): open without signing in, so every route proves the
 * customer by an SMS code or the case's access code and counts against per-phone and
 * per-address limits.
 */
export async function portalRoutes(app: App) {
  const open = { config: { public: true } };
  const tags = ["portal"];

  app.post(
    "/portal/codes",
    {
      ...open,
      schema: {
        tags,
        summary: "Send a one-time code by SMS (10 minutes, 5 tries); the same answer for any phone",
        body: codeRequestBody,
        response: { 202: acceptedSchema },
      },
    },
    async (request, reply) => {
      const phone = portalPhone(request.body.phone);
      const now = app.clock.now();
      await countHit(app.db, "code", phone, request.ip, now);
      await sendCode(app.db, phone, request.ip, now);
      return reply.code(202).send({ accepted: true });
    },
  );

  app.post(
    "/portal/complaints",
    {
      ...open,
      schema: {
        tags,
        summary: "File a complaint (channel 网上门户) with a phone proved by its SMS code",
        body: fileComplaintBody,
        response: { 201: filedSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const phone = portalPhone(body.phone);
      const now = app.clock.now();
      // Tries are the code's to limit; what is counted here is complaints filed.
      if (!(await spendOneTimeCode(app.db, phone, body.code, now)))
        throw new AppError("portal_code_invalid");
      await countHit(app.db, "file", phone, request.ip, now);
      const portal = await portalCaller(app.db);
      const accessCode = newAccessCode();
      const { number } = await fileComplaint(
        { db: app.db, caller: portal, clock: app.clock, timezone: app.config.KESU_TIMEZONE },
        { ...body, phone },
        { messaging: messagingOf(app.config), accessCode, locale: request.locale },
      );
      return reply.code(201).send({ number, accessCode });
    },
  );

  app.post(
    "/portal/track",
    {
      ...open,
      schema: {
        tags,
        summary: "The customer's view of their case: status, deadline, replies, messages",
        body: trackBody,
        response: { 200: trackedCaseSchema },
      },
    },
    async (request) =>
      trackedCase(app.db, await provedCase(app, request.body, request.ip, app.clock.now())),
  );

  app.post(
    "/portal/information",
    {
      ...open,
      schema: {
        tags,
        summary: "Add information to an open case (a contact on its timeline)",
        body: addInformationBody,
        response: { 200: trackedCaseSchema },
      },
    },
    async (request) => {
      const now = app.clock.now();
      const id = await openCase(app, await provedCase(app, request.body, request.ip, now));
      await addInformation(app.db, await portalCaller(app.db), id, request.body.text, now);
      return trackedCase(app.db, id);
    },
  );

  app.post(
    "/portal/attachments",
    {
      ...open,
      schema: {
        tags,
        summary:
          "Attach a file to an open case (multipart: number, phone, accessCode, then `file`); type checked from the content",
        consumes: ["multipart/form-data"],
      },
    },
    (request, reply) =>
      addPortalAttachment(app, request, async (proof) =>
        openCase(app, await provedCase(app, proof, request.ip, app.clock.now())),
      ).then((file) => reply.code(201).send(file)),
  );
}

/** Tracking counts a malformed phone as typed: it finds nothing, but still counts. */
const portalPhoneOrRaw = (raw: string) => raw.replace(/\D/g, "").slice(-11);

/** The case a customer proves; every try counts against the limit, whatever it finds. */
async function provedCase(
  app: App,
  proof: Parameters<typeof customerCase>[1],
  ip: string,
  now: Date,
) {
  await countHit(app.db, "track", portalPhoneOrRaw(proof.phone), ip, now);
  return customerCase(app.db, proof, now);
}

async function openCase(app: App, id: string) {
  const [c] = await app.db
    .select({ status: complaints.status })
    .from(complaints)
    .where(eq(complaints.id, id));
  if (!isOpen(c!.status)) throw new AppError("portal_case_closed");
  return id;
}
