// The 8D report as PDF, in Chinese: every discipline with its status, owner, due date and
// approver, the is / is-not table, the fishbone, the options compared, the team. The font is
// Noto Sans SC from an npm package (no system font needed); pdfkit embeds the subset of glyphs
// used, with a ToUnicode map, so the text is selectable and searchable.

import { createRequire } from "node:module";
import type {
  D0Data,
  D1Data,
  D2Data,
  D3Data,
  D4Data,
  D5Data,
  D6Data,
  D7Data,
  D8Data,
  Discipline,
} from "../../domain/quality/disciplines.js";
import { fishboneLabels } from "../../domain/quality/disciplines.js";
import { FISHBONE_HEIGHT, FISHBONE_WIDTH, fishboneShapes } from "../../domain/quality/fishbone.js";
import type { QualityCaseDto } from "./quality-case.schemas.js";

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

function heading(doc: Doc, text: string, size = 14) {
  if (doc.y > 720) doc.addPage();
  doc.moveDown(0.6).font("bold").fontSize(size).fillColor("#111827").text(text, LEFT);
  doc.font("regular").fontSize(10).fillColor("#111827");
}

function line(doc: Doc, label: string, value: string | number | null | undefined) {
  doc.font("bold").text(`${label}：`, LEFT, doc.y, { continued: true });
  doc
    .font("regular")
    .text(value === null || value === undefined || value === "" ? "—" : String(value));
}

/** A simple table: a header row, then rows; each row as tall as its tallest cell. */
function table(doc: Doc, columns: { title: string; width: number }[], rows: string[][]) {
  const draw = (cells: string[], bold: boolean) => {
    doc.font(bold ? "bold" : "regular").fontSize(9);
    const heights = cells.map((c, i) =>
      doc.heightOfString(c || "—", { width: columns[i]!.width - 8 }),
    );
    const h = Math.max(...heights) + 8;
    if (doc.y + h > 790) doc.addPage();
    const y = doc.y;
    let x = LEFT;
    cells.forEach((c, i) => {
      const w = columns[i]!.width;
      if (bold) doc.rect(x, y, w, h).fillAndStroke("#f3f4f6", "#9ca3af").fillColor("#111827");
      else doc.rect(x, y, w, h).stroke("#9ca3af");
      doc.text(c || "—", x + 4, y + 4, { width: w - 8 });
      x += w;
    });
    doc.x = LEFT;
    doc.y = y + h;
  };
  draw(
    columns.map((c) => c.title),
    true,
  );
  for (const row of rows) draw(row, false);
  doc.fontSize(10).moveDown(0.3);
}

