import { describe, expect, it } from "vitest";
import { displayWidth, formatTable } from "./text-table.js";

describe("formatTable", () => {
  it("counts Chinese characters as two columns", () => {
    expect(displayWidth("已办结")).toBe(6);
    expect(displayWidth("closed")).toBe(6);
    expect(displayWidth("工号 1023")).toBe(9);
  });

  it("aligns mixed Chinese and Latin columns and right-aligns numbers", () => {
    expect(
      formatTable([
        ["已受理", "received", 5],
        ["重办", "reopened", 12],
      ]),
    ).toBe(["已受理  received   5", "重办    reopened  12"].join("\n"));
  });
});
