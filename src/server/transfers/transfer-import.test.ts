import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ApiClient } from "../../test/api-client.js";
import { recordFinding } from "../../test/complaint-kit.js";
import { mobile } from "../../test/factories.js";
import type { Complaint } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";
import { signature } from "../notifications/signature.js";

const HOUR = 3_600_000;
const SECRET = "hotline-12345-shared-secret";
const headers = ["工单编号", "受理时间", "办结时限", "问题分类", "诉求内容", "来电号码", "来电人"];

const world = setupWorld(async (w) => {
  const supervisor = await w.staff("supervisor");
  const source = await w.admin.ok<{ id: string }>("POST", "/transfer-sources", {
    name: "12345市民热线",
    hotline: "12345",
    mapping: {
      externalNo: "工单编号",
      receivedAt: "受理时间",
      externalDueAt: "办结时限",
      category: "问题分类",
      description: "诉求内容",
      callerPhone: "来电号码",
      callerName: "来电人",
      result: "办理结果",
      finding: "调查核实情况",
      satisfaction: "满意度",
    },
    webhookSecret: SECRET,
  });
  return { supervisor, source };
});

/** "2026-12-07 09:30" in Shanghai: how a hotline's sheet spells a time. */
const shanghai = (at: Date) =>
  new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 16).replace("T", " ");

/** A 12345 export: 200 orders; rows 17, 58 and 120 are broken (no number, no date, past). */
async function hotlineSheet(now: Date): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("工单");
  sheet.addRow(headers);
  for (let row = 1; row <= 200; row++) {
    // The first order's deadline is earlier than any policy's: it must become the case's.
    const due = new Date(now.getTime() + (row === 1 ? 2 * HOUR : 5 * 24 * HOUR));
    sheet.addRow([
      row === 17 ? null : `GD2026120700${String(row).padStart(3, "0")}`,
      shanghai(new Date(now.getTime() - HOUR)),
      row === 58
        ? "明天下午"
        : row === 120
          ? shanghai(new Date(now.getTime() - 24 * HOUR))
          : shanghai(due),
      row % 2 ? "供电质量" : "街道噪音",
      `第${row}号来电：小区夜间频繁停电，影响生活。`,
      mobile(),
      `市民${row}`,
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const upload = (client: ApiClient, sourceId: string, file: Buffer, name = "12345.xlsx") => {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(file)]), name);
  return client.post(`/transfer-sources/${sourceId}/imports`, form);
};

const transferredCount = async () => {
  const { rows } = await world.server.db.execute(
    sql`select count(*)::int as n from complaints
        where source_hotline = '12345' and source_external_due_at is not null`,
  );
  return rows[0]!.n as number;
};

describe("importing a hotline's transferred work orders", () => {
  let sheet: Buffer;
  let report: { taken: { externalNo: string; number: string }[] };

  it("takes 197 of 200 rows, each with its external deadline, and names why 3 were refused", async () => {
    sheet = await hotlineSheet(new Date());
    const res = await upload(world.supervisor.client, world.source.id, sheet);
    expect(res.status).toBe(200);
    report = res.body;
    expect(res.body.total).toBe(200);
    expect(res.body.taken).toHaveLength(197);
    expect(res.body.refused).toEqual([
      { row: 17, externalNo: null, reasons: ["missing_external_no"] },
      { row: 58, externalNo: "GD2026120700058", reasons: ["bad_deadline"] },
      { row: 120, externalNo: "GD2026120700120", reasons: ["deadline_passed"] },
    ]);
    expect(await transferredCount()).toBe(197);
  });

  it("makes the external deadline the case's when it is earlier than ours", async () => {
    const first = await caseOf(report.taken[0]!.number);
    expect(first.source).toMatchObject({ type: "transfer", hotline: "12345" });
    expect(first.source.externalNo).toBe("GD2026120700001");
    expect(first.channel).toBe("upper_level");
    expect(first.category).toBe("supply_quality");
    expect(first.dueAt).toBe(first.source.externalDueAt);
    expect(first.owner).toBeNull();
  });

  it("adds nothing when the same file is imported again", async () => {
    const res = await upload(world.supervisor.client, world.source.id, sheet);
    expect(res.status).toBe(200);
    expect(res.body.taken).toHaveLength(0);
    expect(res.body.alreadyImported).toHaveLength(197);
    expect(await transferredCount()).toBe(197);
  });

  it("exports the reply-back in the hotline's layout with our result, finding and satisfaction", async () => {
    const client = world.supervisor.client;
    const c = await caseOf(report.taken[1]!.number);
    const assigned = await client.command(c.id, "assign", {
      version: c.version,
      ownerId: world.supervisor.user.id,
    });
    const judged = await recordFinding(client, assigned);
    await client.command(c.id, "reply", { version: judged.version, message: "已更换小区变压器" });
    const res = await fetch(
      `${client.base}/transfer-sources/${world.source.id}/reply-back?format=xlsx`,
      {
        headers: { cookie: client.cookie! },
      },
    );
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const rows: unknown[][] = [];
    book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual([...headers, "办理结果", "调查核实情况", "满意度"]);
    expect(rows).toHaveLength(2);
    expect(rows[1]![0]).toBe("GD2026120700002");
    expect(rows[1]![4]).toBe("第2号来电：小区夜间频繁停电，影响生活。");
    expect(rows[1]![7]).toBe("已更换小区变压器");
    expect(rows[1]![8]).toMatch(/^属实；我方责任；/);
    const csv = await client.get(`/transfer-sources/${world.source.id}/reply-back?format=csv`);
    expect(csv.body).toContain("GD2026120700002");
  });

  it("takes a pushed order signed with the source's secret and refuses a wrong signature", async () => {
    const order = {
      工单编号: "GD2026120799999",
      办结时限: new Date(Date.now() + 3 * 24 * HOUR).toISOString(),
      诉求内容: "推送的工单：路灯不亮",
      来电号码: mobile(),
    };
    const body = JSON.stringify(order);
    const push = (sig: string) =>
      fetch(`${world.admin.base}/transfer-sources/${world.source.id}/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-kesu-signature": sig },
        body,
      });
    expect((await push(signature("not-the-secret", body))).status).toBe(403);
    const res = await push(signature(SECRET, body));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { taken: unknown[] }).taken).toEqual([
      expect.objectContaining({ externalNo: "GD2026120799999" }),
    ]);
    const again = (await (await push(signature(SECRET, body))).json()) as { alreadyImported: [] };
    expect(again.alreadyImported).toHaveLength(1);
  });

  it("refuses an admin's edit of a source someone changed since it was read", async () => {
    const made = await world.admin.ok<{ id: string; version: number }>(
      "POST",
      "/transfer-sources",
      {
        name: "95598供电热线",
        hotline: "95598",
        mapping: { externalNo: "工单号", externalDueAt: "时限", description: "内容" },
      },
    );
    const path = `/transfer-sources/${made.id}`;
    const first = await world.admin.patch(path, { version: made.version, hotline: "95598-1" });
    expect([first.status, first.body.version]).toEqual([200, made.version + 1]);
    const second = await world.admin.patch(path, { version: made.version, active: false });
    expect([second.status, second.body.code]).toEqual([409, "version_conflict"]);
    expect(await world.admin.ok("GET", "/transfer-sources")).toMatchObject({
      items: expect.arrayContaining([
        expect.objectContaining({ id: made.id, hotline: "95598-1", active: true }),
      ]),
    });
  });
});

async function caseOf(number: string): Promise<Complaint> {
  const page = await world.supervisor.client.listComplaints(`?q=${number}`);
  return world.supervisor.client.complaint(page.items[0]!.id);
}
