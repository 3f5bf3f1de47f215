import fs from "node:fs";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import { type DatabaseSize, databaseSize, folderBytes } from "../db/database-size.js";
import { finishedStatusList } from "../db/schema.js";
import { type JobHealth, jobHealth } from "../jobs/job-health.js";
import { print, withDatabase } from "./cli-database.js";
import { formatTable } from "./text-table.js";

export interface SystemStatus {
  version: string;
  node: string;
  database: DatabaseSize & {
    kind: "embedded" | "external";
    /** The embedded data folder, or the external server without its password. */
    where: string;
    /** On disk, embedded only: the cluster with its WAL, logs and the password file. */
    folderBytes: number | null;
  };
  complaints: { total: number; open: number };
  jobs: JobHealth;
}

const kesuVersion = (): string =>
  JSON.parse(fs.readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;

export async function systemStatus(
  db: Database,
  config: Config,
  embedded: boolean,
): Promise<SystemStatus> {
  const { rows } = await db.execute<{ total: number; open: number }>(sql`
    select count(*)::int as total,
           count(*) filter (where status not in (${finishedStatusList}))::int as open
      from complaints`);
  return {
    version: kesuVersion(),
    node: process.version,
    database: {
      kind: embedded ? "embedded" : "external",
      where: embedded ? config.dataDir : withoutPassword(config.DATABASE_URL!),
      folderBytes: embedded ? folderBytes(config.dataDir) : null,
      ...(await databaseSize(db)),
    },
    complaints: rows[0]!,
    jobs: await jobHealth(db),
  };
}

function withoutPassword(url: string) {
  const parsed = new URL(url);
  parsed.password = "";
  return parsed.toString();
}

export async function runStatus(args: string[]) {
  const { values } = parseArgs({ args, options: { json: { type: "boolean", default: false } } });
  const status = await withDatabase(({ db, config, embedded }) =>
    systemStatus(db, config, embedded),
  );
  print(values.json ? JSON.stringify(status, null, 2) : describeStatus(status));
}

export function describeStatus(s: SystemStatus): string {
  const { database: d, jobs } = s;
  const wal =
    d.walBytes === null
      ? "预写日志不可见 / WAL not visible to this account"
      : `预写日志 / WAL ${bytes(d.walBytes)}${d.folderBytes ? ` (${share(d.walBytes, d.folderBytes)})` : ""}`;
  const sweep = jobs.sweep.waitingClocks
    ? `${jobs.sweep.waitingClocks} 个时钟待处理 / clocks waiting, 最久 / oldest ${age(jobs.sweep.oldestWaitSeconds)}`
    : "正常 / up to date";
  const outbox = `待发 / waiting ${jobs.outbox.waiting} (重试中 / retrying ${jobs.outbox.retrying})${
    jobs.outbox.oldestWaitSeconds === null
      ? ""
      : `, 最久 / oldest ${age(jobs.outbox.oldestWaitSeconds)}`
  }; 24 小时内放弃 / given up in 24 h ${jobs.outbox.gaveUpLastDay}`;
  const facts = jobs.reportFacts.waitingCases
    ? `${jobs.reportFacts.waitingCases} 件待更新 / cases waiting, 最久 / oldest ${age(jobs.reportFacts.oldestWaitSeconds)}`
    : "正常 / up to date";
  const rollup = !jobs.reportRollup.built
    ? "尚未建立 / not built yet"
    : jobs.reportRollup.waitingDays
      ? `${jobs.reportRollup.waitingDays} 天待重建 / days waiting`
      : "正常 / up to date";
  return formatTable([
    ["版本 / Version", `kesu ${s.version} · Node ${s.node} · PostgreSQL ${d.version}`],
    [
      "数据库 / Database",
      `${d.kind === "embedded" ? "内置 / embedded" : "外部 / external"} ${d.where}`,
    ],
    ...(d.folderBytes === null
      ? []
      : [["数据目录 / Data folder", `${bytes(d.folderBytes)}, ${wal}`]]),
    [
      "数据库大小 / Database size",
      `${bytes(d.databaseBytes)}${d.folderBytes === null ? `, ${wal}` : ""}`,
    ],
    [
      "最大的表 / Largest tables",
      d.largestTables.map((t) => `${t.name} ${bytes(t.bytes)}`).join(", "),
    ],
    ["投诉 / Complaints", `${s.complaints.total} (未办结 / open ${s.complaints.open})`],
    ["时限扫描 / SLA sweep", sweep],
    ["外发队列 / Outbox", outbox],
    ["报表数据 / Report facts", facts],
    ["报表日汇总 / Report rollup", rollup],
  ]);
}

function bytes(n: number) {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let unit = 0;
  while (n >= 1024 && unit < units.length - 1) {
    n /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? n : n.toFixed(1)} ${units[unit]}`;
}

const share = (part: number, whole: number) => `${Math.round((100 * part) / whole)}%`;

function age(seconds: number | null) {
  if (seconds === null) return "—";
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} d`;
}
