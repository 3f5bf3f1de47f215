import fs from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Plugin } from "vite";

/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every script, style sheet and page of the
 * build, compressed once at their best settings, which kesu's static files serve to browsers that
 * accept them (`preCompressed` in src/server/web/web-app.plugin.ts): the workbench then travels at
 * a quarter of its size without the server compressing anything per request.
 */
export function precompress(): Plugin {
  let outDir = "";
  return {
    name: "kesu-precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle(_options, bundle) {
      for (const file of [...Object.keys(bundle), "index.html"]) {
        if (!/\.(js|css|html)$/.test(file)) continue;
        const full = path.join(outDir, file);
        if (!fs.existsSync(full)) continue;
        const body = fs.readFileSync(full);
        if (body.length < MIN_BYTES) continue;
        fs.writeFileSync(`${full}.gz`, gzipSync(body, { level: 9 }));
        fs.writeFileSync(
          `${full}.br`,
          brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}
