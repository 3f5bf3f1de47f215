import type { Request } from "autocannon";
import type pg from "pg";
import { caseVars, themes } from "../../src/demo/demo-themes.js";
import { fill, seededRandom } from "../../src/demo/seeded-random.js";
import { type LoadResult, median, percentile, round, runLoad, step } from "./load.js";
import { likePattern, type Samples, type SearchTerm } from "./samples.js";
import type { Agent } from "./sessions.js";

/** What every scenario needs: where kesu listens, who calls, and what they ask for. */
export interface Bench {
  url: string;
  /** Signed in for the single-caller latency figures; an agent sees every complaint. */
  agent: Agent;
  /** Reads the reports as a center's supervisor does: every case (an agent reads their own). */
  supervisor: Agent;
  /** The simulated agents of the mixed workload. */
  agents: Agent[];
  samples: Samples;
  pool: pg.Pool;
  /** Length of each latency run; the mixed workload has its own. */
  seconds: number;
}

const api = "/api/v1";
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

/** One caller at a time: the answer time itself, without queueing behind other callers. */
export function latency(
  bench: Bench,
  path: () => string,
  caller = bench.agent,
): Promise<LoadResult> {
  return runLoad({
    urls: [bench.url],
    connections: 1,
    seconds: bench.seconds,
    requests: [
      step(
        () => ({ path: path() }),
        () => caller.cookie,
      ),
    ],
  });
}

/** (2) An agent's work queue: open cases of one owner, department or category, due first. */
export function workQueue(bench: Bench) {
  const { ownerIds, departmentIds, categories } = bench.samples;
  const filters = [
    () => `ownerId=${pick(ownerIds)}`,
    () => `departmentId=${pick(departmentIds)}`,
    () => `category=${pick(categories)}`,
  ];
  return latency(bench, () => `${api}/complaints?open=true&sort=due&limit=50&${pick(filters)()}`);
}

/** (4) The caller's phone number: the customer with every complaint, contact and callback. */
export function customerLookup(bench: Bench) {
  return latency(bench, () => `${api}/customers?phone=${pick(bench.samples.phones)}`);
}

/** (5) A complaint page: work orders, timeline, attachments, callbacks, allowed actions. */
export function complaintPage(bench: Bench) {
  return latency(bench, () => `${api}/complaints/${pick(bench.samples.complaintIds)}`);
}

/** (6) Newest 20 complaints containing the term. */
export function search(bench: Bench, term: string) {
  return latency(bench, () => `${api}/complaints?q=${encodeURIComponent(term)}&limit=20`);
}

/**
 * (6) The API's newest matches, page after page, must equal a plain substring scan of the same
 * text in the same order: no misses, no extras. Returns the rows compared.
 */
export async function searchEqualsScan(bench: Bench, { term }: SearchTerm, pages = 5) {
  const apiIds: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < pages; page++) {
    const query = `q=${encodeURIComponent(term)}&limit=20${cursor ? `&cursor=${cursor}` : ""}`;
    const body = (await getJson(bench, `${api}/complaints?${query}`)) as {
      items: { id: string }[];
      nextCursor: string | null;
    };
    apiIds.push(...body.items.map((item) => item.id));
    cursor = body.nextCursor && encodeURIComponent(body.nextCursor);
    if (!cursor) break;
  }
  const { rows } = await bench.pool.query<{ id: string }>(
    `select id from complaints c
      where lower(c.search_text) like $1
         or exists (select 1 from case_texts t where t.complaint_id = c.id and lower(t.text) like $1)
      order by created_at desc, id desc limit $2`,
    [likePattern(term), pages * 20],
  );
  const scanIds = rows.map((row) => row.id);
  const equal = apiIds.length === scanIds.length && apiIds.every((id, i) => id === scanIds[i]);
  return { term, compared: scanIds.length, equal };
}

