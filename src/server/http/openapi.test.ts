import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../test/test-server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const contract = [
  "post /api/v1/session",
  "get /api/v1/session",
  "delete /api/v1/session",
  "post /api/v1/tokens",
  "get /api/v1/departments",
  "post /api/v1/departments",
  "get /api/v1/users",
  "post /api/v1/users",
  "patch /api/v1/users/{id}",
  "get /api/v1/customers",
  "post /api/v1/customers",
  "get /api/v1/customers/{id}",
  "post /api/v1/complaints",
  "get /api/v1/complaints",
  "get /api/v1/complaints/{id}",
  "patch /api/v1/complaints/{id}",
  ...[
    "assign",
    "dispatch",
    "reply",
    "follow-up",
    "close",
    "reopen",
    "escalate",
    "upgrade",
    "withdraw",
    "merge",
    "note",
    "contact",
    "callback",
  ].map((command) => `post /api/v1/complaints/{id}/${command}`),
  "get /api/v1/work-orders",
  "post /api/v1/work-orders/{id}/accept",
  "post /api/v1/work-orders/{id}/return",
  "post /api/v1/work-orders/{id}/result",
  "post /api/v1/complaints/{id}/attachments",
  "get /api/v1/attachments/{id}",
];

describe("API documentation", () => {
  it("publishes an OpenAPI 3.1 document, without signing in, covering the contract's paths", async () => {
    const res = await fetch(`${server.api}/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe("3.1.0");
    const published = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m} ${path}`),
    );
    expect(published).toEqual(expect.arrayContaining(contract));
  });

  it("documents request bodies from the same schemas that validate them", async () => {
    // Only the part of the document this test reads.
    type JsonSchema = { properties: Record<string, { enum?: string[] }>; required: string[] };
    type Body = { content: Record<string, { schema: JsonSchema }> };
    const doc = (await (await fetch(`${server.api}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { requestBody: Body }>>;
    };
    const create =
      doc.paths["/api/v1/complaints"]!.post!.requestBody.content["application/json"]!.schema;
    expect(create.properties.kind?.enum).toEqual([
      "inquiry",
      "complaint",
      "help",
      "report",
      "suggestion",
    ]);
    expect(create.required).toEqual(
      expect.arrayContaining(["kind", "channel", "subject", "description"]),
    );
  });

  it("serves browsable docs at /api/docs", async () => {
    const res = await fetch(server.api.replace("/api/v1", "/api/docs/"));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("swagger");
  });
});
