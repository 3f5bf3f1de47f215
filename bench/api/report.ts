import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type pg from "pg";
import { median, percentile, round } from "./load.js";

export interface Target {
  op: "<=" | ">=" | "=";
  limit: number;
}

export interface Figure {
  /** Issue 5's item number (1–9); 10 is issue 4's SLA sweep. */
  item: number;
  name: string;
  unit: string;
  /** The median of the runs. */
  value: number;
  runs: number[];
  target?: Target;
  met?: boolean;
}

/** Collects figures as they are measured and prints each beside its target. */
export class Figures {
  readonly all: Figure[] = [];

  add(item: number, name: string, unit: string, runs: number[], target?: Target): Figure {
    const value = round(median(runs));
    const met = target && meets(value, target);
    const figure: Figure = { item, name, unit, value, runs, ...(target ? { target, met } : {}) };
    this.all.push(figure);
    process.stdout.write(
      `(${item}) ${name}: ${value} ${unit}${target ? `  target ${targetText(target, unit)}  ${met ? "met" : "MISSED"}` : ""}\n`,
    );
    return figure;
  }
}

function meets(value: number, { op, limit }: Target): boolean {
  if (Number.isNaN(value)) return false;
  return op === "<=" ? value <= limit : op === ">=" ? value >= limit : value === limit;
}

const targetText = ({ op, limit }: Target, unit: string) =>
  `${op === "<=" ? "≤" : op === ">=" ? "≥" : "="} ${limit} ${unit}`.trim();

export type Machine = Awaited<ReturnType<typeof describeMachine>> & { loadAverageAtEnd?: number[] };

export async function describeMachine(pool: pg.Pool) {
  const cpus = os.cpus();
  const { rows } = await pool.query<{ version: string }>("select version()");
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: rows[0]!.version.split(" on ")[0],
    /** Other work on the machine during the run skews every figure; this shows how much there was. */
    loadAverageAtStart: os.loadavg().map((n) => Math.round(n * 100) / 100),
    roundTripMs: await roundTrip(pool),
    commit: gitCommit(),
  };
}

/**
 * One `select 1` from Node to PostgreSQL and back, the floor under every query: kesu's requests
 * make several such round trips in sequence, so on a machine where they are slow, so is kesu.
 */
async function roundTrip(pool: pg.Pool): Promise<{ median: number; p95: number }> {
  const client = await pool.connect();
  try {
    const times: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const started = performance.now();
      await client.query("select 1");
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return { median: percentile(times, 0.5), p95: percentile(times, 0.95) };
  } finally {
    client.release();
  }
}

function gitCommit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

export function writeResults(
  directory: string,
  name: string,
  results: { figures: Figure[]; machine: Machine } & Record<string, unknown>,
  notes: string[],
) {
  fs.mkdirSync(directory, { recursive: true });
  const json = path.join(directory, `${name}.json`);
  fs.writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  // The results are committed, so they are written as the repository's formatter would write them.
  // (quick.* is gitignored, and Biome skips ignored files: that is no error.)
  execFileSync("node_modules/.bin/biome", ["format", "--write", "--no-errors-on-unmatched", json], {
    stdio: "ignore",
  });
  const m = results.machine;
  const lines = [
    `# kesu API benchmark — ${name}`,
    "",
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, ${m.os}; Node ${m.node}; ${m.postgres}; load average at start ${m.loadAverageAtStart.join(" / ")}${m.loadAverageAtEnd ? `, at end ${m.loadAverageAtEnd.join(" / ")}` : ""}; one \`select 1\` round trip from Node ${m.roundTripMs.median} ms (p95 ${m.roundTripMs.p95}); commit ${m.commit}.`,
    "",
    ...notes.map((note) => `- ${note}`),
    "",
    "| # | figure | value (median) | runs | target | met? |",
    "| --- | --- | --- | --- | --- | --- |",
    ...results.figures.map(
      (f) =>
        `| ${f.item} | ${f.name} | ${f.value} ${f.unit} | ${f.runs.join(", ")} | ${f.target ? targetText(f.target, f.unit) : "—"} | ${f.met === undefined ? "—" : f.met ? "yes" : "**no**"} |`,
    ),
    "",
  ];
  fs.writeFileSync(path.join(directory, `${name}.md`), lines.join("\n"));
}

/** The figure files of full runs, one per data size, which growth.md compares. */
export const sizeResultsName = (complaints: number) => `size-${complaints}`;

/**
 * How each figure grew from the smaller data set to the larger: the queue, lookup and page must
 * stay flat (indexed, keyset pages), so their ratio should stay near 1. Figures are paired by
 * position, since search terms are drawn from each data set and so differ in name.
 */
export function writeGrowth(directory: string, small: number, large: number) {
  const read = (n: number) => {
    const file = path.join(directory, `${sizeResultsName(n)}.json`);
    return fs.existsSync(file)
      ? (JSON.parse(fs.readFileSync(file, "utf8")) as { figures: Figure[]; machine: Machine })
      : null;
  };
  const [before, after] = [read(small), read(large)];
  if (!before || !after) return false;
  const lines = [
    `# kesu API benchmark — growth from ${small} to ${large} complaints`,
    "",
    `Runs: commit ${before.machine.commit} (${small}) and ${after.machine.commit} (${large}); machines as described in ${sizeResultsName(small)}.md and ${sizeResultsName(large)}.md.`,
    "",
    `| # | figure (at ${large}) | at ${small} | at ${large} | growth | target | met at ${large}? |`,
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...after.figures.map((f, i) => {
      const was = before.figures[i];
      const growth =
        was && was.item === f.item && was.value ? `${round(f.value / was.value)} ×` : "—";
      return `| ${f.item} | ${f.name} | ${was?.item === f.item ? `${was.value} ${was.unit}` : "—"} | ${f.value} ${f.unit} | ${growth} | ${f.target ? targetText(f.target, f.unit) : "—"} | ${f.met === undefined ? "—" : f.met ? "yes" : "**no**"} |`;
    }),
    "",
  ];
  fs.writeFileSync(path.join(directory, "growth.md"), lines.join("\n"));
  return true;
}
