import { describe, expect, it } from "vitest";
import {
  blocksClosing,
  defaultNoticeTarget,
  EXTENSION_NOTICE,
  extensionNoticeTarget,
} from "./extension-notice.js";

describe("the extension notice (延期告知)", () => {
  it("is due within the policy's first-response target, else one working day", () => {
    const firstResponse = { amount: 4, unit: "hours" } as const;
    expect(extensionNoticeTarget({ targets: { firstResponse } })).toEqual(firstResponse);
    expect(
      extensionNoticeTarget({ targets: { customerReply: { amount: 15, unit: "calendar_days" } } }),
    ).toEqual({ amount: 1, unit: "working_days" });
    expect(extensionNoticeTarget(null)).toEqual(defaultNoticeTarget);
  });

  it("keeps the case from closing only while it runs", () => {
    expect(blocksClosing({ name: EXTENSION_NOTICE, stopped: false })).toBe(true);
    expect(blocksClosing({ name: EXTENSION_NOTICE, stopped: true })).toBe(false);
    expect(blocksClosing({ name: "customerReply", stopped: false })).toBe(false);
  });
});
