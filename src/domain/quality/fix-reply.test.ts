import { expect, it } from "vitest";
import { fixReplyTemplate } from "./fix-reply.js";

it("offers the verified fix as the reply to the customer", () => {
  const text = fixReplyTemplate({
    number: "8D-2026-0001",
    product: "空调",
    model: "KFR-35",
    d4: {
      rootCauses: [
        { kind: "escape", statement: "出厂未测", whys: [], evidence: [] },
        { kind: "occurrence", statement: "电容批次不良", whys: [], evidence: [] },
      ],
    },
    d5: {
      options: [{ option: "更换电容供应商", scores: { effect: 5, speed: 4, cost: 3, ease: 4 } }],
      chosen: 0,
    },
    d6: { verification: "连续运行72小时无故障" },
  });
  expect(text).toContain("空调 KFR-35");
  expect(text).toContain("8D-2026-0001");
  expect(text).toContain("电容批次不良");
  expect(text).toContain("更换电容供应商");
  expect(text).toContain("连续运行72小时无故障");
  expect(text).not.toContain("出厂未测");
});
