import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema.js";
import { ApiClient } from "../../test/api-client.js";
import { PASSWORD } from "../../test/factories.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld({ env: { KESU_LOGIN_ATTEMPTS: "2" } });

describe("managing staff", () => {
  it("creates a user with an agent number and records who did it in the audit log", async () => {
    const department = await world.department({ name: "信用卡中心", code: "CARDS" });
    const res = await world.admin.post("/users", {
      username: "zhaolei",
      displayName: "赵磊",
      agentNo: "3002",
      password: PASSWORD,
      role: "department_handler",
      departmentId: department.id,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      username: "zhaolei",
      agentNo: "3002",
      departmentId: department.id,
      active: true,
    });
    const audit = await world.server.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, res.body.id));
    expect(audit).toEqual([
      expect.objectContaining({ action: "create", entity: "user", actorAgentNo: "0001" }),
    ]);
  });

  it("refuses a second user with a taken username or agent number, naming the field", async () => {
    const { user } = await world.staff("agent");
    const sameAgentNo = await world.admin.post("/users", {
      username: "someone-new",
      displayName: "新人",
      agentNo: user.agentNo,
      password: PASSWORD,
      role: "agent",
    });
    expect(sameAgentNo.status).toBe(409);
    expect(sameAgentNo.body).toMatchObject({
      code: "duplicate",
      title: `工号“${user.agentNo}”已存在。`,
    });
    const sameName = await world.admin.post("/users", {
      username: user.username,
      displayName: "新人",
      agentNo: "77777",
      password: PASSWORD,
      role: "agent",
    });
    expect(sameName.body.title).toBe(`用户名“${user.username}”已存在。`);
  });

  it("refuses a department handler without a department", async () => {
    const res = await world.admin.post("/users", {
      username: "nodept",
      displayName: "无部门",
      agentNo: "66666",
      password: PASSWORD,
      role: "department_handler",
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        field: "body.departmentId",
        code: "department_required",
        message: "部门处理人必须属于一个部门",
      },
    ]);
  });

  it("ends the user's sessions and lifts a lockout when an admin resets the password", async () => {
    const staff = await world.staff("agent");
    const stranger = new ApiClient(world.server.api);
    for (let i = 0; i < 2; i++)
      await stranger.post("/session", { username: staff.user.username, password: "guess-guess" });
    expect(
      (await stranger.post("/session", { username: staff.user.username, password: PASSWORD }))
        .status,
    ).toBe(429);

    const reset = await world.admin.patch(`/users/${staff.user.id}`, {
      password: "new-password-1",
    });
    expect(reset.status).toBe(200);
    expect((await staff.client.get("/session")).status).toBe(401);
    expect(
      (
        await stranger.post("/session", {
          username: staff.user.username,
          password: "new-password-1",
        })
      ).status,
    ).toBe(200);
  });

  it("lets nobody sign in, or use an old session, after deactivation", async () => {
    const staff = await world.staff("agent");
    expect(
      (await world.admin.patch(`/users/${staff.user.id}`, { active: false })).body.active,
    ).toBe(false);
    expect((await staff.client.get("/session")).status).toBe(401);
    const again = await new ApiClient(world.server.api).post("/session", {
      username: staff.user.username,
      password: PASSWORD,
    });
    expect(again.status).toBe(401);
  });
});
