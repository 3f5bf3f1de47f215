import { beforeAll, describe, expect, it } from "vitest";
import { fenFromYuan, yuanFromFen } from "../../domain/remedy/money.js";
import { type RemedyType, remedyTypes } from "../../domain/remedy/remedy.js";
import type { ApiClient, ApiResponse } from "../../test/api-client.js";
import { dispatchedComplaint } from "../../test/complaint-kit.js";
import { ownCase, remedyOf } from "../../test/remedy-kit.js";
import type { Remedy, RemedyLedger } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const world = setupWorld(async (w) => {
  const billing = await w.department({ name: "电费核算中心" });
  return {
    billing,
    agent: await w.staff("agent", { agentNo: "1023" }),
    otherAgent: await w.staff("agent"),
    supervisor: await w.staff("supervisor"),
    quality: await w.staff("quality"),
    handler: await w.staff("department_handler", { departmentId: billing.id }),
  };
});

let made: Remedy[] = [];
let billingCase: { id: string };

beforeAll(async () => {
  // The meter mix-up (seed 003): a refund, a small gift reversed, compensation pending and rejected.
  billingCase = await dispatchedComplaint(world.supervisor.client, world.billing.id);
  const own = await ownCase(world.agent, { causes: ["rights_infringed"] });
  const theirs = await ownCase(world.otherAgent);
  made = [
    await remedyOf(world.agent, own, "refund", "0.10"),
    await remedyOf(world.agent, own, "refund", "0.20"),
    await remedyOf(world.agent, own, "gift", "88.00", "积分礼品 13800138000 已寄出"),
    await remedyOf(world.agent, own, "compensation", "10000.00", "客户要求精神损失赔偿"),
    await remedyOf(world.otherAgent, theirs, "fee_waiver", "35.50"),
    await remedyOf(world.supervisor, billingCase, "refund", "1200.00"),
    await remedyOf(world.supervisor, billingCase, "apology", "0"),
  ];
  await world.agent.client.post(`/remedies/${made[2]!.id}/reverse`, { reason: "礼品缺货" });
  const rejected = await remedyOf(world.agent, own, "compensation", "3000.00");
  await world.supervisor.client.post(`/remedies/${rejected.id}/reject`, { note: "无依据" });
});

/** Every page of the ledger with this query, followed by cursor. */
async function wholeLedger(client: ApiClient, query = "") {
  const items: Remedy[] = [];
  let cursor: string | null = null;
  let totals: RemedyLedger["totals"] | undefined;
  do {
    const sep = query ? "&" : "";
    const res: ApiResponse<RemedyLedger> = await client.get<RemedyLedger>(
      `/remedies?limit=2${sep}${query}${cursor ? `&cursor=${cursor}` : ""}`,
    );
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    totals = res.body.totals;
    cursor = res.body.nextCursor;
  } while (cursor);
  return { items, totals: totals! };
}

/** The totals the rows add up to, computed here the long way. */
function totalsOfRows(items: Remedy[]) {
  return Object.fromEntries(
    remedyTypes.map((type: RemedyType) => {
      const sum = (statuses: string[]) =>
        items
          .filter((r) => r.type === type && statuses.includes(r.status))
          .reduce((fen, r) => fen + fenFromYuan(r.amount)!, 0);
      const granted = sum(["granted", "reversed"]);
      const reversed = sum(["reversed"]);
      return [
        type,
        {
          granted: yuanFromFen(granted),
          reversed: yuanFromFen(reversed),
          net: yuanFromFen(granted - reversed),
        },
      ];
    }),
  );
}

describe("the remedies ledger", () => {
  it("lists every remedy, newest first, with totals by type that equal its rows", async () => {
    const { items, totals } = await wholeLedger(world.supervisor.client);
    expect(items).toHaveLength(8);
    expect(items.map((r) => r.createdAt)).toEqual(
      [...items.map((r) => r.createdAt)].sort().reverse(),
    );
    expect(totals).toEqual(totalsOfRows(items));
    expect(totals.refund).toEqual({ granted: "1200.30", reversed: "0.00", net: "1200.30" });
    expect(totals.gift).toEqual({ granted: "88.00", reversed: "88.00", net: "0.00" });
    expect(totals.compensation.net).toBe("0.00");
  });

  it("filters by status, type, department, cause and day, the totals following the filter", async () => {
    const reversed = await wholeLedger(world.supervisor.client, "status=reversed");
    expect(reversed.items.map((r) => r.id)).toEqual([made[2]!.id]);
    const pending = await wholeLedger(world.supervisor.client, "status=pending_approval");
    expect(pending.items.map((r) => r.id)).toEqual([made[3]!.id]);
    expect(pending.totals).toEqual(totalsOfRows([]));
    const refunds = await wholeLedger(world.supervisor.client, "type=refund");
    expect(refunds.items).toHaveLength(3);
    expect(refunds.totals).toEqual(totalsOfRows(refunds.items));
    const billing = await wholeLedger(world.supervisor.client, `departmentId=${world.billing.id}`);
    expect(billing.items.every((r) => r.complaintId === billingCase.id)).toBe(true);
    expect(billing.items).toHaveLength(2);
    const byCause = await wholeLedger(world.supervisor.client, "cause=rights_infringed");
    expect(byCause.items).toHaveLength(5);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(
      new Date(),
    );
    expect(
      (await wholeLedger(world.supervisor.client, `from=${today}&to=${today}`)).items,
    ).toHaveLength(8);
    expect((await wholeLedger(world.supervisor.client, "to=2026-01-01")).items).toHaveLength(0);
  });

  it("shows an agent only what they asked for, quality everything masked, departments nothing", async () => {
    const mine = await wholeLedger(world.agent.client);
    expect(mine.items).toHaveLength(5);
    expect(mine.items.every((r) => r.requestedBy.agentNo === "1023")).toBe(true);
    expect(mine.totals).toEqual(totalsOfRows(mine.items));
    const checked = await wholeLedger(world.quality.client);
    expect(checked.items).toHaveLength(8);
    expect(checked.items.find((r) => r.id === made[2]!.id)!.reason).toBe(
      "积分礼品 138****8000 已寄出",
    );
    expect((await world.handler.client.get("/remedies")).status).toBe(403);
  });

  it("exports every matching row as CSV with a BOM, in local time, with ?format=csv", async () => {
    const res = await world.supervisor.client.get("/remedies?format=csv&type=refund&limit=1");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain("remedies.csv");
    // fetch's text() drops the byte order mark; the bytes keep it.
    const raw = await fetch(`${world.server.api}/remedies?format=csv`, {
      headers: { cookie: world.supervisor.client.cookie! },
    });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = res.body as string;
    expect(text.startsWith("asked_at,complaint_number,type,amount,status,")).toBe(true);
    const records = text.trim().split("\r\n").slice(1);
    // Every row, oldest first, whatever the page size.
    expect(records).toHaveLength(3);
    expect(records.map((line) => line.split(",")[3])).toEqual(["0.10", "0.20", "1200.00"]);
    expect(records[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},KS/);
    expect((await world.handler.client.get("/remedies?format=csv")).status).toBe(403);
  });
});
