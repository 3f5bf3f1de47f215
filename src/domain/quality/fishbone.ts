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

/**
 * How wide a text is drawn, in units of its font size: a CJK (or other full-width) character is
 * one em, anything narrower counted at 0.6 em, which Noto Sans SC's Latin letters and digits stay
 * under. Labels are laid out from this measure, so nothing is cut by the picture's edge.
 */
export function textWidth(text: string, size: number): number {
  let ems = 0;
  for (const ch of text) ems += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.6;
  return ems * size;
}

/**
 * A label broken into lines no wider than `width`, at most `maxLines`; what would not fit ends the
 * last line with …: a cause is a short statement, its full words stay in the D4 record.
 */
export function wrapText(text: string, size: number, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const ch of text) {
    if (line && textWidth(line + ch, size) > width) {
      lines.push(line);
      line = "";
    }
    line += ch;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last && textWidth(`${last}…`, size) > width) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last}…`;
  return kept;
}

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

/** The drawing's own coordinates; the view box grows past them to hold every label whole. */
export const FISHBONE_WIDTH = 1020;
export const FISHBONE_HEIGHT = 560;
const CAUSE_SIZE = 12;
/** A cause label's lines: wide enough for a short sentence, two lines before … */
const CAUSE_WIDTH = 14 * CAUSE_SIZE;
const CAUSE_LINES = 2;
const MARGIN = 8;

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

export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The shapes and the box that holds all of them, every label measured (`textWidth`). */
export interface FishboneLayout {
  shapes: Shape[];
  viewBox: ViewBox;
}

/** Where a text shape reaches: its measured width from the anchor, an em above and a descent below. */
export function textBounds(s: Extract<Shape, { kind: "text" }>) {
  const w = textWidth(s.text, s.size);
  const left = s.anchor === "end" ? s.x - w : s.anchor === "middle" ? s.x - w / 2 : s.x;
  return { left, right: left + w, top: s.y - s.size, bottom: s.y + s.size * 0.25 };
}

function boundsOf(shapes: Shape[]): ViewBox {
  let [minX, minY, maxX, maxY] = [0, 0, FISHBONE_WIDTH, FISHBONE_HEIGHT];
  const take = (l: number, t: number, r: number, b: number) => {
    [minX, minY, maxX, maxY] = [
      Math.min(minX, l),
      Math.min(minY, t),
      Math.max(maxX, r),
      Math.max(maxY, b),
    ];
  };
  for (const s of shapes) {
    if (s.kind === "line")
      take(Math.min(s.x1, s.x2), Math.min(s.y1, s.y2), Math.max(s.x1, s.x2), Math.max(s.y1, s.y2));
    else if (s.kind === "polygon") for (const [x, y] of s.points) take(x, y, x, y);
    else if (s.kind === "rect") take(s.x, s.y, s.x + s.w, s.y + s.h);
    else {
      const b = textBounds(s);
      take(b.left, b.top, b.right, b.bottom);
    }
  }
  const x = Math.floor(minX - MARGIN);
  const y = Math.floor(minY - MARGIN);
  return { x, y, width: Math.ceil(maxX + MARGIN) - x, height: Math.ceil(maxY + MARGIN) - y };
}

export function fishboneLayout(d4: Partial<D4Data>, problem: string): FishboneLayout {
  const shapes = fishboneShapes(d4, problem);
  return { shapes, viewBox: boundsOf(shapes) };
}

export function fishboneShapes(d4: Partial<D4Data>, problem: string): Shape[] {
  const bones = fishboneBones(d4);
  const spineY = FISHBONE_HEIGHT / 2;
  const spineEnd = 820;
  const head = wrapText(problem, 15, 150, 3);
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
    ...head.map(
      (text, k): Shape => ({
        kind: "text",
        x: spineEnd + 103,
        y: spineY + 5 + (k - (head.length - 1) / 2) * 19,
        text,
        size: 15,
        color: "#b91c1c",
        bold: true,
        anchor: "middle",
      }),
    ),
  ];
  fishboneCategories.forEach((category, i) => {
    const top = i < 3;
    const boneX = 200 + (i % 3) * 260;
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
      const lines = wrapText(
        `${cause.text}${cause.root ? " ★" : ""}`,
        CAUSE_SIZE,
        CAUSE_WIDTH,
        CAUSE_LINES,
      );
      shapes.push({ kind: "line", x1: x - 50, y1: y, x2: x, y2: y, color: "#9ca3af", width: 1 });
      // The lines stack upwards from the tick, so a second line never reaches the next cause's.
      shapes.push(
        ...lines.map(
          (text, k): Shape => ({
            kind: "text",
            x: x - 52,
            y: y - 3 - (lines.length - 1 - k) * (CAUSE_SIZE + 2),
            text,
            size: CAUSE_SIZE,
            color: cause.root ? "#b91c1c" : "#374151",
            bold: cause.root,
            anchor: "end",
            category,
          }),
        ),
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
  const { shapes, viewBox: v } = fishboneLayout(d4, problem);
  const groups = fishboneCategories.map(
    (category) =>
      `<g class="bone" data-category="${category}">${shapes
        .filter((s) => s.kind === "text" && s.category === category)
        .map(svgOf)
        .join("")}</g>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${v.x} ${v.y} ${v.width} ${v.height}" width="${v.width}" height="${v.height}" font-family="'Noto Sans SC', 'Noto Sans CJK SC', sans-serif" role="img">`,
    `<title>${escapeXml(`鱼骨图：${problem}`)}</title>`,
    ...shapes.filter((s) => s.kind !== "text" || !s.category).map(svgOf),
    ...groups,
    "</svg>",
  ].join("\n");
}
