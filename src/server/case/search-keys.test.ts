import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../test/test-server.js";

// The search index's keys come from one database function (kesu_search_grams); here they are
// checked against the rule written out plainly: every two neighbouring characters, lower-cased,
// without whitespace, and every four neighbouring digits of a run of digits.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(() => server.close());

function expectedKeys(text: string): string[] {
  const chars = [...text.toLowerCase()];
  const keys = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) keys.add(chars[i]! + chars[i + 1]!);
  for (const run of text.match(/[0-9]{4,}/g) ?? [])
    for (let i = 0; i + 4 <= run.length; i++) keys.add(run.slice(i, i + 4));
  return [...keys].filter((key) => !/\s/.test(key));
}

async function keysOf(text: string): Promise<string[]> {
  const { rows } = await server.db.$client.query("select kesu_search_grams($1) as keys", [text]);
  return rows[0].keys;
}

describe("search keys", () => {
  it.each([
    ["", []],
    ["卡", []],
    ["ATM 吞卡", ["at", "tm", "吞卡"]],
    ["尾号6217", ["尾号", "号6", "62", "21", "17", "6217"]],
  ])("of “%s” are %j", async (text, keys) => {
    expect((await keysOf(text)).sort()).toEqual([...keys].sort());
  });

  it("follow the rule for a long history of notes", async () => {
    const note = "客户来电称信用卡尾号6217于3月5日被扣年费380元，要求退还；已回电说明进度。";
    const history = Array.from({ length: 40 }, (_, i) => `${note}${i} `).join("");
    expect((await keysOf(history)).sort()).toEqual(expectedKeys(history).sort());
  });
});
