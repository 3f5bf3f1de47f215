import type { ApiClient } from "./api-client.js";
import type { Complaint } from "./wire.js";

export const DAY = 86_400_000;
/** Any Chinese character: a message in the user's language. */
export const HAN = /[\u4e00-\u9fff]/;

/** A complaint's page as the client reads it. */
export const getComplaint = async (client: ApiClient, id: string) =>
  (await client.get<Complaint>(`/complaints/${id}`)).body;
/** The types of its timeline's events, in order. */
export const eventTypes = (complaint: Complaint) => complaint.timeline.map((e) => e.type);
/**
 * The bank policy kesu starts with: a reply within 15 calendar days, due at the end of that
 * day in Shanghai.
 */
export const endOfShanghaiDayAfter = (received: string, days: number) => {
  const date = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(
    new Date(new Date(received).getTime() + days * DAY),
  );
  return new Date(`${date}T23:59:59.999+08:00`).toISOString();
};
/** Today's date in the complaint numbers' timezone, e.g. 20261123. */
export const shanghaiDate = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" })
    .format(new Date())
    .replaceAll("-", "");
