// The 8D report as PDF, in Chinese: every discipline with its status, owner, due date and
// approver, the is / is-not table, the fishbone, the options compared, the team. The font is
// Noto Sans SC from an npm package (no system font needed); pdfkit embeds the subset of glyphs
// used, with a ToUnicode map, so the text is selectable and searchable.

import { createRequire } from "node:module";
import type { D4Data, RootCause } from "../../domain/quality/disciplines.js";
import { fishboneLabels } from "../../domain/quality/disciplines.js";
import { fishboneLayout } from "../../domain/quality/fishbone.js";
import type { QualityCaseDto } from "./quality-case.schemas.js";
import { type Column, disciplineSections, type Section } from "./report-sections.js";

const require = createRequire(import.meta.url);
const fonts = {
  regular: require.resolve("@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf"),
  bold: require.resolve("@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf"),
};

const statusZh = { draft: "草稿", submitted: "已提交", approved: "已批准", sent_back: "已退回" };
/** Dates as the center reads them, in its own time zone. */
const timesIn = (timeZone: string) => {
  const format = new Intl.DateTimeFormat("zh-CN", {
    timeZone,
    dateStyle: "medium",
    timeStyle: "short",
  });
  return (d: Date | string | null | undefined) => (d ? format.format(new Date(d)) : "—");
};
const who = (p: { agentNo: string; name: string } | null) =>
  p ? `${p.name}（${p.agentNo}）` : "—";

type Doc = PDFKit.PDFDocument;
const LEFT = 40;
const WIDTH = 515;

export function heading(doc: Doc, text: string, size = 14) {
  if (doc.y > 720) doc.addPage();
  doc.moveDown(0.6).font("bold").fontSize(size).fillColor("#111827").text(text, LEFT);
  doc.font("regular").fontSize(10).fillColor("#111827");
}

export type Value = string | number | null | undefined;
const shown = (value: Value) =>
  value === null || value === undefined || value === "" ? "—" : String(value);

export function line(doc: Doc, label: string, value: Value) {
  doc.font("bold").text(`${label}：`, LEFT, doc.y, { continued: true });
  doc.font("regular").text(shown(value));
}

/** A simple table: a header row, then rows; each row as tall as its tallest cell. */
export function table(doc: Doc, columns: Column[], rows: Value[][]) {
  const draw = (cells: string[], bold: boolean) => {
    doc.font(bold ? "bold" : "regular").fontSize(9);
    const heights = cells.map((c, i) => doc.heightOfString(c, { width: columns[i]![1] - 8 }));
    const h = Math.max(...heights) + 8;
    if (doc.y + h > 790) doc.addPage();
    const y = doc.y;
    let x = LEFT;
    cells.forEach((c, i) => {
      const w = columns[i]![1];
      if (bold) doc.rect(x, y, w, h).fillAndStroke("#f3f4f6", "#9ca3af").fillColor("#111827");
      else doc.rect(x, y, w, h).stroke("#9ca3af");
      doc.text(c, x + 4, y + 4, { width: w - 8 });
      x += w;
    });
    doc.x = LEFT;
    doc.y = y + h;
  };
  draw(
    columns.map(([title]) => title),
    true,
  );
  for (const row of rows) draw(row.map(shown), false);
  doc.fontSize(10).moveDown(0.3);
}

function fishbone(doc: Doc, d4: Partial<D4Data>, problem: string) {
  const { shapes, viewBox } = fishboneLayout(d4, problem);
  const scale = WIDTH / viewBox.width;
  const h = viewBox.height * scale;
  if (doc.y + h > 790) doc.addPage();
  const top = doc.y;
  const at = (x: number, y: number): [number, number] => [
    LEFT + (x - viewBox.x) * scale,
    top + (y - viewBox.y) * scale,
  ];
  for (const s of shapes) {
    if (s.kind === "line")
      doc
        .moveTo(...at(s.x1, s.y1))
        .lineTo(...at(s.x2, s.y2))
        .lineWidth(s.width * scale)
        .stroke(s.color);
    else if (s.kind === "polygon") doc.polygon(...s.points.map(([x, y]) => at(x, y))).fill(s.color);
    else if (s.kind === "rect")
      doc
        .rect(...at(s.x, s.y), s.w * scale, s.h * scale)
        .lineWidth(1)
        .fillAndStroke(s.fill, s.stroke);
    else {
      const size = s.size * scale;
      doc
        .font(s.bold ? "bold" : "regular")
        .fontSize(size)
        .fillColor(s.color);
      const w = doc.widthOfString(s.text);
      const [x, y] = at(s.x, s.y);
      const left = s.anchor === "middle" ? x - w / 2 : s.anchor === "end" ? x - w : x;
      doc.text(s.text, left, y - size, { lineBreak: false });
    }
  }
  doc.fillColor("#111827").font("regular").fontSize(10).lineWidth(1);
  doc.x = LEFT;
  doc.y = top + h + 6;
}

