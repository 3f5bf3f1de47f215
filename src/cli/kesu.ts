import { describeError } from "./cli-error.js";
import { runDemoLoad } from "./demo.command.js";
import { runDepartmentCreate } from "./department.command.js";
import { runExportComplaints } from "./export.command.js";
import { runStatus } from "./status.command.js";
import { usage } from "./usage.js";
import { runUserCreate, runUserResetPassword } from "./user.command.js";

type Command = (args: string[]) => Promise<void>;

const commands: Record<string, Record<string, Command>> = {
  user: { create: runUserCreate, "reset-password": runUserResetPassword },
  department: { create: runDepartmentCreate },
  demo: { load: runDemoLoad },
  export: { complaints: runExportComplaints },
  status: { "": runStatus },
};

/** `kesu <group> <action> [options]`; anything else, or --help anywhere, prints the usage. */
async function main(argv: string[]): Promise<number> {
  const [group = "help", ...afterGroup] = argv;
  // A group with an unnamed action (`kesu status`) takes everything after it as options.
  const [action = "", ...rest] = commands[group]?.[""] ? ["", ...afterGroup] : afterGroup;
  const command = commands[group]?.[action];
  if (!command || argv.includes("--help") || argv.includes("-h")) {
    const asked = group === "help" || argv.includes("--help") || argv.includes("-h");
    (asked ? process.stdout : process.stderr).write(usage);
    if (!asked) process.stderr.write(`\n未知命令 / unknown command: kesu ${argv.join(" ")}\n`);
    return asked ? 0 : 1;
  }
  try {
    await command(rest);
    return 0;
  } catch (e) {
    const { lines, expected } = describeError(e);
    process.stderr.write(`${lines.join("\n")}\n`);
    if (!expected && process.env.KESU_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    return 1;
  }
}

// Explicitly, so the exit status is the command's whatever handles are still open. Writes to
// stdout and stderr are synchronous on Linux for files and pipes, so nothing is cut off.
process.exit(await main(process.argv.slice(2)));
