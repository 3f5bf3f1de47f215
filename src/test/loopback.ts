import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** A real HTTP receiver on loopback that records what it got and answers with the next status. */
export function receiver(statuses: number[]) {
  const received: { headers: Record<string, unknown>; body: string }[] = [];
  const http: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.statusCode = statuses.shift() ?? 200;
      res.end();
    });
  });
  const ready = new Promise<string>((resolve) =>
    http.listen(0, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(http.address() as AddressInfo).port}/hook`),
    ),
  );
  return { received, ready, close: () => new Promise<void>((r) => http.close(() => r())) };
}

/** A real SMTP server on loopback that keeps every raw message it accepts. */
export async function smtpRecorder() {
  const mails: string[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString()));
      stream.on("end", () => {
        mails.push(raw);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  const port = (smtp.server.address() as AddressInfo).port;
  return {
    mails,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => smtp.close(() => r())),
  };
}

/** The raw message as a person reads it: MIME encoded words and a base64 body decoded. */
export function readable(raw: string): string {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const words = head
    .replace(/\r?\n\s+/g, "")
    .replace(/=\?UTF-8\?B\?(.*?)\?=/gi, (_, b64: string) => Buffer.from(b64, "base64").toString());
  const body = rest.join("\n\n");
  if (/base64/i.test(head))
    return `${words}\n\n${Buffer.from(body.replace(/\s/g, ""), "base64").toString()}`;
  if (/quoted-printable/i.test(head)) return `${words}\n\n${quotedPrintable(body)}`;
  return `${words}\n\n${body}`;
}

const quotedPrintable = (body: string) =>
  Buffer.from(
    body
      .replace(/=\r?\n/g, "")
      .replace(/\r\n/g, "\n")
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      ),
    "latin1",
  ).toString("utf8");
