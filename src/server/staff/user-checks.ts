import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { departments } from "../../db/schema.js";
import { fieldInvalid, invalidReference } from "../http/app-error.js";

/** A department handler without a department has an empty inbox and sees no case: not a usable account. */
export function assertHandlerHasDepartment(role: string, departmentId: string | null) {
  if (role === "department_handler" && !departmentId)
    throw fieldInvalid("body.departmentId", "department_required");
}

/** Which unique index names which field, for the 409 a taken username or agent number gets. */
export function uniqueUserFields(body: { username?: string; agentNo?: string }) {
  return {
    users_username_unique: { field: "username" as const, value: body.username },
    users_agent_no_unique: { field: "agentNo" as const, value: body.agentNo },
  };
}

export async function assertDepartmentExists(db: Database, departmentId: string | null) {
  if (!departmentId) return;
  const [found] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(eq(departments.id, departmentId));
  if (!found) throw invalidReference("department");
}
