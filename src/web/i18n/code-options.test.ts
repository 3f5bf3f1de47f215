import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { codeOptions } from "./code-options";

const zh: Record<string, string> = { "severity.high": "高", "severity.low": "低" };
const t = ((key: string) => zh[key] ?? key) as TFunction;

describe("a select's options for codes", () => {
  it("labels each code by its message under the prefix, in the order given", () => {
    expect(codeOptions(t, "severity", ["low", "high"] as const)).toEqual([
      { value: "low", label: "低" },
      { value: "high", label: "高" },
    ]);
  });
});
