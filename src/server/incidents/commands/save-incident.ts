import { and, eq } from "drizzle-orm";
import type { Tx } from "../../../db/client.js";
import { incidents } from "../../../db/schema.js";
import { canPublishIncidents, isValidIncidentPeriod } from "../../../domain/incident/incident.js";
import { recordAudit } from "../../audit/record-audit.js";
import { AppError, fieldInvalid, forbidden, versionConflict } from "../../http/app-error.js";
import type { Acting } from "../../http/app-types.js";
import { assertTerms } from "../../taxonomy/active-terms.js";
import type { CreateIncidentInput, UpdateIncidentInput } from "../incident.schemas.js";

type Codes = { category?: string | null; businessType?: string | null };

/** The list codes it names must be active entries of their lists (`unknown_term` otherwise). */
async function assertCodes(tx: Tx, { category, businessType }: Codes) {
  await assertTerms(tx, [
    ...(category !== undefined
      ? [{ list: "category" as const, field: "body.category", codes: [category] }]
      : []),
    ...(businessType !== undefined
      ? [{ list: "business_type" as const, field: "body.businessType", codes: [businessType] }]
      : []),
  ]);
}

/** A supervisor or admin publishes an incident (发布服务公告): live from the start, audited. */
export async function publishIncident(
  { db, caller, clock }: Acting,
  input: CreateIncidentInput,
): Promise<string> {
  if (!canPublishIncidents(caller.role)) throw forbidden();
  if (!isValidIncidentPeriod(input)) throw fieldInvalid("body.endsAt", "invalid_period");
  return db.transaction(async (tx) => {
    await assertCodes(tx, input);
    const now = clock.now();
    const [row] = await tx
      .insert(incidents)
      .values({
        ...input,
        createdById: caller.id,
        createdAt: now,
        updatedById: caller.id,
        updatedAt: now,
      })
      .returning({ id: incidents.id });
    await recordAudit(tx, caller, "create", "incident", row!.id, { ...input });
    return row!.id;
  });
}

/** Edits a live incident on the version the editor saw (409 otherwise); a resolved one is final. */
export async function updateIncident(
  { db, caller, clock }: Acting,
  id: string,
  { version, ...input }: UpdateIncidentInput,
): Promise<void> {
  if (!canPublishIncidents(caller.role)) throw forbidden();
  await db.transaction(async (tx) => {
    const current = await lockIncident(tx, id);
    if (current.version !== version) throw versionConflict(current.version, "incident");
    if (current.status !== "live") throw new AppError("incident_resolved");
    const period = {
      startsAt: input.startsAt ?? current.startsAt,
      endsAt: input.endsAt === undefined ? current.endsAt : input.endsAt,
    };
    if (!isValidIncidentPeriod(period)) throw fieldInvalid("body.endsAt", "invalid_period");
    await assertCodes(tx, input);
    await tx
      .update(incidents)
      .set({ ...input, version: version + 1, updatedById: caller.id, updatedAt: clock.now() })
      .where(and(eq(incidents.id, id), eq(incidents.version, version)));
    await recordAudit(tx, caller, "update", "incident", id, { version, ...input });
  });
}

/** The incident's row locked for a change (link, edit, resolve), or 404. */
export async function lockIncident(tx: Tx, id: string) {
  const [row] = await tx.select().from(incidents).where(eq(incidents.id, id)).for("update");
  if (!row) throw new AppError("not_found", { entity: "incident" });
  return row;
}
