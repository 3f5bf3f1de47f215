import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { DEMO_PASSWORD, demoDepartments } from "../demo/demo-staff.js";
import { type DemoResult, loadDemo } from "../demo/load-demo.js";
import { roleLabels } from "../domain/access/role-labels.js";
import { complaintStatuses } from "../domain/complaint/complaint-lifecycle.js";
import { complaintStatusLabels } from "../domain/complaint/status-labels.js";
import { buildApp } from "../server/app.js";
import { ensureFirstAdmin } from "../server/first-admin.js";
import { print, withDatabase } from "./cli-database.js";
import { CliError } from "./cli-error.js";
import { formatTable } from "./text-table.js";

function wholeNumber(value: string | undefined, option: string, min: number, max: number) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new CliError(
      `--${option} 须为 ${min}–${max} 之间的整数`,
      `--${option} must be a whole number from ${min} to ${max}`,
    );
  return n;
}

function printSummary(result: DemoResult, seconds: number) {
  print(
    `演示数据已载入 / Demo data loaded: ${result.complaints} 条投诉 / complaints，` +
      `${result.customers} 位客户 / customers，${result.requests} 次 API 请求 / requests，` +
      `${seconds.toFixed(1)} s`,
  );
  print();
  const rows: (string | number)[][] = [["状态", "status", "数量 / count"]];
  for (const status of complaintStatuses)
    rows.push([complaintStatusLabels["zh-CN"][status], status, result.byStatus[status] ?? 0]);
  rows.push(["合计", "total", result.complaints]);
  print(formatTable(rows));
  print();
  print(`演示账号（密码均为 ${DEMO_PASSWORD}）/ Demo accounts (password ${DEMO_PASSWORD}):`);
  const staff: string[][] = [["用户名 username", "姓名", "工号", "角色 role", "部门 department"]];
  const departmentName = new Map(demoDepartments.map((d) => [d.code, d.name]));
  for (const u of result.staff)
    staff.push([
      u.username,
      u.displayName,
      u.agentNo,
      `${roleLabels["zh-CN"][u.role]} ${u.role}`,
      u.department ? `${departmentName.get(u.department)} ${u.department}` : "",
    ]);
  print(formatTable(staff));
}

export async function runDemoLoad(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { complaints: { type: "string" }, seed: { type: "string" } },
  });
  const complaints = wholeNumber(values.complaints, "complaints", 20, 5000) ?? 300;
  const seed = wholeNumber(values.seed, "seed", 0, 2 ** 32 - 1) ?? 42;
  const started = performance.now();
  const result = await withDatabase(async ({ db, config }) => {
    // The server creates `admin` only on an empty database; the demo's staff would prevent that.
    const adminPassword = await ensureFirstAdmin(db, config.KESU_ADMIN_PASSWORD);
    if (adminPassword && !config.KESU_ADMIN_PASSWORD)
      print(`首个管理员 / first admin — username: admin  password: ${adminPassword}`);
    const app = await buildApp({ config, db });
    try {
      return await loadDemo(app, {
        complaints,
        seed,
        onProgress: (done, total) => {
          if (done % 50 === 0 || done === total)
            process.stderr.write(`kesu: 已载入 / loaded ${done}/${total}\n`);
        },
      });
    } finally {
      await app.close();
    }
  });
  printSummary(result, (performance.now() - started) / 1000);
}
