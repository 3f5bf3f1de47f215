/** How the SMS gateway is called: SMS_URL, SMS_BODY, SMS_FORMAT and SMS_AUTHORIZATION. */
export interface SmsGateway {
  url: string;
  body: string;
  format: "json" | "form";
  authorization?: string | undefined;
}

/**
 * The gateway call for one message: {to} and {text} in the body template, each escaped for the
 * format (a JSON string's content, or a form value), so any provider's layout can be written.
 */
export function smsRequest(gateway: SmsGateway, message: { to: string; text: string }) {
  const escaped =
    gateway.format === "json"
      ? (v: string) => JSON.stringify(v).slice(1, -1)
      : (v: string) => encodeURIComponent(v);
  const body = gateway.body.replace(/\{(to|text)\}/g, (_, key: "to" | "text") =>
    escaped(message[key]),
  );
  const headers: Record<string, string> = {
    "content-type":
      gateway.format === "json" ? "application/json" : "application/x-www-form-urlencoded",
  };
  if (gateway.authorization) headers.authorization = gateway.authorization;
  return { url: gateway.url, headers, body };
}
