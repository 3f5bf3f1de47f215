import { describe, expect, it } from "vitest";
import { fenFromYuan } from "./money.js";
import { ledgerTotals, shownStatus } from "./remedy.js";

describe("a remedy's status as shown", () => {
  it("is reversed only for a granted remedy with a reversal", () => {
    expect(shownStatus("granted", true)).toBe("reversed");
    expect(shownStatus("granted", false)).toBe("granted");
    expect(shownStatus("pending_approval", false)).toBe("pending_approval");
    expect(shownStatus("rejected", false)).toBe("rejected");
  });
});

describe("ledger totals", () => {
  it("count what was granted, less what was reversed, per type, in exact fen", () => {
    const totals = ledgerTotals([
      { type: "refund", amountFen: fenFromYuan("0.10")!, status: "granted" },
      { type: "refund", amountFen: fenFromYuan("0.20")!, status: "granted" },
      { type: "refund", amountFen: 15_000, status: "reversed" },
      { type: "compensation", amountFen: 500_000, status: "pending_approval" },
      { type: "compensation", amountFen: 1_000_000, status: "rejected" },
      { type: "apology", amountFen: 0, status: "granted" },
    ]);
    expect(totals.refund).toEqual({ granted: 15_030, reversed: 15_000, net: 30 });
    expect(totals.compensation).toEqual({ granted: 0, reversed: 0, net: 0 });
    expect(Object.keys(totals)).toEqual([
      "refund",
      "fee_waiver",
      "compensation",
      "gift",
      "apology",
    ]);
  });
});
