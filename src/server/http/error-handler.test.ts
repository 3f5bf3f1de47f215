import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../../test/api-client.js";
import { startTestServer, type TestServer } from "../../test/test-server.js";
import { sendProblem } from "./error-handler.js";

// Failures the routes do not name themselves still leave as a 4xx in the caller's language:
// real PostgreSQL errors from a real database, through kesu's error handler over real HTTP.
let server: TestServer;
let probe: FastifyInstance;
let probeClient: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  await server.db.execute(sql`create table error_probe (id int primary key)`);
  await server.db.execute(sql`create table error_probe_ref (id int references error_probe)`);
  probe = Fastify({ logger: false });
  probe.setErrorHandler(sendProblem);
  const routes: Record<string, () => Promise<unknown>> = {
    duplicate: () => server.db.execute(sql`insert into error_probe values (1), (1)`),
    "missing-reference": () => server.db.execute(sql`insert into error_probe_ref values (42)`),
    deadlock: () =>
      server.db.execute(
        sql`do $$ begin raise exception using errcode = 'deadlock_detected'; end $$`,
      ),
    serialization: () =>
      server.db.execute(
        sql`do $$ begin raise exception using errcode = 'serialization_failure'; end $$`,
      ),
  };
  for (const [path, run] of Object.entries(routes)) probe.post(`/${path}`, run);
  await probe.listen({ port: 0, host: "127.0.0.1" });
  probeClient = new ApiClient(`http://127.0.0.1:${(probe.server.address() as AddressInfo).port}`);
}, 60_000);
afterAll(async () => {
  await probe?.close();
  await server?.close();
});

describe("failures no route names", () => {
  it("answers a unique key another request took with 409, asking to retry, and keeps no row", async () => {
    const res = await probeClient.post("/duplicate");
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: "write_conflict",
      title: "与他人同时提交的内容冲突，未保存任何修改，请刷新后重试。",
    });
    const { rows } = await server.db.$client.query("select count(*)::int as n from error_probe");
    expect(rows[0].n).toBe(0);
  });

  it("answers a deadlock and a serialization failure as the same retryable 409", async () => {
    for (const path of ["/deadlock", "/serialization"]) {
      const res = await probeClient.post(path);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe("write_conflict");
    }
  });

  it("names a reference to a missing row as such, in English for an English caller", async () => {
    probeClient.language = "en";
    const res = await probeClient.post("/missing-reference");
    probeClient.language = "zh-CN";
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: "invalid_reference",
      title: "The referenced record does not exist or cannot be used.",
    });
  });

  it("names the size limit of an oversized request body", async () => {
    const client = new ApiClient(server.api);
    const res = await client.post("/session", { username: "x".repeat(1_100_000), password: "x" });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({
      code: "request_too_large",
      title: "提交的内容超过 1 MB 上限。",
    });
  });

  it("says which address was not found", async () => {
    const res = await new ApiClient(server.api).get("/no-such-endpoint");
    expect(res.status).toBe(404);
    expect(res.body.title).toBe("未找到该接口。");
  });
});
