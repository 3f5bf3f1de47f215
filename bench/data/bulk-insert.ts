import type pg from "pg";

/** One column: the row object's key and the table's column it goes to. */
export type ColumnSpec = readonly [key: string, column: string];

/**
 * Many rows in one statement: the batch travels as one JSON document that PostgreSQL turns back
 * into rows of the table's own types (json_populate_recordset), so thousands of rows cost one
 * round trip, one native JSON.stringify and no per-value parameter encoding.
 */
export async function insertRows(
  client: pg.PoolClient,
  table: string,
  columns: readonly ColumnSpec[],
  rows: readonly object[],
) {
  if (rows.length === 0) return;
  const records = rows.map((row) =>
    Object.fromEntries(
      columns.map(([key, column]) => [column, (row as Record<string, unknown>)[key] ?? null]),
    ),
  );
  const names = [...new Set(columns.map(([, column]) => column))].join(", ");
  await client.query(
    `insert into ${table} (${names}) select ${names} from json_populate_recordset(null::${table}, $1::json)`,
    [JSON.stringify(records)],
  );
}

export const customerColumns: readonly ColumnSpec[] = [
  ["id", "id"],
  ["name", "name"],
  ["phone", "phone"],
  ["idNumber", "id_number"],
  ["accountNo", "account_no"],
  ["address", "address"],
  ["createdAt", "created_at"],
  ["updatedAt", "updated_at"],
];

export const complaintColumns: readonly ColumnSpec[] = [
  ["id", "id"],
  ["number", "number"],
  ["kind", "kind"],
  ["channel", "channel"],
  ["sourceType", "source_type"],
  ["sourceHotline", "source_hotline"],
  ["sourceExternalNo", "source_external_no"],
  ["sourceExternalDueAt", "source_external_due_at"],
  ["customerId", "customer_id"],
  ["subject", "subject"],
  ["description", "description"],
  ["demand", "demand"],
  ["demandAmount", "demand_amount"],
  ["category", "category"],
  ["businessType", "business_type"],
  ["causes", "causes"],
  ["severity", "severity"],
  ["complainedEmployee", "complained_employee"],
  ["flags", "flags"],
  ["ownerId", "owner_id"],
  ["status", "status"],
  ["version", "version"],
  ["reopenCount", "reopen_count"],
  ["escalationLevel", "escalation_level"],
  ["resolution", "resolution"],
  ["substantiated", "substantiated"],
  ["responsibility", "responsibility"],
  ["satisfaction", "satisfaction"],
  ["closeReason", "close_reason"],
  ["mergedIntoId", "merged_into_id"],
  ["dueAt", "due_at"],
  ["receivedAt", "received_at"],
  ["createdById", "created_by_id"],
  ["createdAt", "created_at"],
  ["updatedAt", "updated_at"],
  ["closedAt", "closed_at"],
];

export const workOrderColumns: readonly ColumnSpec[] = [
  ["id", "id"],
  ["complaintId", "complaint_id"],
  ["departmentId", "department_id"],
  ["lead", "lead"],
  ["round", "round"],
  ["status", "status"],
  ["dispatchedById", "dispatched_by_id"],
  ["dispatchedAt", "dispatched_at"],
  ["acceptedAt", "accepted_at"],
  ["returnReason", "return_reason"],
  ["result", "result"],
  ["substantiated", "substantiated"],
  ["responsibility", "responsibility"],
  ["completedAt", "completed_at"],
  ["finishedAt", "finished_at"],
];

export const eventColumns: readonly ColumnSpec[] = [
  ["complaintId", "complaint_id"],
  ["type", "type"],
  ["at", "at"],
  ["actorId", "actor_id"],
  ["actorAgentNo", "actor_agent_no"],
  ["actorName", "actor_name"],
  ["customerVisible", "customer_visible"],
  ["data", "data"],
];

export const contactColumns: readonly ColumnSpec[] = [
  ["customerId", "customer_id"],
  ["complaintId", "complaint_id"],
  ["direction", "direction"],
  ["channel", "channel"],
  ["summary", "summary"],
  ["agentId", "agent_id"],
  ["agentNo", "agent_no"],
  ["at", "at"],
];

export const callbackColumns: readonly ColumnSpec[] = [
  ["complaintId", "complaint_id"],
  ["customerId", "customer_id"],
  ["dueAt", "due_at"],
  ["status", "status"],
  ["promisedById", "promised_by_id"],
  ["createdAt", "created_at"],
  ["doneAt", "done_at"],
];
