import { describe, expect, it } from "vitest";
import { ApiClient } from "../../test/api-client.js";
import { complaintInput, PASSWORD } from "../../test/factories.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld({ env: { KESU_LOGIN_ATTEMPTS: "3" } });

describe("signing in", () => {
  it("sets an HttpOnly SameSite=Lax cookie and returns the user with agent number", async () => {
    const client = new ApiClient(world.server.api);
    const res = await client.post("/session", { username: "admin", password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: "admin", agentNo: "0001", role: "admin" });
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await client.get("/session")).body.user.username).toBe("admin");
  });

  it("names the center's time zone, whose days the reports count", async () => {
    const client = new ApiClient(world.server.api);
    const signIn = await client.post("/session", { username: "admin", password: PASSWORD });
    expect(signIn.body.center).toEqual({ timeZone: "Asia/Shanghai" });
    expect((await client.get("/session")).body.center).toEqual({ timeZone: "Asia/Shanghai" });
  });

  it("refuses a wrong password with a message in the caller's language", async () => {
    const client = new ApiClient(world.server.api);
    const zh = await client.post("/session", { username: "admin", password: "wrong-password" });
    expect(zh.status).toBe(401);
    expect(zh.headers.get("content-type")).toContain("application/problem+json");
    expect(zh.body).toMatchObject({ code: "invalid_credentials", title: "用户名或密码错误。" });
    client.language = "en";
    const en = await client.post("/session", { username: "admin", password: "wrong-password" });
    expect(en.body.title).toBe("Wrong username or password.");
  });

  it("locks a username out after repeated failures, even with the right password", async () => {
    const { user } = await world.staff("agent");
    const client = new ApiClient(world.server.api);
    for (let i = 0; i < 3; i++)
      expect(
        (await client.post("/session", { username: user.username, password: "nope-nope" })).status,
      ).toBe(401);
    const locked = await client.post("/session", { username: user.username, password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe("too_many_attempts");
  });

  it("ends the session on sign-out", async () => {
    const { client } = await world.staff("agent");
    expect((await client.delete("/session")).status).toBe(204);
    const after = await client.get("/session");
    expect(after.status).toBe(401);
    expect(after.body.code).toBe("unauthenticated");
  });

  it("refuses a session past its expiry", async () => {
    const { client, user } = await world.staff("agent");
    expect((await client.get("/session")).status).toBe(200);
    // Its expiry moved into the past in the database: the cookie itself is unchanged.
    await world.server.db.$client.query(
      "update sessions set expires_at = now() - interval '1 second' where user_id = $1",
      [user.id],
    );
    const after = await client.get("/session");
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ code: "unauthenticated", title: "请先登录。" });
    expect((await client.post("/complaints", complaintInput())).status).toBe(401);
  });

  it("refuses a state-changing request from another site's origin", async () => {
    const { client } = await world.staff("agent");
    const res = await client.post("/tokens", { name: "x" }, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("cross_site_request");
  });
});

describe("API tokens", () => {
  it("lets an integration act as the user with a bearer token until revoked", async () => {
    const { client, user } = await world.staff("agent");
    const issued = await client.post("/tokens", { name: "CTI" });
    expect(issued.status).toBe(201);
    expect(issued.body.token).toMatch(/^kesu_/);
    const integration = new ApiClient(world.server.api);
    integration.bearer = issued.body.token;
    expect((await integration.get("/session")).body.user.id).toBe(user.id);
    expect((await client.delete(`/tokens/${issued.body.id}`)).status).toBe(204);
    const revoked = await integration.get("/session");
    expect(revoked.status).toBe(401);
    expect(revoked.body).toMatchObject({ code: "unauthenticated", title: "请先登录。" });
    // The person's own session is not the token: it still works.
    expect((await client.get("/session")).status).toBe(200);
  });
});
