import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { messagingOf } from "../customer-messages/customer-messaging.js";
import { AppError, badRequest } from "../http/app-error.js";
import type { App } from "../http/app-types.js";
import { receiveMail } from "./commands/receive-mail.js";
import { mailSizeLimit } from "./smtp-listener.js";

const receivedSchema = z.object({
  /** opened, joined, or why no case came of it: bounce, auto_reply, own_mail. */
  outcome: z.enum(["opened", "joined", "bounce", "auto_reply", "own_mail"]),
  complaintId: z.uuid().nullable(),
  /** The same Message-ID was received before; nothing was done again. */
  repeated: z.boolean(),
});

function tokenMatches(expected: string | undefined, header: string | undefined) {
  const given = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!expected || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Mail handed over by the organisation's own MTA (a pipe or an HTTP hook) instead of the listener. */
export async function inboundMailRoutes(app: App) {
  await app.register(async (scope: App) => {
    scope.addContentTypeParser(
      ["message/rfc822", "application/octet-stream", "text/plain"],
      {
        parseAs: "buffer",
        bodyLimit: mailSizeLimit(app.config.KESU_MAX_ATTACHMENT_MB * 1_048_576),
      },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      "/inbound/email",
      {
        config: { public: true, ownBearer: true },
        bodyLimit: mailSizeLimit(app.config.KESU_MAX_ATTACHMENT_MB * 1_048_576),
        schema: {
          tags: ["inbound"],
          summary:
            "Receive one raw RFC 822 mail (Content-Type: message/rfc822) from an MTA; Authorization: Bearer KESU_INBOUND_EMAIL_TOKEN",
          response: { 200: receivedSchema },
        },
      },
      async (request) => {
        if (!tokenMatches(app.config.KESU_INBOUND_EMAIL_TOKEN, request.headers.authorization))
          throw new AppError("unauthenticated");
        const raw = request.body;
        if (!Buffer.isBuffer(raw) || raw.length === 0) throw badRequest("no_file");
        return receiveMail(
          {
            db: app.db,
            clock: app.clock,
            timezone: app.config.KESU_TIMEZONE,
            maxAttachmentBytes: app.config.KESU_MAX_ATTACHMENT_MB * 1_048_576,
            messaging: messagingOf(app.config),
          },
          raw,
        );
      },
    );
  });
}
