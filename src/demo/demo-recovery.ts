// Seed 003's service recovery, told after the stories' complaints are loaded (load-demo.ts): on the
// meter mix-up (story-003) the over-billed ¥400 is refunded on the spot, the ¥10,000 demand for
// mental distress is asked as compensation above the specialist's authority and the supervisor
// rejects it with a note, and the owner records the finding: ours, substantiated.

import type { ComplaintDto } from "../server/complaints/complaint.schemas.js";
import type { RemedyDto } from "../server/remedies/remedy.schemas.js";

/** One request as a demo person (by username), through the API, as load-demo.ts makes them. */
export type DemoAct = <T>(
  by: string,
  method: "GET" | "POST" | "PATCH",
  url: string,
  body?: object,
) => Promise<T>;

export async function tellRecoveryStories(act: DemoAct, complaintIds: ReadonlyMap<string, string>) {
  const id = complaintIds.get("story-003");
  if (!id) return;
  const at = `/complaints/${id}`;
  await act<RemedyDto>("specialist3", "POST", `${at}/remedies`, {
    type: "refund",
    amount: "400.00",
    reason: "换表串户多收电费，按实际用电退还",
  });
  const demand = await act<RemedyDto>("specialist3", "POST", `${at}/remedies`, {
    type: "compensation",
    amount: "10000.00",
    reason: "客户要求赔偿精神损失一万元，超出本人权限，报主管审批",
  });
  await act("supervisor2", "POST", `/remedies/${demand.id}/reject`, {
    note: "精神损失赔偿无法律和制度依据，不予支持；由主管约见客户当面说明政策。",
  });
  const c = await act<ComplaintDto>("specialist3", "GET", at);
  await act("specialist3", "PATCH", at, {
    version: c.version,
    responsibility: "company",
    substantiated: true,
    findingNote: "批量换表工程中电表与隔壁单位串户，多收电费系我方差错；精神损失索赔无依据。",
  });
}
