import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BENCH_PASSWORD, generateData } from "../../../bench/data/generate-data.js";
import { ApiClient } from "../../test/api-client.js";
import { startTestServer, type TestServer } from "../../test/test-server.js";
import type { Complaint, ComplaintListItem, Page } from "../../test/wire.js";

let server: TestServer;
let supervisor: ApiClient;
/** Each complaint's searchable text, assembled here from the raw tables, independently of kesu. */
let corpus: { id: string; text: string }[];

beforeAll(async () => {
  server = await startTestServer();
  await generateData(server.db.$client, {
    complaints: 600,
    seed: 11,
    now: new Date("2026-11-23T04:00:00Z"),
  });
  supervisor = new ApiClient(server.api);
  await supervisor.post("/session", { username: "bench-supervisor1", password: BENCH_PASSWORD });
  const [target] = (
    await server.db.$client.query(
      "select id, version from complaints where status = 'assigned' limit 1",
    )
  ).rows;
  await supervisor.post<Complaint>(`/complaints/${target.id}/note`, {
    text: "客户称ATM机吞卡，卡号6217001234567890，要求当天退卡",
  });
  const { rows } = await server.db.$client.query(`
    select c.id, concat_ws(' ', c.number, cu.name, cu.phone, c.subject, c.description, c.demand,
      (select string_agg(coalesce(e.data->>'message', e.data->>'text', e.data->>'summary'), ' ')
        from timeline_events e
        where e.complaint_id = c.id and e.type in ('replied', 'note', 'contact'))) as text
    from complaints c join customers cu on cu.id = c.customer_id`);
  corpus = rows;
}, 120_000);
afterAll(() => server.close());

async function searchAll(client: ApiClient, q: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `/complaints?limit=200&q=${encodeURIComponent(q)}${cursor ? `&cursor=${cursor}` : ""}`;
    const res = await client.get<Page<ComplaintListItem>>(query);
    expect(res.status).toBe(200);
    ids.push(...res.body.items.map((c) => c.id));
    cursor = res.body.nextCursor;
  } while (cursor);
  return ids.sort();
}

const substringScan = (term: string) =>
  corpus
    .filter((c) => c.text.toLowerCase().includes(term.toLowerCase()))
    .map((c) => c.id)
    .sort();

describe("Chinese search", () => {
  it.each([
    ["a common 2-character word", "信用"],
    ["another 2-character word", "态度"],
    ["a 3-character word", "信用卡"],
    ["a 4-character word", "营业网点"],
    ["a longer phrase", "至今仍未收到"],
    ["a power-utility term", "停电"],
    ["a single character", "卡"],
    ["Latin letters in upper case", "ATM"],
    ["Latin letters in lower case", "atm"],
    ["mixed Chinese and Latin", "ATM机"],
    ["digits inside a card number", "62170012345"],
    ["four digits every case number holds", "2026"],
    ["letters running into digits", "ks2026"],
    ["three digits (pairs only, no 4-gram)", "138"],
    ["a term nobody wrote", "量子纠缠"],
  ])("finds exactly what a substring scan finds for %s (%s)", async (_, term) => {
    const expected = substringScan(term);
    expect(await searchAll(supervisor, term)).toEqual(expected);
  });

  it("finds the Latin and card-number note just added, and common words in many cases", () => {
    expect(substringScan("ATM机").length).toBeGreaterThan(0);
    expect(substringScan("信用").length).toBeGreaterThan(20);
  });

  it("finds a case number's digits as written, and as a phone number's digits too", async () => {
    const [{ number }] = (await server.db.$client.query("select number from complaints limit 1"))
      .rows;
    const written = number.slice(6, 14); // e.g. 1123-000 of KS20261123-000042
    const expected = [
      ...new Set([...substringScan(written), ...substringScan(written.replace("-", ""))]),
    ];
    expect(await searchAll(supervisor, number)).toEqual(substringScan(number));
    expect(await searchAll(supervisor, written)).toEqual(expected.sort());
  });

  it("finds a customer's complaints from any spelling of the phone; quality only by the whole number", async () => {
    const [row] = (
      await server.db.$client.query(
        "select cu.id, cu.phone from customers cu join complaints c on c.customer_id = cu.id limit 1",
      )
    ).rows;
    const spelled = `+86 ${row.phone.slice(0, 3)}-${row.phone.slice(3, 7)}-${row.phone.slice(7)}`;
    const expected = substringScan(row.phone);
    expect(await searchAll(supervisor, spelled)).toEqual(expected);
    const quality = new ApiClient(server.api);
    await quality.post("/session", { username: "bench-quality1", password: BENCH_PASSWORD });
    const whole = await quality.get<Page<ComplaintListItem>>(
      `/complaints?q=${encodeURIComponent(spelled)}&limit=200`,
    );
    const { rows: ofCustomer } = await server.db.$client.query(
      "select id from complaints where customer_id = $1",
      [row.id],
    );
    expect(whole.body.items.map((c) => c.id).sort()).toEqual(ofCustomer.map((c) => c.id).sort());
    expect(whole.body.items[0]!.customer.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    const part = await quality.get<Page<ComplaintListItem>>(
      `/complaints?q=${row.phone.slice(0, 7)}`,
    );
    expect(part.body.items).toEqual([]);
  });
});
