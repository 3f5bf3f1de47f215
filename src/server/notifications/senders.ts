import nodemailer from "nodemailer";
import type { Senders } from "./deliver-outbox.js";

const WEBHOOK_TIMEOUT_MS = 10_000;

/** Real senders: SMTP through nodemailer (when SMTP_URL is set) and webhooks through fetch. */
export function realSenders(smtpUrl: string | undefined, from: string): Senders {
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  return {
    email: transport
      ? async (message) => {
          await transport.sendMail({ from, ...message });
        }
      : null,
    async webhook(url, headers, body) {
      const response = await fetch(url, {
        method: "POST",
        headers,
        body,
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        redirect: "manual",
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    },
  };
}
