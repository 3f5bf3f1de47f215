import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, exportFileChunks, exportJobs } from "../../db/schema.js";
import {
  download,
  finished,
  makeExportableQueue,
  sheetRows,
  startExport,
  xlsxRows,
} from "../../test/export-kit.js";
import { startSecondServer } from "../../test/second-server.js";
import type { ComplaintListItem, ExportJob, Page } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";
import { pruneExpiredExports } from "./run-export.js";

const world = setupWorld(async (w) => ({
  agent: await w.staff("agent"),
  supervisor: await w.staff("supervisor"),
  quality: await w.staff("quality"),
}));

let phones: string[] = [];

beforeAll(async () => {
  phones = await makeExportableQueue(world.agent.client);
});

/** Every row the queue lists for the query, all pages. */
async function listed(client: typeof world.agent.client, query: string) {
  const items: ComplaintListItem[] = [];
  let cursor: string | null = null;
  do {
    const res: { body: Page<ComplaintListItem> } = await client.get<Page<ComplaintListItem>>(
      `/complaints?${query}&limit=2${cursor ? `&cursor=${cursor}` : ""}`,
    );
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

describe("a queue export", () => {
  it("holds exactly the queue's rows for a filter, read back with exceljs", async () => {
    const asked = await startExport(world.supervisor.client, {
      kind: "queue",
      format: "xlsx",
      filters: { category: "service", open: true },
    });
    expect(asked.status).toBe("queued");
    const done = await finished(world.supervisor.client, asked.id);
    expect(done).toMatchObject({ status: "done", percent: 100 });
    const [header, ...rows] = await sheetRows(world.supervisor.client, asked.id);
    expect(header![0]).toBe("投诉编号");
    const queue = await listed(world.supervisor.client, "category=service&open=true");
    expect(queue.length).toBe(4);
    expect(rows.map((r) => r[0]).sort()).toEqual(queue.map((c) => c.number).sort());
    expect(done.rowsDone).toBe(queue.length);
    expect(done.rowsTotal).toBe(queue.length);
    // Those who may see personal data get it whole, as in the list.
    expect(rows.map((r) => r[6]).sort()).toEqual(queue.map((c) => c.customer.phone).sort());
  });

  it("exports a saved view's filters", async () => {
    const view = await world.supervisor.client.post<{ id: string }>("/saved-views", {
      name: "价格类",
      filters: { category: "price" },
    });
    const asked = await startExport(world.supervisor.client, {
      kind: "queue",
      format: "csv",
      viewId: view.body.id,
    });
    const done = await finished(world.supervisor.client, asked.id);
    expect(done).toMatchObject({ status: "done", title: "价格类", rowsTotal: 3 });
    const bytes = await (await download(world.supervisor.client, asked.id)).arrayBuffer();
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFF投诉编号,")).toBe(true);
    expect(text.trim().split("\r\n")).toHaveLength(1 + 3);
  });

  it("masks phones for a role that may not see them, in their column and in the text", async () => {
    const asked = await startExport(world.quality.client, { kind: "queue", format: "csv" });
    await finished(world.quality.client, asked.id);
    const text = await (await download(world.quality.client, asked.id)).text();
    for (const phone of phones) expect(text).not.toContain(phone);
    const queue = await listed(world.quality.client, "");
    for (const item of queue) {
      expect(text).toContain(item.customer.phone!);
      expect(text).toContain(item.subject);
    }
    expect(text).toContain("139****1000");
  });

  it("is the requester's alone: others get 404 for it and its file", async () => {
    const asked = await startExport(world.agent.client, { kind: "queue", format: "xlsx" });
    await finished(world.agent.client, asked.id);
    for (const other of [world.supervisor.client, world.admin]) {
      expect((await other.get(`/exports/${asked.id}`)).status).toBe(404);
      expect((await download(other, asked.id)).status).toBe(404);
    }
    const mine = await world.agent.client.get<{ items: ExportJob[] }>("/exports");
    expect(mine.body.items.map((e) => e.id)).toContain(asked.id);
  });

  it("records who exported what in the audit log, with the export", async () => {
    const asked = await startExport(world.agent.client, {
      kind: "queue",
      format: "csv",
      filters: { category: "price" },
    });
    const [audit] = await world.server.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, asked.id));
    expect(audit).toMatchObject({
      action: "export_requested",
      entity: "export",
      actorId: world.agent.user.id,
      data: { kind: "queue", format: "csv", request: { filters: { category: "price" } } },
    });
    await finished(world.agent.client, asked.id);
  });

  it("downloads from another server on the database, its data folder not the writer's", async () => {
    const asked = await startExport(world.agent.client, { kind: "queue", format: "csv" });
    await finished(world.agent.client, asked.id);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kesu-other-server-"));
    const other = await startSecondServer({ ...world.server.app.config, dataDir });
    try {
      const here = await (await download(world.agent.client, asked.id)).text();
      const there = await download(
        { base: other.api, cookie: world.agent.client.cookie },
        asked.id,
      );
      expect(there.status).toBe(200);
      expect(await there.text()).toBe(here);
      expect(here.trim().split("\r\n")).toHaveLength(1 + 7);
    } finally {
      await other.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("deletes expired exports and their files", async () => {
    const asked = await startExport(world.agent.client, { kind: "queue", format: "csv" });
    await finished(world.agent.client, asked.id);
    const { db } = world.server;
    const pieces = () =>
      db.select().from(exportFileChunks).where(eq(exportFileChunks.exportId, asked.id));
    expect((await pieces()).length).toBe(1);
    await db
      .update(exportJobs)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(exportJobs.id, asked.id));
    await pruneExpiredExports(db);
    expect(await pieces()).toEqual([]);
    expect((await world.agent.client.get(`/exports/${asked.id}`)).status).toBe(404);
  });
});

describe("a report export", () => {
  it("holds the report's own file rows", async () => {
    const asked = await startExport(world.supervisor.client, {
      kind: "report",
      format: "xlsx",
      report: "kpis",
      query: { groupBy: "category" },
    });
    await finished(world.supervisor.client, asked.id);
    const exported = await sheetRows(world.supervisor.client, asked.id);
    const res = await fetch(
      `${world.supervisor.client.base}/reports/kpis?groupBy=category&format=xlsx`,
      {
        headers: { cookie: world.supervisor.client.cookie! },
      },
    );
    expect(exported).toEqual(await xlsxRows(res));
  });

  it("refuses a query the report would refuse, and the regulator table to an agent", async () => {
    const bad = await world.supervisor.client.post("/exports", {
      kind: "report",
      format: "csv",
      report: "regulator",
      query: { period: "last year" },
    });
    expect(bad.status).toBe(400);
    const agent = await world.agent.client.post("/exports", {
      kind: "report",
      format: "csv",
      report: "regulator",
      query: { period: "2026" },
    });
    expect(agent.status).toBe(403);
  });
});
