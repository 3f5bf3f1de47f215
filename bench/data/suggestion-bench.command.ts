import { parseArgs } from "node:util";
import { measureSuggestions, TARGET_SUGGESTION_MS } from "./suggestion-bench.js";

/**
 * `npm run bench:suggestions [-- --cases 100000]`: trains intake's suggestions on generated closed
 * cases in this process and times a suggestion for new texts (no database needed).
 */
const { values } = parseArgs({ options: { cases: { type: "string", default: "100000" } } });
const cases = Number(values.cases);
if (!Number.isInteger(cases) || cases < 100)
  throw new Error("usage: bench:suggestions -- --cases N");
const f = measureSuggestions(cases);
process.stdout.write(
  `suggestions on ${f.cases} generated closed cases: trained in ${f.trainMs} ms, model ${f.modelKb} KB\n` +
    `one suggestion p50 ${f.p50} ms, p95 ${f.p95} ms (target ≤ ${TARGET_SUGGESTION_MS} ms)\n`,
);
for (const [field, a] of Object.entries(f.accuracy))
  process.stdout.write(
    `${field}: first right ${a.top1}, among three ${a.top3}, baseline ${a.baseline} (${a.cases} held out)\n`,
  );
