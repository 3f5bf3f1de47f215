// The fishbone (Ishikawa) of D4 as SVG: the problem at the head, six bones for 人 机 料 法 环 测,
// each listing its candidate causes, the root causes marked. Pure: the page and the report draw
// the same picture from the same record.

import {
  type D4Data,
  type FishboneCategory,
  fishboneCategories,
  fishboneLabels,
} from "./disciplines.js";

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A long cause is cut so the bones keep their shape. */
const clip = (text: string, max = 16) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export interface FishboneCause {
  text: string;
  root: boolean;
}

/** Each bone's causes: the fishbone's candidates, then the root causes filed under it. */
export function fishboneBones(d4: Partial<D4Data>): Record<FishboneCategory, FishboneCause[]> {
  const bones = Object.fromEntries(fishboneCategories.map((c) => [c, [] as FishboneCause[]]));
  for (const category of fishboneCategories)
    for (const text of d4.fishbone?.[category] ?? [])
      if (text.trim()) bones[category]!.push({ text: text.trim(), root: false });
  for (const cause of d4.rootCauses ?? []) {
    if (!cause.category) continue;
    const bone = bones[cause.category]!;
    const same = bone.find((c) => c.text === cause.statement.trim());
    if (same) same.root = true;
    else bone.push({ text: cause.statement.trim(), root: true });
  }
  return bones as Record<FishboneCategory, FishboneCause[]>;
}

export const FISHBONE_WIDTH = 960;
export const FISHBONE_HEIGHT = 440;

/** The drawing as plain shapes: SVG and the PDF report each render the same list. */
export type Shape =
  | { kind: "line"; x1: number; y1: number; x2: number; y2: number; color: string; width: number }
  | { kind: "polygon"; points: [number, number][]; color: string }
  | { kind: "rect"; x: number; y: number; w: number; h: number; fill: string; stroke: string }
  | {
      kind: "text";
      x: number;
      y: number;
      text: string;
      size: number;
      color: string;
      bold?: boolean;
      anchor: "start" | "middle" | "end";
      /** The bone a label or cause belongs to. */
      category?: FishboneCategory;
    };

export function fishboneShapes(d4: Partial<D4Data>, problem: string): Shape[] {
  const bones = fishboneBones(d4);
  const spineY = FISHBONE_HEIGHT / 2;
  const spineEnd = 760;
  const shapes: Shape[] = [
    { kind: "line", x1: 30, y1: spineY, x2: spineEnd, y2: spineY, color: "#1f2937", width: 3 },
    {
      kind: "polygon",
      points: [
        [spineEnd, spineY - 10],
        [spineEnd + 16, spineY],
        [spineEnd, spineY + 10],
      ],
      color: "#1f2937",
    },
    {
      kind: "rect",
      x: spineEnd + 18,
      y: spineY - 40,
      w: 170,
      h: 80,
      fill: "#fef2f2",
      stroke: "#b91c1c",
    },
    {
      kind: "text",
      x: spineEnd + 103,
      y: spineY + 5,
      text: clip(problem, 11),
      size: 15,
      color: "#b91c1c",
      bold: true,
      anchor: "middle",
    },
  ];
  fishboneCategories.forEach((category, i) => {
    const top = i < 3;
    const boneX = 200 + (i % 3) * 210;
    const endY = top ? 40 : FISHBONE_HEIGHT - 40;
    const startX = boneX - 120;
    shapes.push(
      { kind: "line", x1: startX, y1: endY, x2: boneX, y2: spineY, color: "#374151", width: 2 },
      {
        kind: "text",
        x: startX,
        y: top ? endY - 12 : endY + 24,
        text: fishboneLabels[category],
        size: 18,
        color: "#111827",
        bold: true,
        anchor: "middle",
        category,
      },
    );
    bones[category].slice(0, 6).forEach((cause, j) => {
      const t = (j + 1) / 7;
      const x = startX + (boneX - startX) * t;
      const y = endY + (spineY - endY) * t;
      shapes.push(
        { kind: "line", x1: x - 50, y1: y, x2: x, y2: y, color: "#9ca3af", width: 1 },
        {
          kind: "text",
          x: x - 52,
          y: y - 3,
          text: `${clip(cause.text)}${cause.root ? " ★" : ""}`,
          size: 12,
          color: cause.root ? "#b91c1c" : "#374151",
          bold: cause.root,
          anchor: "end",
          category,
        },
      );
    });
  });
  return shapes;
}

function svgOf(shape: Shape): string {
  switch (shape.kind) {
    case "line":
      return `<line x1="${shape.x1}" y1="${shape.y1}" x2="${shape.x2}" y2="${shape.y2}" stroke="${shape.color}" stroke-width="${shape.width}"/>`;
    case "polygon":
      return `<polygon points="${shape.points.map((p) => p.join(",")).join(" ")}" fill="${shape.color}"/>`;
    case "rect":
      return `<rect x="${shape.x}" y="${shape.y}" width="${shape.w}" height="${shape.h}" rx="6" fill="${shape.fill}" stroke="${shape.stroke}" stroke-width="2"/>`;
    case "text":
      return `<text x="${shape.x}" y="${shape.y}" text-anchor="${shape.anchor}" font-size="${shape.size}" fill="${shape.color}"${shape.bold ? ' font-weight="bold"' : ""}>${escapeXml(shape.text)}</text>`;
  }
}

export function fishboneSvg(d4: Partial<D4Data>, problem: string): string {
  const shapes = fishboneShapes(d4, problem);
  const groups = fishboneCategories.map(
    (category) =>
      `<g class="bone" data-category="${category}">${shapes
        .filter((s) => s.kind === "text" && s.category === category)
        .map(svgOf)
        .join("")}</g>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${FISHBONE_WIDTH} ${FISHBONE_HEIGHT}" width="${FISHBONE_WIDTH}" height="${FISHBONE_HEIGHT}" font-family="'Noto Sans SC', 'Noto Sans CJK SC', sans-serif" role="img">`,
    `<title>${escapeXml(`鱼骨图：${problem}`)}</title>`,
    ...shapes.filter((s) => s.kind !== "text" || !s.category).map(svgOf),
    ...groups,
    "</svg>",
  ].join("\n");
}