function causes(doc: Doc, rootCauses: RootCause[]) {
  for (const cause of rootCauses) {
    const kind = cause.kind === "occurrence" ? "发生根本原因" : "流出根本原因";
    const bone = cause.category ? `（${fishboneLabels[cause.category]}）` : "";
    doc.font("bold").text(`${kind}：${cause.statement}${bone}`, LEFT);
    doc.font("regular");
    cause.whys.forEach((why, i) => {
      doc.text(`  为什么 ${i + 1}：${why}`, LEFT);
    });
  }
}

function draw(doc: Doc, section: Section, problem: string) {
  if (section.kind === "table") table(doc, section.columns, section.rows);
  else if (section.kind === "line") line(doc, section.label, section.value);
  else if (section.kind === "causes") causes(doc, section.causes);
  else {
    doc.moveDown(0.3).font("bold").text("鱼骨图（人 机 料 法 环 测）", LEFT);
    doc.font("regular").moveDown(0.2);
    fishbone(doc, section.d4, problem);
  }
}

/**
 * An A4 document in Chinese (the fonts registered as `regular` and `bold`) and the PDF it becomes
 * once ended; the 8D report's and the monthly analysis' (server/improvement).
 */
export async function pdfDocument(title: string) {
  // Loaded on the first report, not at start: pdfkit and its font engine are large.
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({ size: "A4", margin: LEFT, info: { Title: title, Author: "kesu" } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("regular", fonts.regular);
  doc.registerFont("bold", fonts.bold);
  return { doc, done };
}

/** The report of one case; `names` gives the display names of D1's members. */
export async function qualityReportPdf(
  c: QualityCaseDto,
  names: Map<string, string>,
  timeZone: string,
): Promise<Buffer> {
  const when = timesIn(timeZone);
  const { doc, done } = await pdfDocument(`8D报告 ${c.number} ${c.title}`);
  doc.font("bold").fontSize(20).text(`8D报告 ${c.number}`, { align: "center" });
  doc.fontSize(14).text(c.title, { align: "center" }).moveDown(0.5);
  doc.font("regular").fontSize(10);
  line(doc, "产品", [c.product, c.model].filter(Boolean).join(" "));
  line(doc, "批次", c.batch);
  if (c.serials.length > 0) line(doc, "序列号", c.serials.join("、"));
  line(doc, "发起人", who(c.openedBy));
  line(doc, "发起时间", when(c.createdAt));
  line(doc, "状态", c.status === "closed" ? `已结案（${when(c.closedAt)}）` : "处理中");
  heading(doc, "关联投诉", 12);
  table(
    doc,
    [
      ["工单号", 120],
      ["主题", 235],
      ["客户", 80],
      ["状态", 80],
    ],
    c.complaints.map((x) => [x.number, x.subject, x.customerName ?? "（隐藏）", x.status]),
  );
  for (const step of c.steps) {
    heading(doc, step.title);
    doc
      .fillColor("#4b5563")
      .fontSize(9)
      .text(
        `状态：${statusZh[step.status]}　负责人：${who(step.owner)}　期限：${when(step.dueAt)}　批准：${who(step.approvedBy)} ${step.approvedAt ? when(step.approvedAt) : ""}`,
        LEFT,
      )
      .fillColor("#111827")
      .fontSize(10)
      .moveDown(0.3);
    for (const section of disciplineSections(step.discipline, step.data, names, c.evidence))
      draw(doc, section, c.title);
  }
  doc.end();
  return done;
}
