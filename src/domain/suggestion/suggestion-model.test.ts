import { describe, expect, it } from "vitest";
import { type LabelledCase, suggest, trainSuggestions } from "./suggestion-model.js";
import { textFeatures } from "./text-features.js";

/** A seeded generator (mulberry32), so the set and every figure below are the same on each run. */
function seeded(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}

// Each category has its own ways of saying the trouble; a business type its own products; the
// department follows the business type, the causes the category. Words every case shares and
// numbers that differ from case to case are the noise.
const categories = {
  delivery: ["卡片一直没有寄到", "快递迟迟未送达", "邮寄地址填了却收不到", "补卡一个月还没到"],
  price: ["多收了年费", "手续费收取不合理", "利息算得比合同高", "扣费没有提前告知"],
  service: ["柜员态度恶劣", "客服挂断电话", "经理推诿不处理", "工作人员说话难听"],
  outage: ["小区突然停电", "晚上停电没有通知", "线路故障一直断电", "计划停电超时未恢复"],
  quality: ["空调外壳开裂", "制冷效果很差", "机器噪音特别大", "用了三天就坏了"],
} as const;
const businessTypes = {
  credit_card: ["信用卡", "白金卡"],
  savings: ["储蓄卡", "存款账户"],
  power_supply: ["供电", "电表"],
  appliance: ["空调", "家电产品"],
} as const;
const departmentOf = {
  credit_card: "card-center",
  savings: "branch",
  power_supply: "grid-ops",
  appliance: "after-sales",
};
const causesOf = {
  delivery: ["time_delayed", "right_to_know"],
  price: ["terms", "disclosure"],
  service: ["service_attitude", "person"],
  outage: ["right_to_know", "need_unmet"],
  quality: ["product_quality", "need_unmet"],
};
const filler = [
  "您好",
  "我想反映一个问题",
  "请尽快处理",
  "非常着急",
  "希望给个说法",
  "已经第二次来电",
];

type Category = keyof typeof categories;
type Business = keyof typeof businessTypes;

/** `n` cases, a tenth of them filed under a wrong category as real agents sometimes do. */
function generated(n: number, seed = 7): LabelledCase[] {
  const r = seeded(seed);
  return Array.from({ length: n }, (_, i) => {
    const category = r.pick(Object.keys(categories) as Category[]);
    const business = r.pick(Object.keys(businessTypes) as Business[]);
    const text = [
      r.pick(filler),
      `我的${r.pick(businessTypes[business])}${r.pick(categories[category])}`,
      `已经${Math.floor(r.next() * 60) + 1}天`,
      r.pick(filler),
    ].join("，");
    const filed = r.next() < 0.1 ? r.pick(Object.keys(categories) as Category[]) : category;
    return {
      id: `case-${seed}-${i}`,
      text,
      labels: {
        category: [filed],
        cause: [r.pick(causesOf[category])],
        businessType: [business],
        department: [departmentOf[business]],
      },
    };
  });
}

describe("text features", () => {
  it("reads Chinese as character pairs, words in lower case and any number as one token", () => {
    expect(textFeatures("信用卡Visa 2张，付了1,200.50元")).toEqual([
      "信用",
      "用卡",
      "visa",
      "#num",
      "张",
      "付了",
      "元",
    ]);
  });
});

describe("suggestions learned from closed cases", () => {
  const trained = trainSuggestions(generated(2000));

  it("names the likeliest category, business type and department of a new text first", () => {
    const s = suggest(trained.model, "信用卡申请了快一个月，卡片一直没有寄到");
    expect(s.category[0]!.id).toBe("delivery");
    expect(s.businessType[0]!.id).toBe("credit_card");
    expect(s.department[0]!.id).toBe("card-center");
    expect(s.category).toHaveLength(3);
  });

  it("gives confidences between 0 and 1, likeliest first, summing to at most 1", () => {
    const s = suggest(trained.model, "小区晚上停电没有通知");
    for (const list of Object.values(s)) {
      const c = list.map((x) => x.confidence);
      expect(c).toEqual([...c].sort((a, b) => b - a));
      expect(c.every((x) => x > 0 && x <= 1)).toBe(true);
      expect(c.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1.001);
    }
  });

  it("suggests nothing for a text with nothing it has seen", () => {
    expect(suggest(trained.model, "abcdefg")).toEqual({
      category: [],
      cause: [],
      businessType: [],
      department: [],
    });
  });

  // The stated floors: with a tenth of the labels wrong, the category can be right at most ~90%.
  it("beats the commonest-value baseline on held-out cases, above the stated floors", () => {
    const { accuracy, heldOut } = trained;
    expect(heldOut).toBeGreaterThan(300);
    expect(accuracy.category.top1).toBeGreaterThanOrEqual(0.8);
    expect(accuracy.businessType.top1).toBeGreaterThanOrEqual(0.9);
    expect(accuracy.department.top1).toBeGreaterThanOrEqual(0.9);
    expect(accuracy.cause.top3).toBeGreaterThanOrEqual(0.9);
    for (const field of ["category", "businessType", "department", "cause"] as const) {
      expect(accuracy[field].top1!).toBeGreaterThan(accuracy[field].baseline! + 0.2);
      expect(accuracy[field].top3!).toBeGreaterThanOrEqual(accuracy[field].top1!);
    }
  });

  it("is deterministic: the same cases give the same model and figures", () => {
    expect(trainSuggestions(generated(2000))).toEqual(trained);
  });

  it("keeps the model's size to the words used, not the number of cases", () => {
    const size = (n: number) => JSON.stringify(trainSuggestions(generated(n, 3)).model).length;
    expect(size(8000)).toBeLessThan(size(2000) * 1.5);
  });

  it("measures nothing when there is nothing to hold out", () => {
    const none = trainSuggestions([]);
    expect(none.accuracy.category).toEqual({ cases: 0, top1: null, top3: null, baseline: null });
    expect(suggest(none.model, "信用卡").category).toEqual([]);
  });
});
