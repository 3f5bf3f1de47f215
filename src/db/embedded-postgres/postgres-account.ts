import { execFileSync, spawnSync } from "node:child_process";

/** Where the embedded server's start reports what it does. */
export interface Log {
  info(msg: string): void;
  warn(msg: string): void;
}

export const isRoot = process.getuid?.() === 0;

/** The account PostgreSQL runs as: root's processes drop to user postgres, others run as themselves. */
export interface RunAs {
  uid: number;
  gid: number;
}

/** The uid and gid of user postgres, created as a system user when missing. */
export function postgresUser(): RunAs {
  const lookup = (): RunAs | null => {
    try {
      const id = (flag: string) =>
        Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8", stdio: "pipe" }).trim());
      return { uid: id("-u"), gid: id("-g") };
    } catch {
      return null;
    }
  };
  const found = lookup();
  if (found) return found;
  try {
    const groupExists = spawnSync("getent", ["group", "postgres"]).status === 0;
    execFileSync(
      "useradd",
      [
        "--system",
        "--no-create-home",
        "--shell",
        "/usr/sbin/nologin",
        ...(groupExists ? ["--gid", "postgres"] : ["--user-group"]),
        "postgres",
      ],
      { stdio: "pipe" },
    );
  } catch (e) {
    const reason = (e as { stderr?: Buffer }).stderr?.toString().trim() || (e as Error).message;
    throw new Error(
      `kesu: PostgreSQL refuses to run as root and kesu could not create the user postgres to run it (${reason}); create that user (useradd --system postgres) or run kesu as another user.`,
    );
  }
  const created = lookup();
  if (!created) throw new Error("kesu: the user postgres was created but cannot be looked up.");
  return created;
}

/** Whether user postgres may search (directory) or execute (file) `target`. */
export function postgresCanEnter(runAs: RunAs, target: string): boolean {
  const probe = spawnSync("/bin/sh", ["-c", 'test -x "$1"', "sh", target], {
    uid: runAs.uid,
    gid: runAs.gid,
    cwd: "/",
    stdio: "ignore",
  });
  return probe.status === 0;
}

export const errorCode = (e: unknown) =>
  (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));

/** How kesu starts initdb and postgres: as user postgres when root, with English messages. */
export function spawnOptions(runAs: RunAs | null) {
  return {
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
    cwd: "/",
    env: { ...process.env, LC_MESSAGES: "C" },
  };
}
