import { beforeAll, describe, expect, it } from "vitest";
import { makeComplaint } from "../../test/factories.js";
import type { ComplaintListItem, Page } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

// The queue's 越级风险 order on the server: this file's world holds only the cases made here.
const world = setupWorld(async (w) => ({ agent: await w.staff("agent") }));

const threat = "客户称再不解决就去银保监投诉并找媒体曝光。";
const transfer = { type: "transfer", hotline: "12345" };

async function page(query: string) {
  const res = await world.agent.client.get<Page<ComplaintListItem>>(`/complaints?${query}`);
  expect(res.status).toBe(200);
  return res.body;
}

describe("GET /complaints?sort=risk", () => {
  beforeAll(async () => {
    // Scores 0, 40, 70, 40, 0, 70, 40 in an order of creation that is none of the sort's.
    for (const kind of ["calm", "threat", "both", "threat", "calm", "both", "threat"])
      await makeComplaint(world.agent.client, {
        ...(kind === "calm" ? {} : { description: threat }),
        ...(kind === "both" ? { source: transfer } : {}),
      });
  });

  const expectedOrder = (items: ComplaintListItem[]) =>
    [...items].sort(
      (a, b) =>
        b.risk.score - a.risk.score ||
        new Date(a.dueAt!).getTime() - new Date(b.dueAt!).getTime() ||
        a.id.localeCompare(b.id),
    );

  it("lists the highest score first, then the soonest due, and pages through them all once", async () => {
    const whole = await page("open=true&sort=risk&limit=50");
    expect(whole.items.map((c) => c.risk.score)).toEqual([70, 70, 40, 40, 40, 0, 0]);
    expect(whole.items.map((c) => c.id)).toEqual(expectedOrder(whole.items).map((c) => c.id));
    const paged: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const next: Page<ComplaintListItem> = await page(
        `open=true&sort=risk&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      );
      paged.push(...next.items.map((c) => c.id));
      cursor = next.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(4);
    expect(paged).toEqual(whole.items.map((c) => c.id));
  });

  it("keeps the order with a search and a filter", async () => {
    const searched = await page(`sort=risk&q=${encodeURIComponent("银保监")}&limit=2`);
    expect(searched.items.map((c) => c.risk.score)).toEqual([70, 70]);
    const next = await page(
      `sort=risk&q=${encodeURIComponent("银保监")}&limit=2&cursor=${searched.nextCursor}`,
    );
    expect(next.items.map((c) => c.risk.score)).toEqual([40, 40]);
    const medium = await page("open=true&riskLevel=medium&sort=risk");
    expect(medium.items.map((c) => c.risk.score)).toEqual([40, 40, 40]);
  });

  it("refuses a cursor whose rank is not a number", async () => {
    const whole = await page("open=true&sort=risk&limit=1");
    const [at, id] = Buffer.from(whole.nextCursor!, "base64url").toString().split("|");
    const forged = Buffer.from(`${at}|${id}|high`).toString("base64url");
    const res = await world.agent.client.get(`/complaints?sort=risk&cursor=${forged}`);
    expect(res.status).toBe(400);
  });
});
