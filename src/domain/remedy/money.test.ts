import { describe, expect, it } from "vitest";
import { fenFromYuan, yuanFromFen } from "./money.js";

describe("money in fen", () => {
  it("reads yuan with up to two decimals exactly", () => {
    expect(fenFromYuan("200.00")).toBe(20_000);
    expect(fenFromYuan("200.5")).toBe(20_050);
    expect(fenFromYuan("0.01")).toBe(1);
    expect(fenFromYuan("0")).toBe(0);
    expect(fenFromYuan("10000")).toBe(1_000_000);
  });

  it("adds 0.10 and 0.20 to exactly 0.30, where floats give 0.30000000000000004", () => {
    const sum = fenFromYuan("0.10")! + fenFromYuan("0.20")!;
    expect(sum).toBe(30);
    expect(yuanFromFen(sum)).toBe("0.30");
    expect(0.1 + 0.2).not.toBe(0.3);
  });

  it("refuses what is not an amount: three decimals, signs, grouping, leading zeros, words", () => {
    for (const text of ["1.005", "-5", "+5", "1,000", "01", ".5", "5.", "¥5", "五元", "", "1e3"])
      expect(fenFromYuan(text), text).toBeNull();
  });

  it("writes fen back as yuan with two decimals, reversals negative", () => {
    expect(yuanFromFen(20_050)).toBe("200.50");
    expect(yuanFromFen(7)).toBe("0.07");
    expect(yuanFromFen(-15_000)).toBe("-150.00");
  });
});
