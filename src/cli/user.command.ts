import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Database } from "../db/client.js";
import { departments, users } from "../db/schema.js";
import { recordAudit } from "../server/audit/record-audit.js";
import { hashPassword } from "../server/auth/secrets.js";
import { createUser as createStaffAccount } from "../server/staff/commands/create-user.js";
import { endSessionsAfterReset } from "../server/staff/end-access.js";
import { presentUser } from "../server/staff/user.presenter.js";
import { createUserBody, type UserDto } from "../server/staff/user.schemas.js";
import { print, withDatabase } from "./cli-database.js";
import { CliError, required } from "./cli-error.js";

export interface NewUser {
  username: string;
  displayName: string;
  agentNo: string;
  role: string;
  departmentCode?: string;
  password?: string;
}

export interface CreatedUser extends UserDto {
  departmentCode: string | null;
  /** Shown once: generated when none was given. */
  password: string;
  generated: boolean;
}

// The options people type, so a validation problem names what they can fix.
const optionOf: Record<string, string> = {
  username: "--username",
  displayName: "--name",
  agentNo: "--agent-no",
  role: "--role",
  password: "--password",
};

const generatedPassword = () => randomBytes(9).toString("base64url");

/** The same rules as the admin API's create-user body, so the CLI cannot make a user the UI could not. */
function checkedUser(input: NewUser, password: string): z.infer<typeof createUserBody> {
  const parsed = createUserBody.safeParse({ ...input, password });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (i) => `${optionOf[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`,
  );
  throw new CliError(`参数无效：${problems.join("；")}`, `invalid value: ${problems.join("; ")}`);
}

async function departmentIdOf(db: Database, code: string | undefined): Promise<string | null> {
  if (code === undefined) return null;
  const [found] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(eq(departments.code, code));
  if (!found)
    throw new CliError(
      `部门编码“${code}”不存在（可用 kesu department create 创建）`,
      `no department with code “${code}” (create it with kesu department create)`,
    );
  return found.id;
}

/** The account through the same command as the admin API; a taken username or agent number is refused. */
export async function createUser(db: Database, input: NewUser): Promise<CreatedUser> {
  const password = input.password ?? generatedPassword();
  const body = checkedUser(input, password);
  // A handler without a department has an empty inbox and sees no case: not a usable account.
  if (body.role === "department_handler" && input.departmentCode === undefined)
    throw new CliError(
      "部门处理人必须指定 --department",
      "a department_handler needs --department",
    );
  const departmentId = await departmentIdOf(db, input.departmentCode);
  const row = await createStaffAccount({
    db,
    caller: null,
    body: { ...body, departmentId },
    via: "cli",
  });
  return {
    ...presentUser(row),
    departmentCode: input.departmentCode ?? null,
    password,
    generated: input.password === undefined,
  };
}

export interface PasswordReset {
  username: string;
  password: string;
  generated: boolean;
  sessionsEnded: number;
  active: boolean;
}

/** New password, every signed-in session of the user ended, and the audit row, together. */
export async function resetPassword(
  db: Database,
  username: string,
  givenPassword?: string,
): Promise<PasswordReset> {
  const password = givenPassword ?? generatedPassword();
  if (password.length < 8 || password.length > 200)
    throw new CliError("--password 长度须为 8–200 个字符", "--password must be 8–200 characters");
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ passwordHash, updatedAt: new Date() })
      .where(eq(users.username, username))
      .returning({ id: users.id, username: users.username, active: users.active });
    if (!user) throw new CliError(`用户“${username}”不存在`, `no user named “${username}”`);
    const sessionsEnded = await endSessionsAfterReset(tx, user);
    await recordAudit(tx, null, "reset_password", "user", user.id, {
      sessionsEnded,
      via: "cli",
    });
    return {
      username,
      password,
      generated: givenPassword === undefined,
      sessionsEnded,
      active: user.active,
    };
  });
}

function printPassword(password: string, generated: boolean) {
  if (generated) {
    print(`  初始密码 / Password: ${password}`);
    print(
      "  （只显示这一次，请转交本人并提醒登录后修改 / shown only once; hand it over securely）",
    );
  } else {
    print("  密码 / Password: 已按 --password 设置 / set from --password");
  }
}

export async function runUserCreate(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: "string" },
      name: { type: "string" },
      "agent-no": { type: "string" },
      role: { type: "string" },
      department: { type: "string" },
      password: { type: "string" },
    },
  });
  const input: NewUser = {
    username: required(values.username, "username"),
    displayName: required(values.name, "name"),
    agentNo: required(values["agent-no"], "agent-no"),
    role: required(values.role, "role"),
    departmentCode: values.department,
    password: values.password,
  };
  const user = await withDatabase(({ db }) => createUser(db, input));
  const department = user.departmentCode ? `  部门 / department ${user.departmentCode}` : "";
  print(
    `已创建用户 / User created: ${user.username}（${user.displayName}）` +
      `  工号 / agent no. ${user.agentNo}  角色 / role ${user.role}${department}`,
  );
  printPassword(user.password, user.generated);
}

export async function runUserResetPassword(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { password: { type: "string" } },
  });
  if (positionals.length !== 1)
    throw new CliError(
      "请给出一个用户名：kesu user reset-password USERNAME",
      "give one username: kesu user reset-password USERNAME",
    );
  const username = positionals[0]!;
  const reset = await withDatabase(({ db }) => resetPassword(db, username, values.password));
  print(
    `已重置密码 / Password reset: ${reset.username}` +
      `  已结束 ${reset.sessionsEnded} 个登录会话 / ${reset.sessionsEnded} session(s) ended`,
  );
  if (!reset.active) print("  注意：该账号已停用 / note: this account is deactivated");
  printPassword(reset.password, reset.generated);
}
