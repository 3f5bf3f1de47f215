import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const benchRoot = path.resolve(import.meta.dirname, "..");
const SEED = 7;

/**
 * The embedded data folder holding `complaints` generated complaints, made once (seed 7) and kept
 * under bench/.data/<size>, since 100k take a few minutes and 1M over an hour (docs/scaling.md). A folder without
 * its `generated.json` is a load that did not finish, so it is made again.
 */
export async function ensureBenchData(complaints: number): Promise<string> {
  const dataDir = path.join(benchRoot, ".data", String(complaints));
  const marker = path.join(dataDir, "generated.json");
  if (fs.existsSync(marker)) return dataDir;
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  process.stderr.write(`generating ${complaints} complaints into ${dataDir} …\n`);
  const output = await run(
    ["--import", "tsx", "bench/data/generate-data.command.ts", "--complaints", String(complaints)],
    { KESU_DATA_DIR: dataDir, LOG_LEVEL: "warn" },
  );
  // The generator prints its report as JSON followed by a line about the staff passwords.
  const report = output.slice(0, output.lastIndexOf("}") + 1);
  fs.writeFileSync(marker, JSON.stringify({ seed: SEED, ...JSON.parse(report) }, null, 2));
  return dataDir;
}

function run(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...args, "--seed", String(SEED)], {
      cwd: path.resolve(benchRoot, ".."),
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.once("exit", (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`data generator exited with ${code}`)),
    );
  });
}
