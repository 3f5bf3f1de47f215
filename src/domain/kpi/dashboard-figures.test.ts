import { describe, expect, it } from "vitest";
import { backlogAgeOf, backlogAges, receiptDaysOf } from "./backlog-age.js";
import { customersAtRisk } from "./customers-at-risk.js";

describe("backlog ageing", () => {
  it("puts each age in exactly one bucket, the oldest open-ended", () => {
    expect(backlogAgeOf(0)).toBe("0-3");
    expect(backlogAgeOf(3)).toBe("0-3");
    expect(backlogAgeOf(4)).toBe("4-7");
    expect(backlogAgeOf(30)).toBe("16-30");
    expect(backlogAgeOf(61)).toBe("61+");
    expect(backlogAgeOf(400)).toBe("61+");
  });

  it("turns a bucket into the receipt days it holds, across a month's end", () => {
    expect(receiptDaysOf(backlogAges[0], "2026-12-02")).toEqual({
      from: "2026-11-29",
      to: "2026-12-02",
    });
    expect(receiptDaysOf(backlogAges[5], "2026-12-02")).toEqual({ from: null, to: "2026-10-02" });
  });
});

describe("customers at risk", () => {
  it("counts the leavers slowness adds over quick resolution (46% and 81% against 18%)", () => {
    expect(customersAtRisk({ closedLate: 100, openOverdue: 0 })).toBe(28);
    expect(customersAtRisk({ closedLate: 0, openOverdue: 100 })).toBe(63);
    expect(customersAtRisk({ closedLate: 0, openOverdue: 0 })).toBe(0);
  });
});
