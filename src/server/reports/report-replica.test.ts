import { describe, expect, it } from "vitest";
import { finished, sheetRows, startExport } from "../../test/export-kit.js";
import { makeComplaint } from "../../test/factories.js";
import type { KpiReport } from "../../test/wire.js";
import { setupWorld } from "../../test/world.js";

const onReplica = Boolean(process.env.KESU_TEST_REPLICA_URL);

// `.ci/run` runs the report tests once more with a streaming replica of its PostgreSQL as each
// test server's DATABASE_READ_URL (src/test/test-server.ts): only then are these defined (CI
// counts a skipped test as a failure).
const replicaOnly = onReplica ? describe : () => {};

replicaOnly("reports on a streaming replica (DATABASE_READ_URL)", () => {
  const world = setupWorld(async (w) => ({ supervisor: await w.staff("supervisor") }));

  it("count a case written on the primary a moment before, read on the replica", async () => {
    const { supervisor } = world;
    await makeComplaint(supervisor.client, { category: "billing" });
    const report = await supervisor.client.get<KpiReport>("/reports/kpis?groupBy=category");
    expect(report.status).toBe(200);
    expect(report.headers.get("kesu-read-from")).toBe("replica");
    expect(report.body.total.figures.accepted?.count).toBe(1);
    const file = await supervisor.client.get("/reports/causes?format=csv");
    expect(file.headers.get("kesu-read-from")).toBe("replica");
  });

  it("export a queue and a report from the replica, the case just written included", async () => {
    const { supervisor } = world;
    const written = await makeComplaint(supervisor.client);
    const queue = await startExport(supervisor.client, {
      kind: "queue",
      format: "xlsx",
      filters: { open: true },
    });
    expect(await finished(supervisor.client, queue.id)).toMatchObject({
      status: "done",
      readFrom: "replica",
    });
    expect((await sheetRows(supervisor.client, queue.id)).flat()).toContain(written.number);
    const report = await startExport(supervisor.client, {
      kind: "report",
      format: "xlsx",
      report: "kpis",
      query: {},
    });
    expect(await finished(supervisor.client, report.id)).toMatchObject({
      status: "done",
      readFrom: "replica",
    });
  });

  it("is a replica indeed: it refuses writes", async () => {
    await expect(
      world.server.app.reportDb!.$client.query("create table kesu_write_probe (id int)"),
    ).rejects.toThrow(/read-only/);
  });
});

describe("reports without a replica", () => {
  const world = setupWorld(async (w) => ({ supervisor: await w.staff("supervisor") }));

  it("say they were read on the primary", async () => {
    const report = await world.supervisor.client.get("/reports/kpis");
    expect(report.headers.get("kesu-read-from")).toBe(onReplica ? "replica" : "primary");
    const file = await startExport(world.supervisor.client, {
      kind: "queue",
      format: "csv",
      filters: { open: true },
    });
    expect((await finished(world.supervisor.client, file.id)).readFrom).toBe(
      onReplica ? "replica" : "primary",
    );
  });
});
