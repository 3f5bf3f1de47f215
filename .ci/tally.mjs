#!/usr/bin/env node
// The counting behind .ci/run's closing line, kept in one state file across the run:
//
//   node .ci/tally.mjs STATE check NAME STATUS          a check (lint, types): 1 passed or 1 failed
//   node .ci/tally.mjs STATE tests NAME REPORT STATUS   a Vitest run: its JSON report and exit status
//   node .ci/tally.mjs STATE end                        prints what failed or skipped, then
//                                                       "N passed, N failed, N skipped" alone on the
//                                                       last line; exits 1 when anything failed, or
//                                                       under CI=true when any test was skipped
//
// A Vitest run counts its passed, failed and skipped tests, plus one failure for each thing the
// counts alone would hide: no report, a file or hook that failed outside any test, and a non-zero
// exit with no failure to explain it (Vitest's "unhandled errors").
import fs from "node:fs";

const [stateFile, command, ...args] = process.argv.slice(2);
if (!stateFile || !["check", "tests", "end"].includes(command ?? "")) {
  process.stderr.write(
    "usage: tally.mjs STATE check NAME STATUS | tests NAME REPORT STATUS | end\n",
  );
  process.exit(2);
}

const state = fs.existsSync(stateFile)
  ? JSON.parse(fs.readFileSync(stateFile, "utf8"))
  : { passed: 0, failed: 0, skipped: 0, failures: [], skips: [] };

if (command === "check") {
  const [name, status] = args;
  if (status === "0") state.passed += 1;
  else {
    state.failed += 1;
    state.failures.push(`${name} (exit status ${status})`);
  }
} else if (command === "tests") {
  const [name, reportFile, status] = args;
  countRun(name, reportFile, status);
}
fs.writeFileSync(stateFile, JSON.stringify(state));

if (command === "end") {
  const ci = ["true", "1"].includes((process.env.CI ?? "").toLowerCase());
  for (const failure of state.failures) console.log(`!! failed: ${failure}`);
  for (const skip of state.skips) console.log(`!! skipped: ${skip}`);
  const skipsFail = ci && state.skipped > 0;
  if (skipsFail) console.log(`!! CI=true: ${state.skipped} skipped tests fail the run`);
  console.log(`${state.passed} passed, ${state.failed} failed, ${state.skipped} skipped`);
  process.exit(state.failed > 0 || skipsFail ? 1 : 0);
}

function countRun(name, reportFile, status) {
  let report;
  try {
    report = JSON.parse(fs.readFileSync(reportFile, "utf8"));
  } catch {
    state.failed += 1;
    state.failures.push(`${name}: no test report (the runner exited with status ${status})`);
    return;
  }
  const failedBefore = state.failed;
  state.passed += report.numPassedTests ?? 0;
  state.failed += report.numFailedTests ?? 0;
  state.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  for (const file of report.testResults ?? []) {
    const tests = file.assertionResults ?? [];
    for (const test of tests) {
      if (test.status === "failed") state.failures.push(`${name}: ${test.fullName}`);
      if (["skipped", "pending", "todo", "disabled"].includes(test.status))
        state.skips.push(`${name}: ${test.fullName} (${file.name})`);
    }
    // A file that failed to load, or a beforeAll/afterAll that threw: no test says so.
    if (file.status === "failed" && !tests.some((test) => test.status === "failed")) {
      state.failed += 1;
      state.failures.push(
        `${name}: ${file.name} failed outside its tests: ${file.message || "a hook threw (see the log above)"}`,
      );
    }
  }
  if (report.success === false && state.failed === failedBefore) {
    state.failed += 1;
    state.failures.push(`${name}: Vitest reports the run as failed`);
  }
  if (status !== "0" && state.failed === failedBefore) {
    state.failed += 1;
    state.failures.push(
      `${name}: the runner exited with status ${status} although no test failed (unhandled errors? see the log above)`,
    );
  }
}
