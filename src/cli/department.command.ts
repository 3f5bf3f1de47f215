import { parseArgs } from "node:util";
import type { Database } from "../db/client.js";
import { departments } from "../db/schema.js";
import { recordAudit } from "../server/audit/record-audit.js";
import { rejectingDuplicates } from "../server/http/unique-violation.js";
import { createDepartmentBody } from "../server/staff/user.schemas.js";
import { print, withDatabase } from "./cli-database.js";
import { CliError, required } from "./cli-error.js";

export interface CreatedDepartment {
  id: string;
  code: string;
  name: string;
}

/** The department and its audit row together; codes follow the admin API's rules. */
export async function createDepartment(
  db: Database,
  input: { code: string; name: string },
): Promise<CreatedDepartment> {
  const parsed = createDepartmentBody.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`);
    throw new CliError(`参数无效：${problems.join("；")}`, `invalid value: ${problems.join("; ")}`);
  }
  const body = parsed.data;
  return rejectingDuplicates(
    () =>
      db.transaction(async (tx) => {
        const [row] = await tx.insert(departments).values(body).returning();
        await recordAudit(tx, null, "create", "department", row!.id, { ...body, via: "cli" });
        return { id: row!.id, code: row!.code, name: row!.name };
      }),
    { departments_code_unique: { field: "code", value: body.code } },
  );
}

export async function runDepartmentCreate(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { code: { type: "string" }, name: { type: "string" } },
  });
  const input = { code: required(values.code, "code"), name: required(values.name, "name") };
  const created = await withDatabase(({ db }) => createDepartment(db, input));
  print(`已创建部门 / Department created: ${created.code}  ${created.name}`);
}
