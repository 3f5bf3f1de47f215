// The monthly analysis as files: a PDF in Chinese (the 8D report's fonts and table) and an XLSX
// with a sheet per section (exceljs, numbers as numbers), for the page's downloads and the mail.

import ExcelJS from "exceljs";
import { heading, line, pdfDocument, table } from "../quality-cases/quality-report.js";
import type { MonthlyAnalysis } from "./monthly-analysis.js";

const statusZh = { open: "未开始", in_progress: "进行中", done: "已完成", verified: "已验证" };
const shown = (v: number | null, unit: string) =>
  v === null ? "—" : unit === "percent" ? `${v}%` : String(v);
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The sections as rows, shared by both files so they always say the same. */
function sections(a: MonthlyAnalysis) {
  return {
    kpis: {
      name: "关键指标",
      headers: ["指标", `${a.month}`, `${a.previousMonth}`],
      rows: a.kpis.map((k) => [k.name.zh, k.value, k.previous]),
      units: a.kpis.map((k) => k.unit),
    },
    causes: {
      name: "主要原因",
      headers: ["原因", "件数", "占比（%）", "上月件数", "变化"],
      rows: a.causes.map((c) => [c.label.zh, c.count, c.share, c.previous, c.change]),
    },
    repeat: {
      name: "重复投诉客户",
      headers: ["客户", "投诉件数"],
      rows: a.repeatCustomers.top.map((r) => [r.name, r.complaints]),
    },
    departments: {
      name: "部门退单与超时",
      headers: ["部门", "受理量", "退单件数", "超时办结件数", "按时办结率（%）"],
      rows: a.departments.map((d) => [d.label.zh, d.accepted, d.returned, d.late, d.onTimeRate]),
    },
    quality: {
      name: "未结8D",
      headers: ["编号", "标题", "发起日期"],
      rows: a.qualityCases.map((q) => [q.number, q.title, q.openedAt.slice(0, 10)]),
    },
    actions: {
      name: "整改措施",
      headers: ["措施", "关联", "负责人", "部门", "期限", "状态", "逾期"],
      rows: a.actions.items.map((x) => [
        x.title,
        x.about.zh,
        `${x.owner.name}（${x.owner.agentNo}）`,
        x.department?.name ?? "—",
        x.dueDate,
        statusZh[x.status],
        x.overdue ? "是" : "否",
      ]),
    },
  };
}

export async function analysisPdf(a: MonthlyAnalysis): Promise<Buffer> {
  const s = sections(a);
  const { doc, done } = await pdfDocument(`月度投诉分析 ${a.month}`);
  doc.font("bold").fontSize(20).text(`月度投诉分析 ${a.month}`, { align: "center" });
  doc.font("regular").fontSize(10).moveDown(0.5);
  line(doc, "统计期间", `${a.from} 至 ${a.to}（与 ${a.previousMonth} 对比）`);
  heading(doc, "一、关键指标");
  table(
    doc,
    [
      ["指标", 215],
      [a.month, 150],
      [a.previousMonth, 150],
    ],
    s.kpis.rows.map(([name, now, then], i) => [
      name,
      shown(now as number | null, s.kpis.units[i]!),
      shown(then as number | null, s.kpis.units[i]!),
    ]),
  );
  heading(doc, "二、主要投诉原因及变化");
  table(
    doc,
    [
      ["原因", 195],
      ["件数", 70],
      ["占比", 80],
      ["上月", 80],
      ["变化", 90],
    ],
    a.causes.map((c) => [c.label.zh, c.count, `${c.share}%`, c.previous, signed(c.change)]),
  );
  heading(doc, "三、重复投诉客户");
  line(doc, "本月重复投诉客户数", a.repeatCustomers.customers);
  if (s.repeat.rows.length > 0)
    table(
      doc,
      [
        ["客户", 300],
        ["投诉件数", 215],
      ],
      s.repeat.rows,
    );
  heading(doc, "四、退单与超时较多的部门");
  table(
    doc,
    [
      ["部门", 155],
      ["受理量", 80],
      ["退单件数", 90],
      ["超时办结", 90],
      ["按时办结率", 100],
    ],
    a.departments.map((d) => [
      d.label.zh,
      d.accepted,
      d.returned,
      d.late,
      shown(d.onTimeRate, "percent"),
    ]),
  );
  heading(doc, "五、未结8D质量问题");
  table(
    doc,
    [
      ["编号", 120],
      ["标题", 295],
      ["发起日期", 100],
    ],
    s.quality.rows,
  );
  heading(doc, "六、整改措施");
  const t = a.actions.tally;
  line(doc, "进行中", t.open);
  line(doc, "已完成待验证", t.done);
  line(doc, "已验证", t.verified);
  line(doc, "已逾期", t.overdue);
  table(
    doc,
    [
      ["措施", 130],
      ["关联", 75],
      ["负责人", 90],
      ["部门", 65],
      ["期限", 65],
      ["状态", 50],
      ["逾期", 40],
    ],
    s.actions.rows,
  );
  doc.end();
  return done;
}

export async function analysisXlsx(a: MonthlyAnalysis): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const section of Object.values(sections(a))) {
    const sheet = book.addWorksheet(section.name);
    sheet.columns = section.headers.map((header, i) => ({ header, width: i === 0 ? 28 : 14 }));
    sheet.getRow(1).font = { bold: true };
    for (const row of section.rows) sheet.addRow([...row]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
