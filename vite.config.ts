import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./web-build/precompress.js";

// The workbench is built into dist/web and served by the kesu server itself; `npm run dev:web`
// proxies the API to a kesu running on :3000 for hot reload.
export default defineConfig({
  root: "src/web",
  plugins: [react(), precompress()],
  build: { outDir: "../../dist/web", emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
