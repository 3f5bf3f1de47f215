import { afterEach, describe, expect, it } from "vitest";
import { centerToday, setCenterTimeZone } from "./center-day";

describe("the center's today", () => {
  afterEach(() => setCenterTimeZone("Asia/Shanghai"));
  const eveningInLondon = new Date("2026-11-30T18:30:00Z");

  it("is the center's date, not the browser's, across a month's end", () => {
    setCenterTimeZone("Asia/Shanghai");
    expect(centerToday(eveningInLondon)).toBe("2026-12-01");
  });

  it("follows the zone the server names", () => {
    setCenterTimeZone("America/New_York");
    expect(centerToday(eveningInLondon)).toBe("2026-11-30");
  });
});
