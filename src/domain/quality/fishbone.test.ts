import { XMLParser, XMLValidator } from "fast-xml-parser";
import { expect, it } from "vitest";
import { fishboneBones, fishboneSvg } from "./fishbone.js";

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
