import type { z } from "zod";
import type { Database } from "../../../db/client.js";
import { users } from "../../../db/schema.js";
import { recordAudit } from "../../audit/record-audit.js";
import { hashPassword } from "../../auth/secrets.js";
import type { Caller } from "../../http/app-types.js";
import { rejectingDuplicates } from "../../http/unique-violation.js";
import type { createUserBody } from "../user.schemas.js";
import {
  assertDepartmentExists,
  assertHandlerHasDepartment,
  uniqueUserFields,
} from "../user-checks.js";

export interface CreateUser {
  db: Database;
  /** The admin who creates the account; null for the command line and the first admin. */
  caller: Caller | null;
  body: z.infer<typeof createUserBody>;
  /** Recorded in the audit row when the account did not come through the API. */
  via?: "cli";
}

/**
 * A staff account and its audit row in one transaction, the same from the admin API, the command
 * line and the demo loader; a taken username or agent number is a 409 naming it.
 */
export async function createUser({ db, caller, body, via }: CreateUser) {
  const { password, departmentId = null, ...fields } = body;
  assertHandlerHasDepartment(fields.role, departmentId);
  await assertDepartmentExists(db, departmentId);
  const passwordHash = await hashPassword(password);
  return rejectingDuplicates(
    () =>
      db.transaction(async (tx) => {
        const [row] = await tx
          .insert(users)
          .values({ ...fields, departmentId, passwordHash })
          .returning();
        await recordAudit(tx, caller, "create", "user", row!.id, {
          ...fields,
          departmentId,
          ...(via && { via }),
        });
        return row!;
      }),
    uniqueUserFields(body),
  );
}
