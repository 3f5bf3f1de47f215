import type { ApiResponse } from "./api-client.js";
import { makeComplaint, type Staff } from "./factories.js";
import type { AskRemedyInput, Complaint, Remedy } from "./wire.js";

/** A new case owned by this member of staff, who may then give remedies on it. */
export const ownCase = (staff: Staff, overrides: Record<string, unknown> = {}) =>
  makeComplaint(staff.client, { ownerId: staff.user.id, ...overrides });

/** POST /complaints/{id}/remedies, as is: the answer or its refusal. */
export const askRemedy = (
  staff: Staff,
  complaint: Pick<Complaint, "id">,
  type: AskRemedyInput["type"],
  amount: string,
  reason = "账单多收，按规定退还",
): Promise<ApiResponse<Remedy>> =>
  staff.client.post<Remedy>(`/complaints/${complaint.id}/remedies`, { type, amount, reason });

/** A remedy that must be answered 201: granted or pending. */
export async function remedyOf(...args: Parameters<typeof askRemedy>): Promise<Remedy> {
  const res = await askRemedy(...args);
  if (res.status !== 201) throw new Error(`remedy: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
