import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BENCH_PASSWORD, generateData } from "../../../bench/data/generate-data.js";
import { ApiClient, type ApiResponse } from "../../test/api-client.js";
import { startTestServer, type TestServer } from "../../test/test-server.js";
import type { ComplaintListItem, Page } from "../../test/wire.js";

// More cases than the newest-5,000 window, so searches take both paths: the window (a common
// word fills a page there) and the whole index (a rare one does not), and pages cross its edge.
let server: TestServer;
let supervisor: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  await generateData(server.db.$client, {
    complaints: 5600,
    seed: 13,
    now: new Date("2026-11-23T04:00:00Z"),
  });
  supervisor = new ApiClient(server.api);
  await supervisor.post("/session", { username: "bench-supervisor1", password: BENCH_PASSWORD });
}, 240_000);
afterAll(() => server.close());

/**
 * What a plain substring scan finds, newest first (or due first), as the list orders it: in the
 * case's own text, or in a reply or contact written on it (read from the timeline, not from kesu's
 * search rows).
 */
async function substringScan(term: string, sort: "newest" | "due" = "newest"): Promise<string[]> {
  const { rows } = await server.db.$client.query(
    `select c.id from complaints c
     where strpos(lower(c.search_text), lower($1)) > 0
        or exists (select 1 from timeline_events e
                   where e.complaint_id = c.id and e.type in ('replied', 'note', 'contact')
                     and strpos(lower(coalesce(e.data->>'message', e.data->>'text', e.data->>'summary')), lower($1)) > 0)
     order by ${sort === "due" ? "c.due_at, c.id" : "c.created_at desc, c.id desc"}`,
    [term],
  );
  return rows.map((r) => r.id);
}

async function searchPages(
  q: string,
  limit: number,
  pages: number,
  sort: "newest" | "due" = "newest",
): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < pages; page++) {
    const res: ApiResponse<Page<ComplaintListItem>> = await supervisor.get(
      `/complaints?limit=${limit}&sort=${sort}&q=${encodeURIComponent(q)}${cursor ? `&cursor=${cursor}` : ""}`,
    );
    expect(res.status).toBe(200);
    ids.push(...res.body.items.map((c) => c.id));
    cursor = res.body.nextCursor;
    if (!cursor) break;
  }
  return ids;
}

describe("search beyond the newest-5,000 window", () => {
  it("pages a common word newest first exactly as a substring scan orders it", async () => {
    const expected = await substringScan("客户");
    expect(expected.length).toBeGreaterThan(5000);
    expect(await searchPages("客户", 200, 40)).toEqual(expected);
  });

  it("pages a word of both cases and their replies in list order, each page the two merged", async () => {
    // 核实 is in some cases' own text and in many replies of others: every page mixes both.
    for (const sort of ["newest", "due"] as const) {
      const expected = await substringScan("核实", sort);
      expect(expected.length, sort).toBeGreaterThan(200);
      expect(await searchPages("核实", 50, 100, sort), sort).toEqual(expected);
    }
  });

  it("finds a rare word in old cases outside the window", async () => {
    const { rows } = await server.db.$client.query(
      "select cu.name from complaints c join customers cu on cu.id = c.customer_id order by c.created_at limit 1",
    );
    const expected = await substringScan(rows[0].name);
    expect(expected.length).toBeGreaterThan(0);
    expect(await searchPages(rows[0].name, 20, 50)).toEqual(expected);
  });
});
