import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// .ci/run's closing line and verdict come from tally.mjs: each case here is a way CI used to stay
// green while tests failed or vanished.
const script = path.join(import.meta.dirname, "tally.mjs");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kesu-tally-"));
let files = 0;

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Test {
  fullName: string;
  status: "passed" | "failed" | "skipped" | "todo";
}

/** A Vitest JSON report as `--reporter=json` writes it (the fields tally.mjs reads). */
function report(tests: Test[], extra: { fileFailed?: boolean; success?: boolean } = {}) {
  const file = path.join(dir, `report-${++files}.json`);
  const count = (status: Test["status"]) => tests.filter((t) => t.status === status).length;
  fs.writeFileSync(
    file,
    JSON.stringify({
      numPassedTests: count("passed"),
      numFailedTests: count("failed"),
      numPendingTests: count("skipped"),
      numTodoTests: count("todo"),
      success: extra.success ?? (count("failed") === 0 && !extra.fileFailed),
      testResults: [
        {
          name: "/repo/src/some.test.ts",
          status: extra.fileFailed || count("failed") ? "failed" : "passed",
          message: "",
          assertionResults: tests,
        },
      ],
    }),
  );
  return file;
}

const passing = (n: number): Test[] =>
  Array.from({ length: n }, (_, i) => ({ fullName: `test ${i}`, status: "passed" }));

/** Runs the steps on a fresh state, then `end`; its output and exit status. */
function tally(steps: string[][], env: Record<string, string | undefined> = { CI: "true" }) {
  const state = path.join(dir, `state-${++files}.json`);
  const childEnv = { ...process.env, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
  for (const step of steps) {
    const run = spawnSync(process.execPath, [script, state, ...step], { env: childEnv });
    expect(run.status, run.stderr.toString()).toBe(0);
  }
  const end = spawnSync(process.execPath, [script, state, "end"], {
    env: childEnv,
    encoding: "utf8",
  });
  const lines = end.stdout.trimEnd().split("\n");
  return { status: end.status, output: end.stdout, last: lines.at(-1) };
}

describe(".ci/tally.mjs", () => {
  it("ends with N passed, N failed, N skipped alone on the last line, and succeeds when all ran and passed", () => {
    const result = tally([
      ["check", "lint", "0"],
      ["tests", "embedded", report(passing(5)), "0"],
      ["tests", "external", report(passing(5)), "0"],
    ]);
    expect(result.last).toBe("11 passed, 0 failed, 0 skipped");
    expect(result.output.trimEnd().split("\n")).toHaveLength(1);
    expect(result.status).toBe(0);
  });

  it("fails on failed tests and failed checks, naming them", () => {
    const result = tally([
      ["check", "types (tsc)", "2"],
      [
        "tests",
        "embedded",
        report([...passing(3), { fullName: "a broken one", status: "failed" }]),
        "1",
      ],
    ]);
    expect(result.last).toBe("3 passed, 2 failed, 0 skipped");
    expect(result.output).toContain("!! failed: types (tsc) (exit status 2)");
    expect(result.output).toContain("!! failed: embedded: a broken one");
    expect(result.status).toBe(1);
  });

  it("fails when the runner exits non-zero though every test passed (Vitest's unhandled errors)", () => {
    const result = tally([["tests", "embedded", report(passing(4)), "1"]]);
    expect(result.last).toBe("4 passed, 1 failed, 0 skipped");
    expect(result.output).toMatch(/exited with status 1 although no test failed/);
    expect(result.status).toBe(1);
  });

  it("fails when a file or a hook failed outside any test, even with its tests marked skipped", () => {
    // What a beforeAll that throws leaves: every test skipped, the file failed, no failed test.
    const skippedByHook: Test[] = [
      { fullName: "refusals in Chromium a", status: "skipped" },
      { fullName: "refusals in Chromium b", status: "skipped" },
    ];
    const result = tally([["tests", "e2e", report(skippedByHook, { fileFailed: true }), "1"]], {
      CI: undefined,
    });
    expect(result.last).toBe("0 passed, 1 failed, 2 skipped");
    expect(result.output).toMatch(/some\.test\.ts failed outside its tests/);
    expect(result.status).toBe(1);
  });

  it("fails when there is no report at all", () => {
    const result = tally([["tests", "embedded", path.join(dir, "missing.json"), "1"]]);
    expect(result.last).toBe("0 passed, 1 failed, 0 skipped");
    expect(result.output).toMatch(/no test report/);
    expect(result.status).toBe(1);
  });

  it("under CI=true a skipped test fails the run; outside CI it is reported and allowed", () => {
    const tests: Test[] = [
      ...passing(2),
      { fullName: "agent workbench in Chromium signs in", status: "skipped" },
      { fullName: "a test for later", status: "todo" },
    ];
    const inCi = tally([["tests", "embedded", report(tests), "0"]], { CI: "true" });
    expect(inCi.last).toBe("2 passed, 0 failed, 2 skipped");
    expect(inCi.output).toContain("!! skipped: embedded: agent workbench in Chromium signs in");
    expect(inCi.output).toContain("!! CI=true: 2 skipped tests fail the run");
    expect(inCi.status).toBe(1);

    const local = tally([["tests", "embedded", report(tests), "0"]], { CI: undefined });
    expect(local.last).toBe("2 passed, 0 failed, 2 skipped");
    expect(local.status).toBe(0);
  });
});
