import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";

// Browser tests skip (with a warning) where there is no Chromium, except under CI=true: there a
// missing browser must fail the run, as .ci/run counts it, instead of turning 16 tests into skips.
const root = path.resolve(import.meta.dirname, "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kesu-ci-browser-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it("under CI=true a browser test file without Chromium fails, and so does .ci/run's tally", () => {
  const reportFile = path.join(dir, "report.json");
  const env: NodeJS.ProcessEnv = { ...process.env, CI: "true", CHROMIUM_PATH: "/nonexistent" };
  // Its own embedded database: its global setup must not rebuild the template under this run.
  delete env.DATABASE_URL;
  for (const key of Object.keys(env)) if (key.startsWith("VITEST")) delete env[key];
  const vitest = spawnSync(
    process.execPath,
    [
      path.join(root, "node_modules/vitest/vitest.mjs"),
      "run",
      "e2e/forbidden.e2e.test.ts",
      "--reporter=default",
      "--reporter=json",
      `--outputFile=${reportFile}`,
    ],
    { cwd: root, env, encoding: "utf8" },
  );
  expect(vitest.status, vitest.stdout + vitest.stderr).not.toBe(0);
  expect(vitest.stdout + vitest.stderr).toContain("no Chromium at /nonexistent");

  const state = path.join(dir, "tally.json");
  const tally = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(root, ".ci/tally.mjs"), state, ...args], {
      env,
      encoding: "utf8",
    });
  expect(tally("tests", "e2e", reportFile, String(vitest.status)).status).toBe(0);
  const end = tally("end");
  expect(end.stdout.trimEnd().split("\n").at(-1)).toMatch(
    /^0 passed, [1-9]\d* failed, \d+ skipped$/,
  );
  expect(end.status).toBe(1);
}, 120_000);