function fishbone(doc: Doc, d4: Partial<D4Data>, problem: string) {
  const scale = WIDTH / FISHBONE_WIDTH;
  const h = FISHBONE_HEIGHT * scale;
  if (doc.y + h > 790) doc.addPage();
  const top = doc.y;
  const at = (x: number, y: number): [number, number] => [LEFT + x * scale, top + y * scale];
  for (const s of fishboneShapes(d4, problem)) {
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

function body(
  doc: Doc,
  d: Discipline,
  data: Record<string, unknown>,
  c: QualityCaseDto,
  names: Map<string, string>,
) {
  switch (d) {
    case "d0": {
      const v = data as Partial<D0Data>;
      table(
        doc,
        [
          { title: "紧急措施", width: 315 },
          { title: "负责人", width: 100 },
          { title: "完成时间", width: 100 },
        ],
        (v.actions ?? []).map((a) => [a.action, a.owner ?? "", a.doneAt ?? ""]),
      );
      if (v.note) line(doc, "说明", v.note);
      return;
    }
    case "d1": {
      const v = data as Partial<D1Data>;
      table(
        doc,
        [
          { title: "成员", width: 200 },
          { title: "职责", width: 215 },
          { title: "组长", width: 100 },
        ],
        (v.members ?? []).map((m) => [
          names.get(m.userId) ?? m.userId,
          m.role,
          m.userId === v.championId ? "组长" : "",
        ]),
      );
      return;
    }
    case "d2": {
      const v = data as Partial<D2Data>;
      const rows = (["what", "where", "when", "howMany"] as const).map((k) => [
        {
          what: "什么（What）",
          where: "哪里（Where）",
          when: "何时（When）",
          howMany: "多少（How many）",
        }[k],
        v[k]?.is ?? "",
        v[k]?.isNot ?? "",
      ]);
      table(
        doc,
        [
          { title: "维度", width: 115 },
          { title: "是（Is）", width: 200 },
          { title: "不是（Is not）", width: 200 },
        ],
        rows,
      );
      line(doc, "客户原话", v.customerWords);
      if (v.statement) line(doc, "问题陈述", v.statement);
      return;
    }
    case "d3": {
      const v = data as Partial<D3Data>;
      table(
        doc,
        [
          { title: "围堵措施", width: 195 },
          { title: "负责人", width: 80 },
          { title: "检查数量", width: 80 },
          { title: "隔离数量", width: 80 },
          { title: "完成", width: 80 },
        ],
        (v.actions ?? []).map((a) => [
          a.action,
          a.owner ?? "",
          String(a.quantityChecked ?? ""),
          String(a.quantityQuarantined ?? ""),
          a.done ? "是" : "否",
        ]),
      );
      return;
    }
    case "d4": {
      const v = data as Partial<D4Data>;
      for (const cause of v.rootCauses ?? []) {
        doc
          .font("bold")
          .text(
            `${cause.kind === "occurrence" ? "发生根本原因" : "流出根本原因"}：${cause.statement}${cause.category ? `（${fishboneLabels[cause.category]}）` : ""}`,
            LEFT,
          );
        doc.font("regular");
        cause.whys.forEach((why, i) => {
          doc.text(`  为什么 ${i + 1}：${why}`, LEFT);
        });
        if (cause.evidence.length > 0) doc.text(`  证据：${cause.evidence.length} 个附件`, LEFT);
      }
      doc
        .moveDown(0.3)
        .font("bold")
        .text("鱼骨图（人 机 料 法 环 测）", LEFT)
        .font("regular")
        .moveDown(0.2);
      fishbone(doc, v, c.title);
      return;
    }
    case "d5": {
      const v = data as Partial<D5Data>;
      table(
        doc,
        [
          { title: "方案", width: 175 },
          { title: "效果", width: 60 },
          { title: "见效快", width: 60 },
          { title: "成本低", width: 60 },
          { title: "方便操作", width: 70 },
          { title: "选定", width: 90 },
        ],
        (v.options ?? []).map((o, i) => [
          o.option,
          String(o.scores.effect),
          String(o.scores.speed),
          String(o.scores.cost),
          String(o.scores.ease),
          i === v.chosen ? "✓ 选定" : "",
        ]),
      );
      line(doc, "选定理由", v.why);
      return;
    }
    case "d6": {
      const v = data as Partial<D6Data>;
      line(doc, "实施", v.implementation);
      line(doc, "实施日期", v.implementedAt);
      line(doc, "验证", v.verification);
      line(
        doc,
        "客户确认",
        v.customerConfirmed
          ? `已确认${v.customerConfirmation ? `：${v.customerConfirmation}` : ""}`
          : "未确认",
      );
      line(doc, "围堵措施撤除", v.containmentWithdrawn ? "已撤除" : "未撤除");
      return;
    }
    case "d7": {
      const v = data as Partial<D7Data>;
      table(
        doc,
        [
          { title: "同类产品/机种", width: 215 },
          { title: "排查结果", width: 300 },
        ],
        (v.similarChecked ?? []).map((s) => [s.product, s.result]),
      );
      line(doc, "文件更新", (v.documents ?? []).join("；"));
      line(doc, "流程变更", (v.processChanges ?? []).join("；"));
      return;
    }
    case "d8": {
      const v = data as Partial<D8Data>;
      line(doc, "经验教训", v.lessonsLearned);
      line(doc, "团队表彰", v.recognition);
      return;
    }
  }
}

/** The report of one case; `names` gives the display names of D1's members. */
export async function qualityReportPdf(
  c: QualityCaseDto,
  names: Map<string, string>,
  timeZone: string,
): Promise<Buffer> {
  const when = timesIn(timeZone);
  // Loaded on the first report, not at start: pdfkit and its font engine are large.
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({
    size: "A4",
    margin: LEFT,
    info: { Title: `8D报告 ${c.number} ${c.title}`, Author: "kesu" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("regular", fonts.regular);
  doc.registerFont("bold", fonts.bold);
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
      { title: "工单号", width: 120 },
      { title: "主题", width: 235 },
      { title: "客户", width: 80 },
      { title: "状态", width: 80 },
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
    body(doc, step.discipline, step.data, c, names);
  }
  doc.end();
  return done;
}
