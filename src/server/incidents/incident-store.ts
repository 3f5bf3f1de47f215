import { and, desc, eq, getTableColumns, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { complaints, incidentComplaints, incidents, users } from "../../db/schema.js";
import { textShownTo } from "../../domain/customer/masking.js";
import { areaKey, canLinkIncidents, canPublishIncidents } from "../../domain/incident/incident.js";
import { visibleTo } from "../case/visible-complaint.js";
import { notFound } from "../http/app-error.js";
import type { Caller } from "../http/app-types.js";
import type { IncidentDetailDto, IncidentDto } from "./incident.schemas.js";

const {
  createdById: _by,
  updatedById: _upd,
  resolvedById: _res,
  ...columns
} = getTableColumns(incidents);

const person = { id: users.id, displayName: users.displayName, agentNo: users.agentNo };

const complaintCount = sql<number>`(select count(*)::int from ${incidentComplaints} l where l.incident_id = ${incidents.id})`;

/** Incidents with their publisher and the number of complaints linked to each. */
export function selectIncidents(db: Database) {
  return db
    .select({ ...columns, createdBy: person, complaintCount })
    .from(incidents)
    .innerJoin(users, eq(users.id, incidents.createdById))
    .$dynamic();
}
type IncidentRow = Awaited<ReturnType<ReturnType<typeof selectIncidents>["execute"]>>[number];

/** Live and started at `now` (domain/incident `incidentMatches`, spelt for the database). */
export const liveAt = (now: Date): SQL =>
  and(eq(incidents.status, "live"), sql`${incidents.startsAt} <= ${now}`)!;

/** Not about another value than the one asked for: an incident naming none matches any. */
export function matching(filter: {
  category?: string;
  businessType?: string;
  area?: string;
}): SQL | undefined {
  const key = areaKey(filter.area);
  return and(
    filter.category
      ? or(isNull(incidents.category), eq(incidents.category, filter.category))
      : undefined,
    filter.businessType
      ? or(isNull(incidents.businessType), eq(incidents.businessType, filter.businessType))
      : undefined,
    key
      ? or(
          isNull(incidents.area),
          sql`lower(regexp_replace(${incidents.area}, '\\s+', '', 'g')) = ${key}`,
        )
      : undefined,
  );
}

export const newestFirst = [desc(incidents.startsAt), incidents.id];

export function presentIncident(row: IncidentRow, caller: Caller): IncidentDto {
  const live = row.status === "live";
  const publisher = canPublishIncidents(caller.role);
  return {
    ...row,
    allowedActions: [
      ...(live && publisher ? (["edit", "resolve"] as const) : []),
      ...(live && canLinkIncidents(caller.role) ? (["link"] as const) : []),
    ],
  };
}

/** One incident as the caller reads it, or 404. */
export async function readIncident(db: Database, caller: Caller, id: string) {
  const [row] = await selectIncidents(db).where(eq(incidents.id, id));
  if (!row) throw notFound("incident");
  return presentIncident(row, caller);
}

/**
 * The incident with its linked complaints, newest link first: those the caller may see (a
 * department handler only their department's), subjects masked as the role reads them.
 */
export async function readIncidentDetail(
  db: Database,
  caller: Caller,
  id: string,
): Promise<IncidentDetailDto> {
  const incident = await readIncident(db, caller, id);
  const rows = await db
    .select({
      id: complaints.id,
      number: complaints.number,
      subject: complaints.subject,
      status: complaints.status,
      linkedAt: incidentComplaints.linkedAt,
      linkedBy: person,
    })
    .from(incidentComplaints)
    .innerJoin(complaints, eq(complaints.id, incidentComplaints.complaintId))
    .innerJoin(users, eq(users.id, incidentComplaints.linkedById))
    .where(and(eq(incidentComplaints.incidentId, id), visibleTo(caller)))
    .orderBy(desc(incidentComplaints.linkedAt), complaints.number);
  const shown = textShownTo(caller.role);
  return { ...incident, complaints: rows.map((r) => ({ ...r, subject: shown(r.subject) })) };
}
