import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BENCH_PASSWORD, generateData } from "../../../bench/data/generate-data.js";
import { ApiClient } from "../../test/api-client.js";
import { startTestServer, type TestServer } from "../../test/test-server.js";

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
 * What a plain substring scan finds, newest first, as the list orders it: in the case's own text,
 * or in a reply or contact written on it (read from the timeline, not from kesu's search rows).
 */
async function substringScan(term: string): Promise<string[]> {
  const { rows } = await server.db.$client.query(
    `select c.id from complaints c
     where strpos(lower(c.search_text), lower($1)) > 0
        or exists (select 1 from timeline_events e
                   where e.complaint_id = c.id and e.type in ('replied', 'note', 'contact')
                     and strpos(lower(coalesce(e.data->>'message', e.data->>'text', e.data->>'summary')), lower($1)) > 0)
     order by c.created_at desc, c.id desc`,
    [term],
  );
  return rows.map((r) => r.id);
}

async function searchPages(q: string, limit: number, pages: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < pages; page++) {
    const res: { status: number; body: any } = await supervisor.get(
      `/complaints?limit=${limit}&q=${encodeURIComponent(q)}${cursor ? `&cursor=${cursor}` : ""}`,
    );
    expect(res.status).toBe(200);
    ids.push(...res.body.items.map((c: { id: string }) => c.id));
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

  it("finds a rare word in old cases outside the window", async () => {
    const { rows } = await server.db.$client.query(
      "select cu.name from complaints c join customers cu on cu.id = c.customer_id order by c.created_at limit 1",
    );
    const expected = await substringScan(rows[0].name);
    expect(expected.length).toBeGreaterThan(0);
    expect(await searchPages(rows[0].name, 20, 50)).toEqual(expected);
  });
});
