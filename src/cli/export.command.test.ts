import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { makeComplaint, makeDepartment } from "../test/factories.js";
import type { Complaint } from "../test/wire.js";
import { setupWorld } from "../test/world.js";
import { CliError } from "./cli-error.js";
import { exportComplaints, exportFilters, exportHeader } from "./export.command.js";

const world = setupWorld();

/** Collects what the export writes, as text. */
function memory() {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { out, text: () => Buffer.concat(chunks).toString("utf8") };
}

/** A small RFC 4180 reader, so the test checks records rather than physical lines. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += ch;
  }
  return records;
}

const exportAll = async (filters = {}, batchSize = 2) => {
  const sink = memory();
  const count = await exportComplaints(
    { db: world.server.db, timeZone: "Asia/Shanghai" },
    sink.out,
    filters,
    batchSize,
  );
  return { count, text: sink.text() };
};

describe("kesu export complaints", () => {
  it("writes the BOM, the header and one record per complaint across several batches", async () => {
    const department = await makeDepartment(world.admin, { name: "信用卡中心" });
    const tricky = await makeComplaint(world.admin, {
      customer: { name: '王某, "老王"', phone: "13912345678" },
      subject: "卡片未收到，\n三次来电无人回复",
    });
    await world.admin.post<Complaint>(`/complaints/${tricky.id}/dispatch`, {
      version: tricky.version,
      departments: [{ departmentId: department.id }],
    });
    for (let i = 0; i < 4; i++) await makeComplaint(world.admin);

    const { count, text } = await exportAll();
    expect(count).toBe(5);
    expect(text.startsWith("\uFEFFnumber,kind,status,")).toBe(true);
    const records = parseCsv(text.slice(1));
    expect(records[0]).toEqual([...exportHeader]);
    expect(records).toHaveLength(6);
    expect(new Set(records.slice(1).map((r) => r[0])).size).toBe(5);
    expect(records.every((r) => r.length === exportHeader.length)).toBe(true);

    const row = records.find((r) => r[0] === tricky.number)!;
    const col = (name: (typeof exportHeader)[number]) => row[exportHeader.indexOf(name)];
    expect(col("customer_name")).toBe('王某, "老王"');
    expect(col("customer_phone")).toBe("13912345678");
    expect(col("subject")).toBe("卡片未收到，\n三次来电无人回复");
    expect(col("status")).toBe("dispatched");
    expect(col("owner_agent_no")).toBe("0001");
    expect(col("departments")).toBe("信用卡中心");
    expect(col("causes")).toBe("time_delayed;right_to_know");
    expect(col("received_at")).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(text).toContain('"王某, ""老王"""');
    expect(text).toContain('"卡片未收到，\n三次来电无人回复"');
  });

  it("filters by status and by the day received", async () => {
    const dispatched = await exportAll({ status: "dispatched" });
    expect(dispatched.count).toBe(1);
    const future = await exportAll({ from: "2999-01-01" });
    expect(future.count).toBe(0);
    expect(parseCsv(future.text.slice(1))).toHaveLength(1);
    const past = await exportAll({ to: "2000-01-01" });
    expect(past.count).toBe(0);
    const wide = await exportAll({ from: "2000-01-01", to: "2999-12-31" });
    expect(wide.count).toBe(5);
  });

  it("refuses unknown statuses and impossible dates with a clear message", () => {
    expect(() => exportFilters({ status: "open" })).toThrow(CliError);
    expect(() => exportFilters({ from: "2026-02-30" })).toThrow(/YYYY-MM-DD/);
    expect(() => exportFilters({ from: "2026-03-02", to: "2026-03-01" })).toThrow(CliError);
    expect(exportFilters({ status: "closed", from: "2026-01-01" })).toEqual({
      status: "closed",
      from: "2026-01-01",
      to: undefined,
    });
  });
});
