import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, sessions, users } from "../db/schema.js";
import { ApiClient } from "../test/api-client.js";
import { startTestServer, type TestServer } from "../test/test-server.js";
import { CliError } from "./cli-error.js";
import { createDepartment } from "./department.command.js";
import { createUser, resetPassword } from "./user.command.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function signIn(username: string, password: string) {
  const client = new ApiClient(server.api);
  const res = await client.post("/session", { username, password });
  return { client, status: res.status, body: res.body };
}

describe("kesu user create", () => {
  it("creates a user who can sign in over HTTP with the generated password", async () => {
    await createDepartment(server.db, { code: "card", name: "信用卡中心" });
    const created = await createUser(server.db, {
      username: "wangfang",
      displayName: "王芳",
      agentNo: "1023",
      role: "department_handler",
      departmentCode: "card",
    });
    expect(created.generated).toBe(true);
    expect(created.password.length).toBeGreaterThanOrEqual(12);
    const { status, body } = await signIn("wangfang", created.password);
    expect(status).toBe(200);
    expect(body.user).toMatchObject({
      username: "wangfang",
      displayName: "王芳",
      agentNo: "1023",
      role: "department_handler",
    });
    expect(body.user.departmentId).not.toBeNull();
  });

  it("records who was created in the audit log, with no actor", async () => {
    const created = await createUser(server.db, {
      username: "audited",
      displayName: "审计",
      agentNo: "1030",
      role: "agent",
      password: "given-password-1",
    });
    expect(created.generated).toBe(false);
    const rows = await server.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "create", entity: "user", actorId: null });
    expect(rows[0]!.data).toMatchObject({ username: "audited", agentNo: "1030", via: "cli" });
    expect(JSON.stringify(rows[0]!.data)).not.toContain("given-password-1");
  });

  it("refuses a second user with the same agent number, naming it in both languages", async () => {
    await createUser(server.db, {
      username: "first",
      displayName: "甲",
      agentNo: "2024",
      role: "agent",
    });
    const error = await createUser(server.db, {
      username: "second",
      displayName: "乙",
      agentNo: "2024",
      role: "agent",
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "duplicate" });
    expect((error as { localized(l: string): string }).localized("zh-CN")).toBe(
      "工号“2024”已存在。",
    );
    expect(await server.db.select().from(users).where(eq(users.username, "second"))).toHaveLength(
      0,
    );
  });

  it("refuses an unknown role, an unknown department and a handler without one", async () => {
    const base = { username: "x1", displayName: "某", agentNo: "9901" };
    await expect(createUser(server.db, { ...base, role: "boss" })).rejects.toThrow(/--role/);
    await expect(
      createUser(server.db, { ...base, role: "agent", departmentCode: "nope" }),
    ).rejects.toBeInstanceOf(CliError);
    await expect(createUser(server.db, { ...base, role: "department_handler" })).rejects.toThrow(
      /--department/,
    );
  });
});

describe("kesu user reset-password", () => {
  it("ends the user's sessions, and only the new password works", async () => {
    const created = await createUser(server.db, {
      username: "resetme",
      displayName: "重置",
      agentNo: "3050",
      role: "agent",
    });
    const before = await signIn("resetme", created.password);
    expect((await before.client.get("/session")).status).toBe(200);

    const reset = await resetPassword(server.db, "resetme");
    expect(reset).toMatchObject({ generated: true, sessionsEnded: 1 });
    expect(reset.password).not.toBe(created.password);

    expect((await before.client.get("/session")).status).toBe(401);
    expect((await signIn("resetme", created.password)).status).toBe(401);
    const after = await signIn("resetme", reset.password);
    expect(after.status).toBe(200);
    const remaining = await server.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, created.id));
    expect(remaining).toHaveLength(1);
    const audit = await server.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audit.map((a) => a.action)).toEqual(["create", "reset_password"]);
  });

  it("says so when the user does not exist", async () => {
    await expect(resetPassword(server.db, "ghost")).rejects.toMatchObject({
      zh: "用户“ghost”不存在",
    });
  });
});

describe("kesu department create", () => {
  it("refuses a duplicate code", async () => {
    await createDepartment(server.db, { code: "billing", name: "计费中心" });
    await expect(
      createDepartment(server.db, { code: "billing", name: "另一个" }),
    ).rejects.toMatchObject({ code: "duplicate" });
  });
});