/**
 * (3) Thirty saved views with their counts, as the queue's tabs show them: the bench agent keeps
 * 30 varied views (open statuses, departments, owners, categories, kinds, open and finished
 * cases), made afresh here, and one call to GET /saved-views/counts answers for all of them in
 * one SQL statement. Returns the time of each of `repetitions` calls, one after another, in ms.
 */
export async function savedViews(bench: Bench, repetitions: number): Promise<LoadResult> {
  const { ownerIds, departmentIds, categories } = bench.samples;
  const statuses = ["received", "assigned", "dispatched", "handled", "replied", "reopened"];
  const filters: Record<string, unknown>[] = [
    ...statuses.map((status) => ({ status })),
    ...departmentIds.slice(0, 8).map((departmentId) => ({ open: true, departmentId })),
    ...ownerIds.slice(0, 8).map((ownerId) => ({ open: true, ownerId })),
    ...categories.slice(0, 4).map((category) => ({ open: true, category })),
    { kind: "inquiry", open: true },
    { open: false },
    { open: true },
    { kind: "complaint", open: true },
  ].slice(0, 30);
  await replaceViews(bench, filters);
  const times: number[] = [];
  let errors = 0;
  for (let r = 0; r < repetitions; r++) {
    const started = performance.now();
    const response = await fetch(`${bench.url}${api}/saved-views/counts`, {
      headers: { cookie: bench.agent.cookie },
    });
    const body = (await response.json()) as { items?: unknown[] };
    times.push(performance.now() - started);
    if (response.status !== 200 || body.items?.length !== filters.length) errors++;
  }
  times.sort((a, b) => a - b);
  return {
    requests: repetitions,
    perSecond: Number.NaN,
    p50: median(times),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    errors,
  };
}

