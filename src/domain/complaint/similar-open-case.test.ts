import { describe, expect, it } from "vitest";
import {
  SIMILAR_MIN_SHARED,
  SIMILAR_SHARE,
  similarOpenCase,
  wordingShare,
} from "./similar-open-case.js";

const card = { id: "a", category: "delivery", subject: "信用卡两个月未收到" };
const fee = { id: "b", category: "price", subject: "储蓄卡被扣小额账户管理费" };

describe("wordingShare", () => {
  it("is 1 for the same words and 0 for nothing in common", () => {
    expect(wordingShare("信用卡未收到", "信用卡未收到").share).toBe(1);
    expect(wordingShare("信用卡未收到", "网点柜员态度恶劣").share).toBe(0);
  });

  it("measures against the smaller text, so a long story containing the subject scores high", () => {
    const story = "客户来电说信用卡两个月了还是未收到，要求尽快寄出";
    // All of the subject's 8 pairs but 月未 (the story says 个月了…未收到).
    expect(wordingShare(story, card.subject)).toEqual({ shared: 7, share: 7 / 8 });
  });

  it("reads Latin words whole and in any case, and leaves numbers out", () => {
    expect(wordingShare("ETC 扣费 2 次", "etc扣费")).toEqual({ shared: 2, share: 1 });
    expect(wordingShare("123", "123").shared).toBe(0);
    expect(wordingShare("ＡＴＭ吞卡", "atm吞卡").share).toBe(1);
  });

  it("is 0 for an empty text", () => {
    expect(wordingShare("", card.subject)).toEqual({ shared: 0, share: 0 });
  });
});

describe("similarOpenCase", () => {
  it("proposes the open case of the same category whose subject the text repeats", () => {
    const found = similarOpenCase("信用卡还是没收到，两个月了", "delivery", [fee, card]);
    expect(found?.case).toBe(card);
  });

  it("proposes nothing in another category, however alike the words", () => {
    expect(similarOpenCase("信用卡两个月未收到", "service", [card])).toBeNull();
  });

  it("proposes nothing before a category is known", () => {
    expect(similarOpenCase("信用卡两个月未收到", undefined, [card])).toBeNull();
    expect(similarOpenCase("信用卡两个月未收到", null, [card])).toBeNull();
  });

  it("needs a share of at least 0.5 and three shared pairs", () => {
    expect(SIMILAR_SHARE).toBe(0.5);
    expect(SIMILAR_MIN_SHARED).toBe(3);
    const subject = [{ category: "price", subject: "甲乙丙丁戊己庚辛壬" }]; // 8 pairs
    const story = "子丑寅卯辰巳午未申酉"; // 9 pairs, none of them the subject's
    // 4 of the subject's 8 pairs: exactly the threshold.
    expect(similarOpenCase(`甲乙丙丁戊，${story}`, "price", subject)?.share).toBe(0.5);
    // 3 of 8: below it.
    expect(similarOpenCase(`甲乙丙丁，${story}`, "price", subject)).toBeNull();
    // 2 of 2 is a share of 1, but only two pairs: too little typed yet.
    expect(
      similarOpenCase("甲乙丙", "price", [{ category: "price", subject: "甲乙丙" }]),
    ).toBeNull();
    // 3 of 3 pairs: enough.
    expect(
      similarOpenCase("甲乙丙丁", "price", [{ category: "price", subject: "甲乙丙丁" }])?.share,
    ).toBe(1);
  });

  it("prefers the higher share, then the newer case (first in the list)", () => {
    const older = { id: "old", category: "delivery", subject: "信用卡两个月未收到" };
    const newer = { id: "new", category: "delivery", subject: "信用卡两个月未收到" };
    const closer = { id: "close", category: "delivery", subject: "补办的信用卡未收到" };
    expect(similarOpenCase("补办的信用卡未收到", "delivery", [newer, older, closer])?.case).toBe(
      closer,
    );
    expect(similarOpenCase("信用卡两个月未收到", "delivery", [newer, older])?.case).toBe(newer);
  });

  it("matches mixed Chinese and Latin text", () => {
    const etc = { category: "price", subject: "ETC通行费重复扣款" };
    // etc 通行 行费 重复 复扣 扣款 of the subject's 7 (费重 is split by 又被).
    expect(similarOpenCase("etc 通行费又被重复扣款了", "price", [etc])?.share).toBe(6 / 7);
  });
});
