import nodemailer from "nodemailer";
import { ownMailHeaders } from "../../domain/inbound-mail/mail-kind.js";
import { type SmsGateway, smsRequest } from "./sms-request.js";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

/** How kesu reaches the outside: mail and webhook calls, real or a test's recorders. */
export interface Senders {
  /** Null when no SMTP server is configured. */
  email: ((message: MailMessage) => Promise<void>) | null;
  /** Null when no SMS gateway is configured (SMS_URL). */
  sms: ((message: { to: string; text: string }) => Promise<void>) | null;
  webhook: (url: string, headers: Record<string, string>, body: string) => Promise<void>;
}

const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * Real senders: SMTP through nodemailer (when SMTP_URL is set), text messages to the SMS gateway
 * (when SMS_URL is set) and webhooks through fetch.
 */
export function realSenders(
  smtpUrl: string | undefined,
  from: string,
  gateway: SmsGateway | null = null,
): Senders {
  const transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  const post = async (url: string, headers: Record<string, string>, body: string) => {
    const response = await fetch(url, {
      method: "POST",
      headers,
      body,
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      redirect: "manual",
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  };
  return {
    email: transport
      ? async (message) => {
          // Marked as kesu's, so an auto-reply to it is not answered and its return opens no case.
          await transport.sendMail({ from, headers: { ...ownMailHeaders }, ...message });
        }
      : null,
    sms: gateway
      ? async (message) => {
          const call = smsRequest(gateway, message);
          await post(call.url, call.headers, call.body);
        }
      : null,
    webhook: post,
  };
}
