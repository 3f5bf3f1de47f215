// Steps the export tests share: ask, wait for the file, read it back.

import ExcelJS from "exceljs";
import { expect } from "vitest";
import type { ApiClient } from "./api-client.js";
import { makeComplaint } from "./factories.js";
import type { ExportJob } from "./wire.js";

export async function startExport(client: ApiClient, body: object): Promise<ExportJob> {
  const res = await client.post<ExportJob>("/exports", body);
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return res.body;
}

/** Polls the export until it is done or failed (the server starts it at once). */
export async function finished(client: ApiClient, id: string): Promise<ExportJob> {
  for (let i = 0; i < 400; i++) {
    const res = await client.get<ExportJob>(`/exports/${id}`);
    expect(res.status).toBe(200);
    if (res.body.status === "done" || res.body.status === "failed") return res.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`export ${id} did not finish`);
}

/** The export's file, as the client's person downloads it (from whichever server `base` is). */
export async function download(client: Pick<ApiClient, "base" | "cookie">, id: string) {
  return fetch(`${client.base}/exports/${id}/file`, { headers: { cookie: client.cookie! } });
}

/** An XLSX answer's first sheet, each row as its cells' values, the header first. */
export async function xlsxRows(res: Response): Promise<unknown[][]> {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("spreadsheetml");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  const rows: unknown[][] = [];
  book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** The downloaded export's first sheet, each row as its cells' values, the header first. */
export async function sheetRows(client: ApiClient, id: string): Promise<unknown[][]> {
  return xlsxRows(await download(client, id));
}

/** Seven complaints, three of them price and four service, each with its own phone (returned). */
export async function makeExportableQueue(client: ApiClient): Promise<string[]> {
  const phones: string[] = [];
  for (let i = 0; i < 7; i++) {
    const phone = `1391234${String(1000 + i)}`;
    phones.push(phone);
    await makeComplaint(client, {
      customer: { name: `客户${i}`, phone },
      category: i % 3 === 0 ? "price" : "service",
      subject: `回电 ${phone} 说明扣费 ${i}`,
    });
  }
  return phones;
}
