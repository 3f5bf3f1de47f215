import { AppError } from "../server/http/app-error.js";

/** An expected failure: shown as one line per language and exit code 1, never as a stack trace. */
export class CliError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** Lines to print for a failure; `expected` is false for bugs and surprises. */
export function describeError(e: unknown): { lines: string[]; expected: boolean } {
  if (e instanceof CliError) return { lines: [`错误：${e.zh}`, `Error: ${e.en}`], expected: true };
  // The server's own errors already carry messages in both languages.
  if (e instanceof AppError)
    return {
      lines: [`错误：${e.localized("zh-CN")}`, `Error: ${e.localized("en")}`],
      expected: true,
    };
  const { code, message } = e as { code?: string; message?: string };
  if (code?.startsWith("ERR_PARSE_ARGS"))
    return {
      lines: [`参数错误：${message}`, "Invalid arguments. Run `kesu help` for usage."],
      expected: true,
    };
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "28P01")
    return {
      lines: [
        `无法连接数据库：${message}`,
        "Error: cannot reach the database (check DATABASE_URL).",
      ],
      expected: true,
    };
  // loadConfig and the embedded-database start speak to people already ("kesu: …").
  if (message?.startsWith("kesu:")) return { lines: [message], expected: true };
  return { lines: [`意外错误 / Unexpected error: ${message ?? String(e)}`], expected: false };
}

/** The value of a required option, or a clear complaint naming it. */
export function required(value: string | undefined, option: string): string {
  if (value === undefined || value.trim() === "")
    throw new CliError(`缺少参数 --${option}`, `missing --${option}`);
  return value;
}
