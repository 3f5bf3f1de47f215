import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { brotliCompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../test/test-server.js";

function origin(server: TestServer) {
  return server.api.replace(/\/api\/v1$/, "");
}

const script = `export const rows = ${JSON.stringify(Array.from({ length: 500 }, (_, i) => `行${i}`))};`;

describe("the built workbench", () => {
  let server: TestServer;
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), "kesu-web-"));

  beforeAll(async () => {
    fs.mkdirSync(path.join(webDir, "assets"));
    fs.writeFileSync(path.join(webDir, "index.html"), "<!doctype html><title>kesu 工作台</title>");
    fs.writeFileSync(path.join(webDir, "assets", "app-abc123.js"), "console.log(1)");
    fs.writeFileSync(path.join(webDir, "assets", "big-abc123.js"), script);
    fs.writeFileSync(path.join(webDir, "assets", "big-abc123.js.br"), brotliCompressSync(script));
    server = await startTestServer({}, { webDir });
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it("serves index.html at / and for any client-side route, never cached", async () => {
    for (const route of ["/", "/queue", "/complaints/5d0c6a3e-0000-4000-8000-000000000000"]) {
      const res = await fetch(`${origin(server)}${route}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(await res.text()).toContain("kesu 工作台");
    }
  });

  it("serves hashed assets as immutable", async () => {
    const res = await fetch(`${origin(server)}/assets/app-abc123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("immutable");
  });

  it("sends the build's brotli copy to a browser that takes it, the file itself to one that does not", async () => {
    const asset = `${origin(server)}/assets/big-abc123.js`;
    const br = await fetch(asset, { headers: { "accept-encoding": "br, gzip" } });
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("cache-control")).toContain("immutable");
    expect(await br.text()).toBe(script); // fetch decodes it
    const plain = await fetch(asset, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it("keeps unknown API paths as problem+json 404s", async () => {
    const res = await fetch(`${server.api}/no-such-thing`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });
});

describe("without a build", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({}, { webDir: path.join(os.tmpdir(), "kesu-no-such-build") });
  });
  afterAll(() => server.close());

  it("answers / with how to build it instead of crashing", async () => {
    for (const route of ["/", "/queue"]) {
      const res = await fetch(`${origin(server)}${route}`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain("npm run build");
    }
  });
});