/** The bench agent's views become exactly these (the data folder outlives each run). */
async function replaceViews(bench: Bench, filters: Record<string, unknown>[]) {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${bench.url}${api}${path}`, {
      method,
      headers: {
        cookie: bench.agent.cookie,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? null : response.json();
  };
  const { items } = (await call("GET", "/saved-views")) as {
    items: { id: string; version: number; owner: { id: string } }[];
  };
  for (const view of items.filter((v) => v.owner.id === bench.agent.id))
    await call("DELETE", `/saved-views/${view.id}?version=${view.version}`);
  for (const [i, f] of filters.entries())
    await call("POST", "/saved-views", { name: `压测视图 ${i + 1}`, filters: f });
}

/** A new complaint from a new caller, as the intake screen sends it. */
/** Intake's cases read like the generated ones (a common word is as common among them). */
const intakeRandom = seededRandom(17);

function intakeBody(categories: string[]) {
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
  const story = intakeRandom.pick(intakeRandom.pick(themes).cases);
  const vars = caseVars(intakeRandom);
  return {
    kind: "complaint",
    channel: "phone",
    customer: { name: "压测客户", phone },
    subject: fill(story.subject, vars),
    description: `${fill(story.situation, vars)}联系电话${phone}。`,
    category: pick(categories),
  };
}

/**
 * (1) Complaints registered per second with 10 concurrent agents, and a bare one-row insert
 * (bench/api/bare-insert-server.ts) on the same database right after, with the same load.
 */
export async function intake(bench: Bench, bareUrl: string, connections = 10) {
  const body = () => intakeBody(bench.samples.categories);
  const kesu = await runLoad({
    urls: [bench.url],
    connections,
    seconds: bench.seconds,
    requests: [
      step(
        () => ({ method: "POST", path: `${api}/complaints`, body: body() }),
        () => bench.agent.cookie,
      ),
    ],
  });
  const bare = await runLoad({
    urls: [bareUrl],
    connections,
    seconds: bench.seconds,
    requests: [
      step(
        () => ({ method: "POST", path: "/bare", body: body() }),
        () => "",
      ),
    ],
  });
  return { kesu, bare, ratio: round(kesu.perSecond / bare.perSecond) };
}

/**
 * (7) Agents at work: each cycle one agent takes a call (customer lookup), searches (names, places,
 * phone numbers), checks their
 * queue, opens a complaint and acts on it (a note: a write with a timeline event and new search
 * text). Each agent sends one request a second — a busy person, not a loop; without think time 200
 * connections measure only the queue on two cores. `urls` with two servers spreads the agents.
 */
export function mixedWorkload(bench: Bench, urls: string[], agents: number, seconds: number) {
  const s = bench.samples;
  // What an agent types to find a case: a name, a place, a phone number. The common terms of
  // figure 6 take a second each at 100k and would turn this into a measure of them alone.
  const lookFor = [
    ...s.terms.filter((t) => t.kind === "rare").map((t) => t.term),
    ...s.phones.slice(0, 20),
  ];
  const agentOf = (context: Record<string, unknown>) => {
    context.agent ??= pick(bench.agents);
    return context.agent as Agent;
  };
  const cookie = (context: Record<string, unknown>) => agentOf(context).cookie;
  type Turn = Parameters<typeof step>[0];
  const cycle: Turn[] = [
    () => ({ path: `${api}/customers?phone=${pick(s.phones)}` }),
    () => ({ path: `${api}/complaints?q=${encodeURIComponent(pick(lookFor))}&limit=20` }),
    (context) => ({
      path: `${api}/complaints?open=true&sort=due&limit=50&ownerId=${agentOf(context).id}`,
    }),
    (context) => {
      context.id = pick(s.complaintIds);
      return { path: `${api}/complaints/${context.id}` };
    },
    (context) => {
      context.id ??= pick(s.complaintIds);
      return {
        method: "POST",
        path: `${api}/complaints/${context.id}/note`,
        body: { text: "已回电客户，说明处理进度，客户表示理解" },
      };
    },
  ];
  // Each agent starts at its own point of the cycle, as people on a shift do. Started in step,
  // all 200 sent the same kind of request in the same second: every fifth second 200 notes at
  // once, which measured that burst, not the mix.
  const requests: Request[] = [
    step((context) => {
      const turn = (context.turn as number | undefined) ?? Math.floor(Math.random() * cycle.length);
      context.turn = turn + 1;
      return cycle[turn % cycle.length]!(context);
    }, cookie),
  ];
  return runLoad({ urls, connections: agents, seconds, requests, connectionRate: 1 });
}

async function getJson(bench: Bench, path: string): Promise<unknown> {
  const response = await fetch(`${bench.url}${path}`, { headers: { cookie: bench.agent.cookie } });
  if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
  return response.json();
}

/** The center's day `days` before today, as the reports take it (YYYY-MM-DD, Asia/Shanghai). */
const dayBefore = (days: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(
    new Date(Date.now() - days * 86_400_000),
  );

/** (11) The reports (issue 15) a dashboard asks for, over the last month or the last year. */
export const reportQueries = (span: "month" | "year") => {
  const period = `from=${dayBefore(span === "month" ? 29 : 364)}&to=${dayBefore(0)}`;
  const quarter = `${dayBefore(0).slice(0, 4)}-Q${Math.ceil(Number(dayBefore(0).slice(5, 7)) / 3)}`;
  return {
    "KPI table by department": `kpis?${period}&groupBy=department`,
    "KPI table by agent": `kpis?${period}&groupBy=agent`,
    [`trend of 按时办结率 by ${span === "month" ? "day" : "week"}`]: `trend?${period}&metric=onTimeRate&interval=${span === "month" ? "day" : "week"}`,
    "causes Pareto": `causes?${period}`,
    ...(span === "year" && { [`regulator table ${quarter}`]: `regulator?period=${quarter}` }),
  } as Record<string, string>;
};

/** One report, one supervisor at a time. */
export function report(bench: Bench, query: string) {
  return latency(bench, () => `${api}/reports/${query}`, bench.supervisor);
}
