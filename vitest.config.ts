import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "bench/**/*.test.ts", "e2e/**/*.test.ts", ".ci/**/*.test.ts"],
    globalSetup: ["src/test/global-setup.ts"],
    // HTTP tests hash passwords with Argon2 and talk to a real PostgreSQL: give them room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
