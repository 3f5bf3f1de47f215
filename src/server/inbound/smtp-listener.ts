import type { AddressInfo } from "node:net";
import type { FastifyBaseLogger } from "fastify";
import { SMTPServer } from "smtp-server";
import { type MailDesk, receiveMail } from "./commands/receive-mail.js";

/** Room for base64 (4/3) and the mail's own text around its largest attachment. */
export const mailSizeLimit = (maxAttachmentBytes: number) => Math.ceil(maxAttachmentBytes * 1.4);

export interface InboundSmtp {
  port: number;
  close(): Promise<void>;
}

/**
 * The built-in receiving mail server (KESU_INBOUND_SMTP_PORT): accepts mail for any address
 * without authentication, as the MX of a complaints mailbox does, and answers 250 only once the
 * mail is recorded, so a failure makes the sending server try again later (451).
 */
export async function startInboundSmtp(
  desk: MailDesk,
  { port, host, log }: { port: number; host: string; log: FastifyBaseLogger },
): Promise<InboundSmtp> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: mailSizeLimit(desk.maxAttachmentBytes),
    banner: "kesu complaints",
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error("Message too large"), { responseCode: 552 }));
          return;
        }
        receiveMail(desk, Buffer.concat(chunks)).then(
          (received) => {
            log.info({ inboundMail: received }, "inbound mail");
            callback();
          },
          (error: unknown) => {
            log.error({ err: error }, "inbound mail failed");
            callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
          },
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
