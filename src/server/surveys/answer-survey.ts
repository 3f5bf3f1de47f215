import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { complaints, surveys } from "../../db/schema.js";
import type { Satisfaction } from "../../domain/complaint/complaint-lifecycle.js";
import { appendTimeline } from "../case/timeline.js";
import { portalCaller, secretHash } from "../customer-messages/customer-messaging.js";
import { AppError, notFound } from "../http/app-error.js";
import { notifyUsers } from "../notifications/notify.js";
import { stopClocks } from "../sla/clock-effects.js";

/** The survey behind a link, for its form: which case, and whether it was answered. */
export async function surveyOf(db: Database, token: string) {
  const [row] = await db
    .select({ number: complaints.number, answeredAt: surveys.answeredAt })
    .from(surveys)
    .innerJoin(complaints, eq(complaints.id, surveys.complaintId))
    .where(eq(surveys.tokenHash, secretHash(token)));
  if (!row) throw notFound("survey");
  return { number: row.number, answered: row.answeredAt !== null };
}

/**
 * Records the customer's 满意度 once, on the case too (so the 满意率 counts it). On a replied case
 * 满意/基本满意 is its follow-up (回访) done; 不满意 leaves the follow-up open and tells the owner
 * to call the customer back, who decides on 重办, as a call center's 回访 does.
 */
export async function answerSurvey(
  db: Database,
  token: string,
  answer: { satisfaction: Satisfaction; comment?: string | undefined },
  now: Date,
) {
  const portal = await portalCaller(db);
  await db.transaction(async (tx) => {
    const [survey] = await tx
      .select()
      .from(surveys)
      .where(eq(surveys.tokenHash, secretHash(token)))
      .for("update");
    if (!survey) throw notFound("survey");
    if (survey.answeredAt) throw new AppError("survey_answered");
    await tx
      .update(surveys)
      .set({ answeredAt: now, satisfaction: answer.satisfaction, comment: answer.comment ?? null })
      .where(eq(surveys.tokenHash, survey.tokenHash));
    const [c] = await tx
      .select()
      .from(complaints)
      .where(eq(complaints.id, survey.complaintId))
      .for("update");
    const content = answer.satisfaction !== "dissatisfied";
    const followedUp = c!.status === "replied" && content;
    await tx
      .update(complaints)
      .set({
        satisfaction: answer.satisfaction,
        ...(followedUp && { status: "followed_up" as const }),
        version: c!.version + 1,
        updatedAt: now,
      })
      .where(eq(complaints.id, c!.id));
    if (followedUp) await stopClocks(tx, { complaintId: c!.id, names: ["followUp"] }, now);
    const data = {
      satisfaction: answer.satisfaction,
      comment: answer.comment ?? null,
      via: "survey",
    };
    await appendTimeline(tx, portal, c!.id, [
      { type: followedUp ? "followed_up" : "survey_answered", data },
    ]);
    if (!content && c!.ownerId)
      await notifyUsers(tx, [c!.ownerId], c!, ["survey_dissatisfied"], data);
  });
}
