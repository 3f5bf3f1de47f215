import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import { AppError } from "../http/app-error.js";
import type { App } from "../http/app-types.js";

/** `dist/web` of the checkout, from both `src/server/web` (tsx, tests) and `dist/server/web`. */
export const defaultWebDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../dist/web",
);

const missingBuild = `<!doctype html><meta charset="utf-8"><title>kesu</title>
<p>kesu 工作台尚未构建 / the kesu workbench has not been built.</p>
<p>Run <code>npm run build</code> (or <code>npm install</code>), then reload. The API is at <a href="/api/docs">/api/docs</a>.</p>`;

/**
 * The agent workbench: the built single-page app at `/`, with every other non-API GET answered by
 * index.html so the client-side router can take deep links (/complaints/…) on reload.
 */
export async function webAppPlugin(app: App, { webDir = defaultWebDir }: { webDir?: string }) {
  const built = fs.existsSync(path.join(webDir, "index.html"));
  if (built) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      // The build writes .br and .gz copies of its scripts and pages (web-build/precompress.ts).
      preCompressed: true,
      // Vite names assets by content hash, so they never change; index.html must always be fresh.
      setHeaders(res, filePath) {
        res.header(
          "cache-control",
          filePath.includes(`${path.sep}assets${path.sep}`)
            ? "public, max-age=31536000, immutable"
            : "no-cache",
        );
      },
    });
  }
  app.get("/*", { schema: { hide: true } }, (request, reply) => {
    // Unknown API paths stay problem+json 404s rather than turning into the app's HTML.
    if (request.url.startsWith("/api/")) throw new AppError("not_found", { entity: "endpoint" });
    if (!built) return reply.code(503).type("text/html; charset=utf-8").send(missingBuild);
    // The customer portal is its own page and bundle, never the workbench's.
    const page = /^\/portal(\/|\?|$)/.test(request.url) ? "portal/index.html" : "index.html";
    return reply.header("cache-control", "no-cache").sendFile(page);
  });
  if (!built)
    app.get("/", { schema: { hide: true } }, (_request, reply) =>
      reply.code(503).type("text/html; charset=utf-8").send(missingBuild),
    );
}
