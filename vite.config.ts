import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./web-build/precompress.js";

// The workbench (and the customer portal beside it) is built into dist/web and served by the kesu server itself; `npm run dev:web`
// proxies the API to a kesu running on :3000 for hot reload.
export default defineConfig({
  root: "src/web",
  plugins: [react(), precompress()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // The customer portal is a page of its own with its own small bundle (src/web/portal).
    rollupOptions: {
      input: { main: resolve("src/web/index.html"), portal: resolve("src/web/portal/index.html") },
      // Libraries every page needs, each in one long-cached chunk whose name and hash do not move
      // with the app's code: React (the portal's too), and the workbench's router, i18n and query
      // cache. Fewer, larger chunks also gzip smaller than the many small ones they replace.
      output: {
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            {
              name: "vendor",
              test: /node_modules[\\/](react-router|i18next|react-i18next|@tanstack[\\/](query-core|react-query))[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
