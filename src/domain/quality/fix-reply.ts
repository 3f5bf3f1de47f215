// 闭环: once D6's verification is approved, the owners of the linked complaints still open are
// told to reply, with the verified fix offered as the reply's text.

import type { D4Data, D5Data, D6Data } from "./disciplines.js";

export interface FixFacts {
  number: string;
  product: string;
  model: string | null;
  d4: Partial<D4Data>;
  d5: Partial<D5Data>;
  d6: Partial<D6Data>;
}

export function fixReplyTemplate(facts: FixFacts): string {
  const product = [facts.product, facts.model].filter(Boolean).join(" ");
  const cause = facts.d4.rootCauses?.find((c) => c.kind === "occurrence")?.statement;
  const chosen =
    facts.d5.chosen !== undefined ? facts.d5.options?.[facts.d5.chosen]?.option : undefined;
  const parts = [
    `您好，关于您反馈的${product}问题，我们已组织专项小组分析处理（${facts.number}）。`,
    cause ? `经分析，问题原因是：${cause}。` : "",
    chosen ? `我们已采取永久改进措施：${chosen}。` : "",
    facts.d6.verification ? `经验证，改进有效：${facts.d6.verification}。` : "",
    "感谢您的反馈与耐心，如仍有问题请随时联系我们。",
  ];
  return parts.filter(Boolean).join("");
}
