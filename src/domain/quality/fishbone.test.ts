import { XMLParser, XMLValidator } from "fast-xml-parser";
import { expect, it } from "vitest";
import { fishboneBones, fishboneSvg, textBounds, textWidth, wrapText } from "./fishbone.js";

const d4 = {
  rootCauses: [
    {
      kind: "occurrence" as const,
      statement: "注塑模温偏低",
      category: "machine" as const,
      whys: [],
      evidence: [],
    },
    {
      kind: "escape" as const,
      statement: "缺低温冲击测试 <IEC>",
      category: "measurement" as const,
      whys: [],
      evidence: [],
    },
  ],
  fishbone: { machine: ["注塑模温偏低", "模具磨损"], material: ["料批次 & 水分"], man: [] },
};

it("files the root causes on their bones, marked", () => {
  const bones = fishboneBones(d4);
  expect(bones.machine).toEqual([
    { text: "注塑模温偏低", root: true },
    { text: "模具磨损", root: false },
  ]);
  expect(bones.measurement).toEqual([{ text: "缺低温冲击测试 <IEC>", root: true }]);
  expect(bones.environment).toEqual([]);
});

it("draws an SVG that parses, with the six bones 人 机 料 法 环 测 and every cause", () => {
  const svg = fishboneSvg(d4, "X200 外壳开裂");
  expect(XMLValidator.validate(svg)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false }).parse(svg);
  expect(doc.svg["@_xmlns"]).toBe("http://www.w3.org/2000/svg");
  const groups = doc.svg.g as { "@_data-category": string }[];
  expect(groups.map((g) => g["@_data-category"])).toEqual([
    "man",
    "machine",
    "material",
    "method",
    "environment",
    "measurement",
  ]);
  for (const label of ["人", "机", "料", "法", "环", "测", "模具磨损", "X200 外壳开裂"])
    expect(svg).toContain(label);
  expect(svg).toContain("缺低温冲击测试 &#60;IEC&#62;");
  expect(svg).toContain("料批次 &#38; 水分");
});

it("draws an empty fishbone for a D4 not yet filled in", () => {
  expect(XMLValidator.validate(fishboneSvg({}, "问题"))).toBe(true);
});

it("keeps every label, however long, inside the view box (the left bones' causes included)", () => {
  const long = "注塑车间夜班模温控制器未按作业指导书点检导致模温长期偏低且无人发现";
  const bones = {
    man: [long, "新员工未培训 Operator training missing for night shift"],
    machine: [long],
    material: ["PC/ABS 料批次 2026-10 含水率超标 0.05%"],
    method: [long],
    environment: ["冬季车间温度低于 10 ℃"],
    measurement: [long],
  };
  const svg = fishboneSvg({ fishbone: bones, rootCauses: [] }, `${long}（X200 外壳开裂）`);
  expect(XMLValidator.validate(svg)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, textNodeName: "#text" }).parse(svg);
  const [x, y, width, height] = (doc.svg["@_viewBox"] as string).split(" ").map(Number) as [
    number,
    number,
    number,
    number,
  ];
  const texts = [
    ...[doc.svg.text].flat(),
    ...(doc.svg.g as { text: unknown }[]).flatMap((g) => [g.text].flat()),
  ].filter(Boolean) as Record<string, string | number>[];
  expect(texts.length).toBeGreaterThan(12);
  for (const t of texts) {
    const label = String(t["#text"]);
    const size = Number(t["@_font-size"]);
    const box = textBounds({
      kind: "text",
      x: Number(t["@_x"]),
      y: Number(t["@_y"]),
      text: label,
      size,
      color: "",
      anchor: t["@_text-anchor"] as "start" | "middle" | "end",
    });
    expect(box.left, label).toBeGreaterThanOrEqual(x);
    expect(box.right, label).toBeLessThanOrEqual(x + width);
    expect(box.top, label).toBeGreaterThanOrEqual(y);
    expect(box.bottom, label).toBeLessThanOrEqual(y + height);
  }
  // Long causes are wrapped onto a second line, not cut at the picture's edge.
  expect(svg).toContain(">注塑车间夜班模温控制器未按作<");
  expect(svg).toContain(">业指导书点检导致模温长期偏…<");
});

it("measures full-width characters at one em and narrow ones at 0.6", () => {
  expect(textWidth("模温", 10)).toBe(20);
  expect(textWidth("X2", 10)).toBe(12);
  expect(wrapText("一二三四五六七", 10, 30, 3)).toEqual(["一二三", "四五六", "七"]);
  expect(wrapText("一二三四五六七", 10, 30, 2)).toEqual(["一二三", "四五…"]);
});
