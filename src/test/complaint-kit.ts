import { expect } from "vitest";
import type { CloseReasonCode } from "../domain/complaint/follow-up-rules.js";
import type { ApiClient } from "./api-client.js";
import { complaintInput, makeComplaint, type Staff } from "./factories.js";
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
/** A new complaint of the client's, dispatched to the departments (the first leads). */
export async function dispatchedComplaint(client: ApiClient, ...departmentIds: string[]) {
  const created = await makeComplaint(client);
  return client.command(created.id, "dispatch", {
    version: created.version,
    departments: departmentIds.map((departmentId) => ({ departmentId })),
  });
}
/** A case of the agent's with an extension of ten days asked for: the case, the request, the date. */
export async function extensionAsked(agent: Staff) {
  const c = await makeComplaint(agent.client, { ownerId: agent.user.id });
  const newDueAt = new Date(new Date(c.dueAt!).getTime() + 10 * DAY).toISOString();
  const asked = await agent.client.post(`/complaints/${c.id}/extension-requests`, {
    newDueAt,
    reason: "需调取外部鉴定",
  });
  return { c, asked, newDueAt };
}
/** The same 400 for a channel not on the channel list as complaint intake answers, in Chinese. */
export async function expectUnknownChannel(client: ApiClient, res: { status: number; body: any }) {
  expect(res.status).toBe(400);
  expect(res.body.errors).toEqual([
    { field: "body.channel", code: "unknown_term", message: "不是有效的字典项" },
  ]);
  const intake = await client.post("/complaints", complaintInput({ channel: "pigeon" }));
  expect(intake.body.errors).toEqual(res.body.errors);
}
/**
 * The owner's finding a close waits for (ours, 属实, unless given): PATCH /complaints/{id} on the
 * version given, answering the complaint after it.
 */
export const recordFinding = (
  client: ApiClient,
  c: Pick<Complaint, "id" | "version">,
  finding: Partial<Pick<Complaint, "responsibility" | "substantiated" | "findingNote">> = {},
) =>
  client.ok<Complaint>("PATCH", `/complaints/${c.id}`, {
    version: c.version,
    responsibility: "company",
    substantiated: true,
    findingNote: "经核查，确系我方差错",
    ...finding,
  });
/**
 * 办结 as the owner does it: the finding first, then the close; the closed complaint. Straight
 * from `replied` (no follow-up visit) it names why: the customer confirmed at the reply, unless given.
 */
export async function closeWithFinding(
  client: ApiClient,
  c: Pick<Complaint, "id" | "version">,
  reason = "客户满意，办结",
  reasonCode: CloseReasonCode = "confirmed_at_reply",
) {
  const judged = await recordFinding(client, c);
  return client.command(c.id, "close", {
    version: judged.version,
    reason,
    ...(judged.status === "replied" && { reasonCode }),
  });
}
